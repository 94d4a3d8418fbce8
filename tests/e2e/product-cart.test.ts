// A customer previewing a product adds it, in the chosen finish, to the cart and orders it.
import { describe, expect, it } from 'vitest';
import { openPage } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { ADDRESS, signIn } from '../support/orders-api.ts';
import { signInThroughUi } from '../support/orders-e2e.ts';

const e2e = useServerAndBrowser();

describe('ordering the product itself', () => {
  it('accepts the product in a variant as an order line, at the catalog price', async () => {
    const customer = await signIn(e2e.server, 'tech@demo.local');
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
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`);
    try {
      await signInThroughUi(page, e2e.server.url, 'customer@demo.local', '/products/wheel-corner');
      await page.getByLabel('Gloss black rim').check();
      await page.getByRole('button', { name: 'Add Front wheel corner (Gloss black rim) to cart — €689.00', exact: true }).click();
      await page.waitForFunction(() => document.querySelector('[data-testid="cart-link"] .cart-count')?.textContent === '1');
      const customer = await signIn(e2e.server, 'customer@demo.local');
      const { body } = await customer.get<{ cart: { items: Array<{ sku: string; unitPriceCents: number }> } }>('/api/cart');
      expect(body.cart.items).toEqual([expect.objectContaining({ sku: 'WC-FRONT-01-BLACK', unitPriceCents: 68900 })]);
    } finally {
      await context.close();
    }
  });
});
