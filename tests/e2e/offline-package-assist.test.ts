// "Download for offline" on an assist session page: a technician running the wheel corner's guide downloads it there;
// with the network cut by the browser the same session's page opens fresh, the guide goes on in emulated AR (only the
// 3D step panel is pressed) and nothing reaches the server; back online, the progress arrives on the server once.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, screenshot, setHeadPose, waitForTestState, signInThroughUi } from '../support/browser.ts';
import { seriousViolations } from '../support/axe.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { recordServerRequests } from '../support/server-requests.ts';
import { placeOnOpenFloor, pressPanelButton, startGuideTestServer } from '../support/guide-e2e.ts';
import { connectClient, emitWithAck, login } from '../support/test-server.ts';
import { pressHud } from '../support/hud-e2e.ts';

const PRODUCT_URL = '/products/wheel-corner';
const GUIDE_ID = 'wheel-corner-brake-pads';
/** Small, so the software renderer keeps a few frames a second. */
const AR_VIEWPORT = { width: 480, height: 400 };

const e2e = useServerAndBrowser({ startServer: startGuideTestServer });

/** What the downloads' cache holds for a path, in bytes (0 when nothing). */
function storedBytes(page: Page, url: string): Promise<number> {
  return page.evaluate(async (path) => {
    const stored = await (await caches.open('xr-assist-packages')).match(path);
    return stored ? (await stored.arrayBuffer()).byteLength : 0;
  }, url);
}

describe('an assist session downloaded for offline', () => {
  it('opens again without a connection, its guide goes on in AR, and the progress reaches the server once', { timeout: 600_000 }, async () => {
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`, { xr: true, viewport: AR_VIEWPORT });
    try {
      await signInThroughUi(page, e2e.server.url, 'tech@demo.local', PRODUCT_URL);
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
      await page.getByRole('link', { name: /^Start: / }).first().click();
      await page.getByTestId('guide-runner').waitFor();
      await waitForTestState(page, (s) => s.guide.stepId === 'prepare-vehicle' && s.guide.pending === 0, 'the guide started online');
      const assistUrl = page.url();
      const sessionId = new URL(assistUrl).searchParams.get('session');
      expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);

      const offline = page.getByTestId('offline-download');
      await offline.getByRole('button', { name: 'Download for offline' }).click();
      await offline.getByRole('status').filter({ hasText: /^Available offline \((\d+(\.\d)?) (kB|MB)\)$/ }).waitFor({ timeout: 120_000 });
      await offline.getByRole('button', { name: 'Remove download' }).waitFor();
      expect(await storedBytes(page, `/api/guides/${GUIDE_ID}`)).toBeGreaterThan(0);
      expect(await storedBytes(page, '/assets/models/wheel-corner.glb')).toBeGreaterThan(0);
      expect(await seriousViolations(page)).toEqual([]);
      await offline.scrollIntoViewIfNeeded();
      await screenshot(page, 'offline-assist-downloaded-en');
      await page.waitForLoadState('networkidle');

      const reached = recordServerRequests(e2e.server);
      await context.setOffline(true);
      await page.goto(assistUrl);
      await page.getByTestId('guide-runner').waitFor();
      await waitForTestState(page, (s) => s.guide.stepId === 'prepare-vehicle', 'the guide’s step, offline');
      expect(new URL(page.url()).searchParams.get('session')).toBe(sessionId);

      await setHeadPose(page, [0, 1.6, 0], [0, 0, 0, 1]);
      await page.getByTestId('enter-ar').click();
      await waitForTestState(page, (s) => s.ar.sessionActive, 'the AR session to start, offline');
      await placeOnOpenFloor(page);
      await pressPanelButton(page, 'ack:0', (s) => s.guide.acknowledgedWarnings.includes(0), 'the warning acknowledged on the 3D panel');
      const moved = await pressPanelButton(page, 'next', (s) => s.guide.stepId === 'loosen-wheel-bolts', 'Next to the second step');
      expect(moved.guide.pending).toBeGreaterThan(0);
      await screenshot(page, 'offline-assist-guide-ar');
      // As in offline-package.test.ts: the worker's own look for a new script may arrive late; nothing else may.
      expect(reached.filter((url) => !url.startsWith('/socket.io') && url !== '/sw.js')).toEqual([]);

      await context.setOffline(false);
      await waitForTestState(page, (s) => s.guide.pending === 0 && s.guide.stepId === 'loosen-wheel-bolts', 'the queued progress sent', 60_000);
      const tech = await login(e2e.server, 'tech@demo.local');
      const socket = await connectClient(e2e.server, { token: tech.token });
      try {
        const stored = await emitWithAck<{ ok: true; guide: { id: string }; progress: { currentStepId: string | null; history: string[] } }>(socket, 'guide:get', { sessionId });
        expect(stored.guide.id).toBe(GUIDE_ID);
        expect(stored.progress.currentStepId).toBe('loosen-wheel-bolts');
        expect(stored.progress.history).toEqual(['prepare-vehicle', 'loosen-wheel-bolts']);
      } finally {
        socket.close();
      }

      await pressHud(page, 'ar:leave', (s) => !s.ar.sessionActive);
      await page.setViewportSize({ width: 390, height: 844 });
      await offline.getByRole('status').filter({ hasText: /^Available offline/ }).waitFor();
      await offline.scrollIntoViewIfNeeded();
      await screenshot(page, 'offline-assist-phone-en');
      await page.getByLabel('Language').selectOption('es');
      await offline.getByRole('status').filter({ hasText: /^Disponible sin conexión/ }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await offline.scrollIntoViewIfNeeded();
      await screenshot(page, 'offline-assist-phone-es');
      await page.setViewportSize({ width: 1280, height: 800 });
      await offline.scrollIntoViewIfNeeded();
      await screenshot(page, 'offline-assist-desktop-es');
    } finally {
      await context.close();
    }
  });
});
