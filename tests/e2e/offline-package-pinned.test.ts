// A session keeps the guide version it started on, offline too: a technician starts the wheel corner's guide while its
// first step shows one picture; the author then publishes a version with another picture. "Download for offline" on
// the session's page stores the picture of the version being run (beside the latest one's), and with the network cut
// by the browser the session's first step still shows it.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { GuideDetailResponse } from '../../core/guide-version.ts';
import { openPage, signInThroughUi, waitForTestState } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { startGuideTestServer } from '../support/guide-e2e.ts';
import { signIn } from '../support/orders-api.ts';

const GUIDE_ID = 'wheel-corner-brake-pads';
/** Not the wheel corner's own thumbnail, which its package stores anyway. */
const RUN_IMAGE = '/assets/thumbnails/espresso-machine.webp';
const LATER_IMAGE = '/assets/thumbnails/water-heater.webp';
const e2e = useServerAndBrowser({ startServer: startGuideTestServer });

/** The author gives the first step a picture and publishes that as a new version. */
async function publishFirstStepImage(url: string): Promise<void> {
  const admin = await signIn(e2e.server, 'admin@demo.local');
  const { guide } = (await admin.get<GuideDetailResponse>(`/api/guides/${GUIDE_ID}`)).body;
  const [first, ...rest] = guide.steps;
  if (!first) throw new Error('the seed guide has no steps');
  const media = { kind: 'image', url, alt: { en: 'The first step', es: 'El primer paso' } } as const;
  expect((await admin.request('POST', '/api/guides', { ...guide, steps: [{ ...first, media }, ...rest] })).status).toBe(201);
}

function storedBytes(page: Page, url: string): Promise<number> {
  return page.evaluate(async (path) => {
    const stored = await (await caches.open('xr-assist-packages')).match(path);
    return stored ? (await stored.arrayBuffer()).byteLength : 0;
  }, url);
}

describe('a downloaded session on an older guide version', () => {
  it('stores and shows offline the picture of the version it runs, not only the latest', { timeout: 300_000 }, async () => {
    await publishFirstStepImage(RUN_IMAGE);
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: { width: 1280, height: 800 } });
    try {
      await signInThroughUi(page, e2e.server.url, 'tech@demo.local', '/products/wheel-corner');
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
      await page.getByRole('link', { name: /^Start: / }).first().click();
      await page.getByTestId('guide-runner').waitFor();
      await waitForTestState(page, (s) => s.guide.stepId === 'prepare-vehicle' && s.guide.pending === 0, 'the guide started online');
      const assistUrl = page.url();
      const picture = page.getByTestId('guide-runner').getByRole('img', { name: 'The first step' });
      expect(await picture.getAttribute('src')).toBe(RUN_IMAGE);

      await publishFirstStepImage(LATER_IMAGE);
      const offline = page.getByTestId('offline-download');
      await offline.getByRole('button', { name: 'Download for offline' }).click();
      await offline.getByRole('status').filter({ hasText: /^Available offline/ }).waitFor({ timeout: 120_000 });
      expect(await storedBytes(page, LATER_IMAGE), 'the latest version’s picture, stored with the product').toBeGreaterThan(0);
      expect(await storedBytes(page, RUN_IMAGE), 'the picture of the version this session runs').toBeGreaterThan(0);
      await page.waitForLoadState('networkidle');

      await context.setOffline(true);
      await page.goto(assistUrl);
      await waitForTestState(page, (s) => s.guide.stepId === 'prepare-vehicle', 'the session’s step, offline');
      expect(await picture.getAttribute('src')).toBe(RUN_IMAGE);
      await expect.poll(() => picture.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0), { timeout: 15_000 }).toBe(true);
    } finally {
      await context.close();
    }
  });
});
