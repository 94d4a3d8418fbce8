// A customer previewing a product adds it, in the chosen finish, to the cart and orders it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { launchChromium, openPage } from '../support/browser.ts';
import { ADDRESS, signIn } from '../support/orders-api.ts';
import { signInThroughUi } from '../support/orders-e2e.ts';

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startTestServer();
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('ordering the product itself', () => {
  it('accepts the product in a variant as an order line, at the catalog price', async () => {
    const customer = await signIn(server, 'tech@demo.local');
    const { status, body } = await customer.request<{ order: { totalCents: number } }>(
      'POST',
      '/api/orders',
      { items: [{ sku: 'WC-FRONT-01-SILVER', quantity: 1 }], address: ADDRESS },
      { 'Idempotency-Key': 'product-order-0001' },
    );
    expect(status).toBe(201);
    expect(body.order.totalCents).toBe(68900);
  });

  it('puts the product in the chosen finish into the cart, priced by the server', async () => {
    const { context, page } = await openPage(browser, `${server.url}/`);
    try {
      await signInThroughUi(page, server.url, 'customer@demo.local', '/products/wheel-corner');
      await page.getByLabel('Gloss black rim').check();
      await page.getByRole('button', { name: 'Add to cart (Gloss black rim)' }).click();
      await page.waitForFunction(() => document.querySelector('[data-testid="cart-link"] .cart-count')?.textContent === '1');
      const customer = await signIn(server, 'customer@demo.local');
      const { body } = await customer.get<{ cart: { items: Array<{ sku: string; unitPriceCents: number }> } }>('/api/cart');
      expect(body.cart.items).toEqual([expect.objectContaining({ sku: 'WC-FRONT-01-BLACK', unitPriceCents: 68900 })]);
    } finally {
      await context.close();
    }
  });
});
