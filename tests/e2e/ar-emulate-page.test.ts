// The README's desktop AR path: the real page with ?emulate=1 installs the emulator itself over Chromium's own navigator.xr.
import { describe, expect, it } from 'vitest';
import { openPage, screenshot, waitForTestState } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';

const e2e = useServerAndBrowser();

/** Records, before any app script runs, what the browser itself offers and every CSP violation. */
const RECORD_NATIVE_XR = `
  window.__nativeXr = navigator.xr ? navigator.xr.constructor.name : null;
  window.__cspViolations = [];
  document.addEventListener('securitypolicyviolation', (event) => window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI));
`;

describe('?emulate=1 on localhost (no emulator installed by the test)', () => {
  for (const locale of ['en-US', 'es-ES'] as const) {
    it(`enters immersive AR in the emulated headset from the product page's own button (${locale})`, async () => {
      const url = e2e.server.url.replace('127.0.0.1', 'localhost');
      const { context, page } = await openPage(e2e.browser, 'about:blank', { locale, viewport: { width: 1280, height: 800 } });
      try {
        await context.addInitScript({ content: RECORD_NATIVE_XR });
        await page.goto(`${url}/products/wheel-corner?emulate=1`);
        expect(await page.evaluate(() => (window as unknown as { __nativeXr: string | null }).__nativeXr)).toBe('XRSystem');
        await page.getByTestId('ar-emulated').waitFor();
        expect(await page.getByTestId('ar-unsupported').count()).toBe(0);
        await page.getByTestId('enter-ar').click();
        const state = await waitForTestState(page, (s) => s.ar.sessionActive && s.ar.frames > 5, 'the emulated AR session to draw frames', 60_000);
        expect(state.ar.mode).toBe('immersive-ar');
        expect(state.ar.enabledFeatures).toContain('hit-test');
        expect(await page.getByRole('alert').count()).toBe(0);
        await screenshot(page, `emulate-page-session-${locale}`);
        expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
