// "Download for offline": a technician downloads the wheel corner online; with the network cut by the browser the
// product page opens fresh, its guide runs in emulated AR (only the 3D step panel is pressed) and nothing reaches the
// server; back online, the progress arrives on the server once. A new guide version refreshes the download at the next
// online start; the storage page lists it with its size and clears it.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, screenshot, setHeadPose, waitForTestState, signInThroughUi } from '../support/browser.ts';
import { seriousViolations } from '../support/axe.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { recordServerRequests } from '../support/server-requests.ts';
import { placeOnOpenFloor, pressPanelButton, startGuideTestServer } from '../support/guide-e2e.ts';
import { connectClient, emitWithAck, login } from '../support/test-server.ts';
import { signIn } from '../support/orders-api.ts';
import type { GuideDetailResponse } from '../../core/guide-version.ts';

const PRODUCT_URL = '/products/wheel-corner';
const GUIDE_ID = 'wheel-corner-brake-pads';
/** Small, so the software renderer keeps a few frames a second. */
const AR_VIEWPORT = { width: 480, height: 400 };

const e2e = useServerAndBrowser({ startServer: startGuideTestServer });

async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
}

/** What the downloads' cache holds for a path, in bytes (0 when nothing). */
function storedBytes(page: Page, url: string): Promise<number> {
  return page.evaluate(async (path) => {
    const stored = await (await caches.open('xr-assist-packages')).match(path);
    return stored ? (await stored.arrayBuffer()).byteLength : 0;
  }, url);
}

/** The version of the guide the downloads' cache holds. */
function storedGuideVersion(page: Page): Promise<number> {
  return page.evaluate(async (path) => {
    const stored = await (await caches.open('xr-assist-packages')).match(path);
    return stored ? ((await stored.json()) as { version: number }).version : 0;
  }, `/api/guides/${GUIDE_ID}`);
}

