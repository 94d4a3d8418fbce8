// The product page's two "add" buttons (the product's own and the picked part's) say which thing they add and at what
// price, by visible text and accessible name, in en and es; a part tapped in the inline 3D view opens its card fully in
// view, on a phone and on a laptop, with no serious or critical axe violation.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ProductDetail } from '../../core/catalog.ts';
import { openPage, screenshot, waitForTestState } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { seriousViolations } from '../support/axe.ts';
import { signInThroughUi } from '../support/orders-e2e.ts';
import { startGuideTestServer } from '../support/guide-e2e.ts';

const e2e = useServerAndBrowser({ startServer: startGuideTestServer });
const SIZES = [
  { name: '390', viewport: { width: 390, height: 844 } },
  { name: 'desktop', viewport: { width: 1280, height: 800 } },
] as const;
const WORDS = {
  en: { locale: 'en-IE', product: (name: string, variant: string, price: string) => `Add ${name} (${variant}) to cart — ${price}`, part: (name: string, price: string) => `Add ${name} to cart — ${price}` },
  es: { locale: 'es-ES', product: (name: string, variant: string, price: string) => `Añadir ${name} (${variant}) al carrito — ${price}`, part: (name: string, price: string) => `Añadir ${name} al carrito — ${price}` },
} as const;

/** Taps the inline 3D view at points spiralling out from its centre until one lands on a part; returns that part's id. */
async function tapAPartInTheView(page: Page): Promise<string> {
  await page.evaluate(() => window.scrollTo(0, 0));
  const canvas = page.locator('.product-stage canvas');
  await waitForTestState(page, (s) => s.viewer.modelLoaded && s.viewer.frames > 2, 'the product in the inline view');
  const box = (await canvas.boundingBox())!;
  for (const [dx, dy] of [[0, 0], [0.1, 0], [-0.1, 0], [0, 0.1], [0, -0.1], [0.2, 0.1], [-0.2, -0.1], [0.1, 0.25], [-0.1, 0.25], [0.25, -0.2]] as const) {
    await page.mouse.click(box.x + box.width * (0.5 + dx), box.y + box.height * (0.5 + dy));
    const picked = await waitForTestState(page, (s) => s.orders.partCard !== null, 'a part card', 1500).catch(() => null);
    if (picked) return picked.orders.partCard!.partId;
  }
  throw new Error('no tap on the inline view picked a part');
}

async function expectInViewport(page: Page, what: string, selector: string): Promise<void> {
  const viewport = page.viewportSize()!;
  const box = (await page.locator(selector).boundingBox())!;
  const inside = box.x >= 0 && box.y >= 0 && box.x + box.width <= viewport.width && box.y + box.height <= viewport.height;
  expect(inside, `${what} at ${JSON.stringify(box)} in ${viewport.width}×${viewport.height}`).toBe(true);
}

describe('the product page says what each add button adds', () => {
  for (const size of SIZES) {
    it(`names the product and the part with their prices, and keeps the part card in view (${size.name})`, async () => {
      const product = (await (await fetch(`${e2e.server.url}/api/products/wheel-corner`)).json()) as ProductDetail;
      const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: size.viewport });
      try {
        await signInThroughUi(page, e2e.server.url, 'customer@demo.local', '/products/wheel-corner');
        for (const language of ['en', 'es'] as const) {
          const words = WORDS[language];
          const price = (cents: number) => new Intl.NumberFormat(words.locale, { style: 'currency', currency: 'EUR' }).format(cents / 100);
          if (language === 'es') {
            await page.getByRole('button', { name: /close the part card/i }).click();
            await page.getByLabel('Language').selectOption('es');
          }
          await page.getByRole('heading', { level: 1, name: product.name[language] }).waitFor();
          const productButton = page.getByRole('button', { name: words.product(product.name[language], product.variants[0]!.name[language], price(product.priceCents)), exact: true });
          await productButton.waitFor();
          expect(await productButton.innerText()).toBe(words.product(product.name[language], product.variants[0]!.name[language], price(product.priceCents)));

          const partId = await tapAPartInTheView(page);
          const part = product.parts.find((candidate) => candidate.id === partId)!;
          const card = page.getByRole('dialog', { name: part.name[language] });
          const partButton = card.getByRole('button', { name: words.part(part.name[language], price(part.priceCents)), exact: true });
          await partButton.waitFor();
          expect(await partButton.innerText()).toBe(words.part(part.name[language], price(part.priceCents)));
          expect(await page.getByRole('button', { name: /^(Add to cart|Añadir al carrito)/ }).count(), 'no button that names nothing').toBe(0);
          await page.waitForTimeout(400); // the card's own layout has settled (it loads its part, then grows)
          await expectInViewport(page, `the ${part.id} card`, '[data-testid="part-card"]');
          await screenshot(page, `product-part-card-${language}-${size.name}`);
          expect(await seriousViolations(page), `axe with the part card open (${language}, ${size.name})`).toEqual([]);
        }
      } finally {
        await context.close();
      }
    });
  }
});
