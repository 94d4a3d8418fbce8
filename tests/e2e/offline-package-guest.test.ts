// A product downloaded signed out: the download says guides need a signed-in person and links to sign-in; once they
// sign in with a signal, their assist session is kept, so with the network cut by the browser the guide opens and runs.
import { describe, expect, it } from 'vitest';
import { openPage, screenshot, waitForTestState } from '../support/browser.ts';
import { seriousViolations } from '../support/axe.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { startGuideTestServer } from '../support/guide-e2e.ts';

const PRODUCT_URL = '/products/wheel-corner';

const e2e = useServerAndBrowser({ startServer: startGuideTestServer });

describe('a product downloaded signed out', () => {
  it('asks the guest to sign in, keeps their session once they have, and its guide then runs offline', { timeout: 300_000 }, async () => {
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}${PRODUCT_URL}`, { viewport: { width: 390, height: 844 } });
    try {
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 30_000 });
      const offline = page.getByTestId('offline-download');
      await offline.getByTestId('offline-sign-in').filter({ hasText: /^Guides run signed in: sign in first/ }).waitFor();
      await offline.getByRole('button', { name: 'Download for offline' }).click();
      await offline.getByRole('status').filter({ hasText: /^Available offline/ }).waitFor({ timeout: 120_000 });
      await offline.getByTestId('offline-sign-in').filter({ hasText: /^Its guides run signed in: sign in while you have a signal/ }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await offline.scrollIntoViewIfNeeded();
      await screenshot(page, 'offline-guest-phone-en');
      await page.getByLabel('Language').selectOption('es');
      await offline.getByRole('link', { name: 'Inicia sesión para guardar tu progreso' }).waitFor();
      await screenshot(page, 'offline-guest-phone-es');
      await page.setViewportSize({ width: 1280, height: 800 });
      await offline.scrollIntoViewIfNeeded();
      await screenshot(page, 'offline-guest-desktop-es');
      await page.getByLabel('Idioma').selectOption('en');

      await offline.getByRole('link', { name: 'Sign in to keep your progress' }).click();
      await page.getByLabel('E-mail').fill('tech@demo.local');
      await page.getByLabel('Password').fill('demo');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === PRODUCT_URL);
      await offline.getByRole('status').filter({ hasText: /^Available offline/ }).waitFor({ timeout: 60_000 });
      expect(await offline.getByTestId('offline-sign-in').count()).toBe(0);
      await page.waitForLoadState('networkidle');

      await context.setOffline(true);
      await page.goto(`${e2e.server.url}${PRODUCT_URL}`);
      await page.getByRole('link', { name: /^Start: / }).first().click();
      await page.getByTestId('guide-runner').waitFor();
      await waitForTestState(page, (s) => s.guide.stepId === 'prepare-vehicle', 'the guide’s first step, offline');
      await page.getByTestId('acknowledge-0').check();
      await page.getByTestId('guide-next').click();
      const moved = await waitForTestState(page, (s) => s.guide.stepId === 'loosen-wheel-bolts', 'the second step, offline');
      expect(moved.guide.pending).toBeGreaterThan(0);
    } finally {
      await context.close();
    }
  });
});