describe('a product downloaded for offline', () => {
  it('opens fresh without a connection, runs its guide in AR, and its progress reaches the server once when back online', { timeout: 600_000 }, async () => {
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`, { xr: true, viewport: AR_VIEWPORT });
    try {
      await signInThroughUi(page, e2e.server.url, 'tech@demo.local', PRODUCT_URL);
      await waitForServiceWorker(page);
      const offline = page.getByTestId('offline-download');
      await offline.getByRole('button', { name: 'Download for offline' }).click();
      const done = offline.getByRole('status').filter({ hasText: /^Available offline \((\d+(\.\d)?) (kB|MB)\)$/ });
      await done.waitFor({ timeout: 120_000 });
      await offline.getByRole('button', { name: 'Remove download' }).waitFor();
      expect(await storedBytes(page, `/api/guides/${GUIDE_ID}`)).toBeGreaterThan(0);
      expect(await storedBytes(page, '/assets/models/wheel-corner.glb')).toBeGreaterThan(0);
      expect(await storedBytes(page, '/assets/input-profiles/meta-quest-touch-plus/profile.json')).toBeGreaterThan(0);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'offline-package-downloaded-en');
      await page.waitForLoadState('networkidle');

      const reached = recordServerRequests(e2e.server);
      await context.setOffline(true);
      await page.goto(`${e2e.server.url}${PRODUCT_URL}`);
      await page.getByRole('heading', { level: 1, name: /wheel corner/i }).waitFor();
      await offline.getByRole('status').filter({ hasText: /^Available offline/ }).waitFor();
      await page.getByRole('link', { name: /^Start: / }).first().click();
      await page.getByTestId('guide-runner').waitFor();
      await waitForTestState(page, (s) => s.guide.stepId === 'prepare-vehicle', 'the guide’s first step, offline');

      await setHeadPose(page, [0, 1.6, 0], [0, 0, 0, 1]);
      await page.getByTestId('enter-ar').click();
      await waitForTestState(page, (s) => s.ar.sessionActive, 'the AR session to start, offline');
      await placeOnOpenFloor(page);
      await pressPanelButton(page, 'ack:0', (s) => s.guide.acknowledgedWarnings.includes(0), 'the warning acknowledged on the 3D panel');
      const moved = await pressPanelButton(page, 'next', (s) => s.guide.stepId === 'loosen-wheel-bolts', 'Next to the second step');
      expect(moved.guide.pending).toBeGreaterThan(0);
      await screenshot(page, 'offline-package-guide-ar');
      // Left out: the look for a new worker script the page started online, just after the install; headless Chromium
      // can hold it about a minute while WebGL renders, so it may arrive now (the app starts no look while offline).
      expect(reached.filter((url) => !url.startsWith('/socket.io') && url !== '/sw.js')).toEqual([]);

      await context.setOffline(false);
      const synced = await waitForTestState(page, (s) => s.guide.pending === 0 && s.guide.stepId === 'loosen-wheel-bolts', 'the queued progress sent', 60_000);
      expect(synced.guide.acknowledgedWarnings).toEqual([]);
      const sessionId = new URL(page.url()).searchParams.get('session');
      expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
      const tech = await login(e2e.server, 'tech@demo.local');
      const socket = await connectClient(e2e.server, { token: tech.token });
      try {
        const stored = await emitWithAck<{ ok: true; guide: { id: string }; progress: { currentStepId: string | null; history: string[]; acknowledgedWarnings: Record<string, number[]> } }>(socket, 'guide:get', { sessionId });
        expect(stored.guide.id).toBe(GUIDE_ID);
        expect(stored.progress.currentStepId).toBe('loosen-wheel-bolts');
        expect(stored.progress.history).toEqual(['prepare-vehicle', 'loosen-wheel-bolts']);
      } finally {
        socket.close();
      }
    } finally {
      await context.close();
    }
  });

  it('is stored again when its guide changes, and is listed, sized and cleared on the storage page', { timeout: 300_000 }, async () => {
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}${PRODUCT_URL}`, { viewport: { width: 390, height: 844 } });
    try {
      await waitForServiceWorker(page);
      const offline = page.getByTestId('offline-download');
      await offline.getByRole('button', { name: 'Download for offline' }).click();
      await offline.getByRole('status').filter({ hasText: /^Available offline/ }).waitFor({ timeout: 120_000 });
      const before = await storedGuideVersion(page);

      const admin = await signIn(e2e.server, 'admin@demo.local');
      const { guide } = (await admin.get<GuideDetailResponse>(`/api/guides/${GUIDE_ID}`)).body;
      const published = await admin.request<{ version: number }>('POST', '/api/guides', { ...guide, estimatedMinutes: guide.estimatedMinutes + 5 });
      expect(published.status).toBe(201);
      expect(published.body.version).toBeGreaterThan(before);
      await page.reload();
      await page.waitForFunction(
        async ([path, version]) => {
          const stored = await (await caches.open('xr-assist-packages')).match(path);
          return stored !== undefined && ((await stored.json()) as { version: number }).version === version;
        },
        [`/api/guides/${GUIDE_ID}`, published.body.version] as const,
        { timeout: 120_000, polling: 500 },
      );
      await offline.getByRole('status').filter({ hasText: /^Available offline/ }).waitFor();
      await offline.scrollIntoViewIfNeeded();
      await screenshot(page, 'offline-package-product-phone-en');

      await offline.getByRole('link', { name: 'Offline storage' }).click();
      await page.getByRole('heading', { level: 1, name: 'Offline storage' }).waitFor();
      const listed = page.getByTestId('offline-packages').getByRole('listitem');
      await listed.filter({ hasText: /Front wheel corner/ }).waitFor();
      expect(await listed.count()).toBe(1);
      await page.getByTestId('offline-usage').waitFor();
      expect(await page.getByTestId('offline-total').textContent()).toMatch(/^Downloads: \d+(\.\d)? (kB|MB)$/);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'offline-storage-phone-en');
      await page.getByLabel('Language').selectOption('es');
      await page.getByRole('heading', { level: 1, name: 'Almacenamiento sin conexión' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'offline-storage-phone-es');
      await page.setViewportSize({ width: 1280, height: 800 });
      await screenshot(page, 'offline-storage-desktop-es');

      await page.getByRole('button', { name: 'Borrar todas las descargas' }).click();
      await page.getByRole('status').filter({ hasText: 'No hay ningún producto descargado.' }).waitFor();
      expect(await storedBytes(page, `/api/guides/${GUIDE_ID}`)).toBe(0);
      expect(await storedBytes(page, '/assets/models/wheel-corner.glb')).toBe(0);
      expect(await page.getByRole('link', { name: /^Abrir / }).count()).toBe(0);
      await page.goto(`${e2e.server.url}${PRODUCT_URL}`);
      await offline.getByRole('button', { name: 'Descargar para usar sin conexión' }).waitFor();
      await offline.scrollIntoViewIfNeeded();
      await screenshot(page, 'offline-package-product-desktop-es');
    } finally {
      await context.close();
    }
  });
});
