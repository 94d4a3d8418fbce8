// Checkout refusals a person can act on (stock left, address fields), one order per attempt however often it is pressed, reorders.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, screenshot, waitForTestState } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { signIn, type ApiClient } from '../support/orders-api.ts';
import { fillAddress, signInThroughUi } from '../support/orders-e2e.ts';

const e2e = useServerAndBrowser();
let admin: ApiClient;

beforeAll(async () => {
  admin = await signIn(e2e.server, 'admin@demo.local');
});

/** Opens the pads' card from the product page's parts list (the keyboard path to a part) and adds `quantity`. */
async function addPadsFromPartsList(page: Page, quantity: number): Promise<void> {
  await page.getByText('Parts', { exact: true }).click();
  await page.getByRole('button', { name: 'Brake pads (axle set)' }).click();
  const card = page.getByRole('dialog', { name: 'Brake pads (axle set)' });
  await card.waitFor();
  await card.getByLabel('Quantity', { exact: true }).fill(String(quantity));
  await card.getByRole('button', { name: `Add ${quantity} × Brake pads (axle set) to cart — €${(45.9 * quantity).toFixed(2)}`, exact: true }).click();
  await card.getByText(`Added ${quantity} × Brake pads (axle set) to your cart.`).waitFor();
}

describe('one cart on every device', () => {
  it('a part added on one device shows in the cart open on another, and a change there comes back, without reloading', async () => {
    const phone = await openPage(e2e.browser, `${e2e.server.url}/`);
    const laptop = await openPage(e2e.browser, `${e2e.server.url}/`);
    try {
      await signInThroughUi(laptop.page, e2e.server.url, 'agent.es@demo.local', '/cart');
      await laptop.page.getByText('Your cart is empty.').waitFor();
      await signInThroughUi(phone.page, e2e.server.url, 'agent.es@demo.local', '/products/wheel-corner');
      await addPadsFromPartsList(phone.page, 2);

      const line = laptop.page.locator('[data-sku="WC-PAD-01"]');
      await line.waitFor();
      await laptop.page.getByRole('link', { name: 'Cart, 2 items' }).waitFor();
      await line.getByRole('button', { name: 'Quantity of Brake pads (axle set): one more' }).click();
      await phone.page.getByRole('link', { name: 'Cart, 3 items' }).waitFor();
      await line.getByRole('button', { name: 'Remove Brake pads (axle set) from the cart' }).click();
      await phone.page.getByRole('link', { name: 'Cart, 0 items' }).waitFor();
    } finally {
      await phone.context.close();
      await laptop.context.close();
    }
  });
});

describe('checkout refusals and retries', () => {
  it('says how many are left when stock ran out meanwhile, and names each address field to fix', async () => {
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`);
    try {
      await signInThroughUi(page, e2e.server.url, 'customer@demo.local', '/products/wheel-corner');
      await addPadsFromPartsList(page, 3);
      await page.keyboard.press('Escape');
      expect(await page.getByRole('dialog').count()).toBe(0);

      await page.getByRole('link', { name: 'Cart, 3 items' }).click();
      await page.getByTestId('go-checkout').click();
      await page.getByTestId('place-order').click();
      for (const field of ['name', 'street', 'city', 'postalCode', 'country']) {
        expect(await page.getByTestId(`address-error-${field}`).innerText()).toMatch(/fill this in|choose a country/i);
      }
      expect(await page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('name');
      await fillAddress(page, { name: 'Carmen Cliente', street: 'Calle Mayor 1', city: 'Madrid', postalCode: '28/013', country: 'Spain' });
      await page.getByTestId('place-order').click();
      expect(await page.getByTestId('address-error-postalCode').innerText()).toBe('Use only letters, digits, spaces or dashes.');
      await page.getByLabel('Postal code').fill('28013');

      expect((await admin.request('PATCH', '/api/parts/WC-PAD-01', { stock: 1 })).status).toBe(200);
      await page.getByTestId('place-order').click();
      const error = page.getByTestId('order-error');
      await error.waitFor();
      expect(await error.innerText()).toBe('Only 1 of Brake pads (axle set) is left: lower the quantity to order it.');
      await screenshot(page, 'orders-out-of-stock');

      expect((await admin.request('PATCH', '/api/parts/WC-PAD-01', { stock: 0 })).status).toBe(200);
      await page.getByTestId('place-order').click();
      await page.getByTestId('order-error').getByText('Brake pads (axle set) is out of stock.').waitFor();
      const orders = await (await signIn(e2e.server, 'customer@demo.local')).get<{ orders: unknown[] }>('/api/orders');
      expect(orders.body.orders).toHaveLength(0);
    } finally {
      await context.close();
    }
  });

  it('a double click on "Place order" places one order; "Reorder last order" and "Reorder the usual" fill the cart again', async () => {
    expect((await admin.request('PATCH', '/api/parts/WC-PAD-01', { stock: 40 })).status).toBe(200);
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`);
    try {
      await signInThroughUi(page, e2e.server.url, 'tech@demo.local', '/products/wheel-corner');
      await addPadsFromPartsList(page, 2);
      await page.getByRole('link', { name: 'Cart, 2 items' }).click();
      await page.getByTestId('go-checkout').click();
      await fillAddress(page, { name: 'Tomás Técnico', street: 'Gran Vía 5', city: 'Madrid', postalCode: '28013', country: 'Spain' });
      await page.getByTestId('place-order').dblclick();
      await page.getByRole('heading', { level: 1, name: /Thank you! Order XR-\d{6} is placed\./ }).waitFor();
      const tech = await signIn(e2e.server, 'tech@demo.local');
      const { body } = await tech.get<{ orders: Array<{ number: string }> }>('/api/orders');
      expect(body.orders).toHaveLength(1);

      await page.getByRole('navigation').getByRole('link', { name: 'Orders', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Orders' }).waitFor();
      await page.getByTestId('reorder-last').click();
      await page.getByRole('heading', { level: 1, name: 'Cart' }).waitFor();
      await waitForTestState(page, (s) => s.orders.cartCount === 2 && s.orders.cartLines[0]?.sku === 'WC-PAD-01', 'the last order back in the cart');
      await page.getByTestId('go-checkout').click();
      await page.getByRole('radio', { name: 'Tomás Técnico, Gran Vía 5, 28013 Madrid, Spain' }).waitFor();
      expect(await page.getByRole('radio', { name: 'Tomás Técnico, Gran Vía 5, 28013 Madrid, Spain' }).isChecked()).toBe(true);
      await page.getByTestId('place-order').click();
      await page.getByRole('heading', { level: 1, name: /Thank you! Order XR-\d{6} is placed\./ }).waitFor();

      await page.getByRole('navigation').getByRole('link', { name: 'Orders', exact: true }).click();
      await page.getByText('The usual: 2 × Brake pads (axle set).').waitFor();
      await page.getByTestId('reorder-usual').click();
      await page.getByRole('heading', { level: 1, name: 'Cart' }).waitFor();
      await waitForTestState(page, (s) => s.orders.cartCount === 2 && s.orders.cartLines[0]?.sku === 'WC-PAD-01', 'the usual in the cart');
      expect((await tech.get<{ orders: unknown[] }>('/api/orders')).body.orders).toHaveLength(2);
    } finally {
      await context.close();
    }
  });
});
