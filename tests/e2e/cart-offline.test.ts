// A customer whose connection drops keeps changing the cart: the changes show at once with a polite offline notice,
// checkout says it needs a connection, and once back online the server holds exactly those changes, in order, once.
import { beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { openPage, screenshot, waitForTestState } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { signIn, type ApiClient } from '../support/orders-api.ts';
import { signInThroughUi } from '../support/orders-e2e.ts';

const e2e = useServerAndBrowser();
let customer: ApiClient;

beforeAll(async () => {
  customer = await signIn(e2e.server, 'customer@demo.local');
});

interface CartBody {
  cart: { items: Array<{ sku: string; quantity: number }> };
}

const serverCart = async () => (await customer.get<CartBody>('/api/cart')).body.cart.items.map(({ sku, quantity }) => ({ sku, quantity }));
const sockets = () => e2e.server.realtime.io.of('/').sockets.size;

/** Opens a part's card from the product page's parts list, once the cart has loaded online with `cartCount` items. */
async function openPartCard(page: Page, name: string, cartCount: number): Promise<Locator> {
  await page.getByText('Parts', { exact: true }).click();
  await page.getByRole('button', { name }).click();
  const card = page.getByRole('dialog', { name });
  await card.getByRole('button', { name: `Add ${name} to cart — €` }).waitFor();
  await waitForTestState(page, (s) => s.orders.cartOnline && s.orders.cartCount === cartCount, 'the cart loaded online');
  return card;
}

async function goOffline(context: BrowserContext, page: Page): Promise<void> {
  await context.setOffline(true);
  await waitForTestState(page, (s) => !s.orders.cartOnline, 'the cart to notice it is offline');
}

describe('cart changes made offline', () => {
  it('show at once, wait politely, and reach the server in order and once when the connection is back', async () => {
    expect((await customer.request('DELETE', '/api/cart')).status).toBe(200);
    expect((await customer.request('POST', '/api/cart/items', { sku: 'WC-CBU-01', quantity: 2 })).status).toBe(200);
    const received: string[] = [];
    e2e.server.realtime.io.on('connection', (socket) => {
      socket.onAny((event: string, payload: { sku?: string; quantity?: number }) => {
        if (event === 'cart:add-item' || event === 'cart:set-item') received.push(`${event} ${payload.sku} ${payload.quantity}`);
      });
    });

    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`);
    try {
      await signInThroughUi(page, e2e.server.url, 'customer@demo.local', '/cart');
      await page.locator('[data-sku="WC-CBU-01"]').waitFor();
      await page.getByRole('link', { name: 'Catalog' }).click();
      await page.getByRole('link', { name: /Front wheel corner/ }).first().click();
      const card = await openPartCard(page, 'Brake pads (axle set)', 2);

      await goOffline(context, page);
      for (let i = 0; i < 50 && sockets() > 0; i += 1) await page.waitForTimeout(100);
      expect(sockets()).toBe(0);

      await card.getByLabel('Quantity', { exact: true }).fill('3');
      await card.getByRole('button', { name: 'Add 3 × Brake pads (axle set) to cart — €137.70', exact: true }).click();
      await card.getByText('Added 3 × Brake pads (axle set) to your cart; they will be sent when you are back online.').waitFor();
      const notice = page.getByTestId('cart-sync');
      expect(await notice.getAttribute('aria-live')).toBe('polite');
      await notice.getByText('Offline — your cart changes will be sent when you are back online.').waitFor();
      await card.getByLabel('Quantity', { exact: true }).fill('1');
      await card.getByRole('button', { name: 'Add Brake pads (axle set) to cart — €45.90', exact: true }).click();
      await card.getByText('Added 1 × Brake pads (axle set) to your cart; it will be sent when you are back online.').waitFor();
      await page.getByRole('link', { name: 'Cart, 6 items' }).click();

      const pads = page.locator('[data-sku="WC-PAD-01"]');
      const bolt = page.locator('[data-sku="WC-CBU-01"]');
      await pads.getByText('Not sent yet').waitFor();
      expect(await pads.getByLabel('Quantity of Brake pads (axle set)', { exact: true }).inputValue()).toBe('4');
      await bolt.getByRole('button', { name: 'Quantity of Upper caliper guide bolt: one more' }).click();
      await bolt.getByText('Not sent yet').waitFor();
      expect(await bolt.getByLabel('Quantity of Upper caliper guide bolt', { exact: true }).inputValue()).toBe('3');
      await page.getByTestId('cart-total').getByText('€195.30').waitFor();
      expect(await page.getByTestId('go-checkout').innerText()).toBe('Checkout needs a connection');
      expect(await page.getByTestId('go-checkout').getAttribute('aria-disabled')).toBe('true');
      const offline = await waitForTestState(page, (s) => s.orders.cartPending === 3, 'three changes waiting');
      expect(offline.orders.cartLines).toEqual([{ sku: 'WC-CBU-01', quantity: 3 }, { sku: 'WC-PAD-01', quantity: 4 }]);
      expect(await serverCart()).toEqual([{ sku: 'WC-CBU-01', quantity: 2 }]);
      expect(received).toEqual([]);
      await screenshot(page, 'cart-offline');

      await context.setOffline(false);
      const synced = await waitForTestState(page, (s) => s.orders.cartOnline && s.orders.cartPending === 0, 'the queued changes to be sent', 60_000);
      expect(synced.orders.cartLines).toEqual([{ sku: 'WC-CBU-01', quantity: 3 }, { sku: 'WC-PAD-01', quantity: 4 }]);
      expect(received).toEqual(['cart:add-item WC-PAD-01 3', 'cart:add-item WC-PAD-01 1', 'cart:set-item WC-CBU-01 3']);
      expect(await serverCart()).toEqual([{ sku: 'WC-CBU-01', quantity: 3 }, { sku: 'WC-PAD-01', quantity: 4 }]);
      expect(await notice.innerText()).toBe('');
      expect(await pads.getByText('Not sent yet').count()).toBe(0);
      expect(await page.getByTestId('go-checkout').innerText()).toBe('Checkout');
      await page.waitForTimeout(1000);
      expect(received).toHaveLength(3);
    } finally {
      await context.close();
    }
  });

  it('a change the server refuses once back online is shown with the server’s message, and the cart is the server’s', async () => {
    expect((await customer.request('DELETE', '/api/cart')).status).toBe(200);
    expect((await customer.request('POST', '/api/cart/items', { sku: 'WC-CBU-01', quantity: 99 })).status).toBe(200);
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`);
    try {
      await signInThroughUi(page, e2e.server.url, 'customer@demo.local', '/products/wheel-corner');
      const card = await openPartCard(page, 'Upper caliper guide bolt', 99);

      await goOffline(context, page);
      await card.getByRole('button', { name: 'Add Upper caliper guide bolt to cart — €3.90', exact: true }).click();
      await card.getByText('Added 1 × Upper caliper guide bolt to your cart; it will be sent when you are back online.').waitFor();
      await page.getByTestId('cart-sync').getByText('Offline — your cart changes will be sent when you are back online.').waitFor();

      await context.setOffline(false);
      const refusal = page.getByRole('alert').filter({ hasText: 'Your cart change for Upper caliper guide bolt was not accepted' });
      await refusal.waitFor({ timeout: 60_000 });
      expect(await refusal.innerText()).toBe('Your cart change for Upper caliper guide bolt was not accepted: The cart would hold 100 of WC-CBU-01; a line holds at most 99.');
      const synced = await waitForTestState(page, (s) => s.orders.cartOnline && s.orders.cartPending === 0, 'the refused change to be dropped');
      expect(synced.orders.cartLines).toEqual([{ sku: 'WC-CBU-01', quantity: 99 }]);
      expect(await serverCart()).toEqual([{ sku: 'WC-CBU-01', quantity: 99 }]);
      expect(await page.getByTestId('cart-sync').innerText()).toBe('');
    } finally {
      await context.close();
    }
  });
});
