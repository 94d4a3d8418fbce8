// Small things a person meets on the product and assist pages: in a browser without WebXR AR (plain Chromium, no
// emulator) the disabled "View in your space" is not promised "Shown at true size (1:1)"; an unknown product offers the
// catalog rather than a pointless "Try again"; an assist page for a unit with no saved alignment logs no 404.
import { describe, expect, it } from 'vitest';
import { openPage, screenshot, signInThroughUi } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';

const e2e = useServerAndBrowser();

const languages = [
  { language: 'en', unsupported: /isn't available/, trueScale: 'Shown at true size (1:1)', notFound: "We couldn't find that page.", toCatalog: 'Browse the products', retry: 'Try again', catalog: 'Products' },
  { language: 'es', unsupported: /no está disponible/, trueScale: 'Mostrado a tamaño real (1:1)', notFound: 'No hemos encontrado esa página.', toCatalog: 'Ver los productos', retry: 'Reintentar', catalog: 'Productos' },
] as const;

describe('the product page in a browser without AR', () => {
  for (const c of languages) {
    it(`says AR is unavailable without promising true size, and an unknown product leads to the catalog (${c.language})`, { timeout: 90_000 }, async () => {
      const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/products/wheel-corner`, { viewport: { width: 390, height: 844 }, locale: c.language === 'es' ? 'es-ES' : 'en-US' });
      try {
        const unsupported = page.getByTestId('ar-unsupported');
        await unsupported.waitFor();
        expect(await unsupported.innerText()).toMatch(c.unsupported);
        expect(await unsupported.getByRole('button').isDisabled()).toBe(true);
        expect(await page.getByText(c.trueScale).count(), 'true size is not promised under a disabled AR button').toBe(0);
        await screenshot(page, `product-no-ar-390-${c.language}`);

        await page.goto(`${e2e.server.url}/products/no-such-product`);
        const alert = page.getByRole('alert').filter({ hasText: c.notFound });
        await alert.waitFor();
        expect(await page.getByRole('button', { name: c.retry }).count(), 'no "Try again" for a product that does not exist').toBe(0);
        await screenshot(page, `product-unknown-390-${c.language}`);
        await alert.getByRole('link', { name: c.toCatalog }).click();
        await page.getByRole('heading', { level: 1, name: c.catalog }).waitFor();
      } finally {
        await context.close();
      }
    });
  }
});

describe('the assist page for a unit with no saved alignment', () => {
  it('asks for the alignment and hears "none" without a 404 in the console', { timeout: 90_000 }, async () => {
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: { width: 1280, height: 800 } });
    const errors: string[] = [];
    const notFound: string[] = [];
    page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    page.on('response', (response) => response.status() === 404 && notFound.push(response.url()));
    try {
      const answered = page.waitForResponse((response) => /\/api\/assets\/[^/]+\/alignment$/.test(new URL(response.url()).pathname));
      await signInThroughUi(page, e2e.server.url, 'tech@demo.local', '/assist/wheel-corner?asset=unit-without-alignment');
      const response = await answered;
      expect(response.status()).toBe(200);
      expect(await response.json()).toEqual({ alignment: null });
      await page.getByTestId('guide-runner').or(page.getByRole('heading', { level: 1 })).first().waitFor();
      expect(notFound, 'no request answered 404').toEqual([]);
      expect(errors.filter((text) => /404|not found/i.test(text)), 'no 404 in the console').toEqual([]);
    } finally {
      await context.close();
    }
  });
});
