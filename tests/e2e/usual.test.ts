// "Your usual?" in Chromium: a customer with two past orders of a consumable sees it in the catalog, orders it with one
// key press, the order is stored with last time's quantity and address (read back from the server), and a guide's
// finished screen offers it too (only that product's parts). A signed-out visitor loads none of it. axe, en/es shots.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Order } from '../../core/order.ts';
import { seriousViolations } from '../support/axe.ts';
import { openPage, screenshot, signInThroughUi } from '../support/browser.ts';
import { startGuideTestServer } from '../support/guide-e2e.ts';
import { ADDRESS, setStock, signIn, type ApiClient } from '../support/orders-api.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { publishTrayGuide } from '../support/guide-ar-e2e.ts';
import { BERLIN, newCustomer, order } from '../server/usual-cases.ts';

const e2e = useServerAndBrowser({ startServer: startGuideTestServer });
const GUIDE = 'usual-tray';
const FILTER = 'EM-FLT-01';
const PADS = 'WC-PAD-01';
let customer: { api: ApiClient; email: string };

beforeAll(async () => {
  await publishTrayGuide(e2e.server, GUIDE);
  const admin = await signIn(e2e.server, 'admin@demo.local');
  await setStock(admin, FILTER, 100);
  await setStock(admin, PADS, 100);
  customer = await newCustomer(e2e.server);
  await order(customer.api, [[FILTER, 2], [PADS, 1]], ADDRESS);
  await order(customer.api, [[FILTER, 3], [PADS, 1]], BERLIN);
});

async function myOrders(): Promise<Order[]> {
  return (await customer.api.get<{ orders: Order[] }>('/api/orders')).body.orders;
}

async function inBothLanguages(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, `${name}-en`);
  await page.getByLabel('Language').selectOption('es');
  await page.getByRole('heading', { name: '¿Lo de siempre?' }).waitFor();
  await page.getByText('Se envía a: Carmen Customer, Unter den Linden 5, 10117 Berlin, Alemania').first().waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, `${name}-es`);
  await page.getByLabel('Idioma').selectOption('en');
  await page.getByRole('heading', { name: 'Your usual?' }).waitFor();
}

describe('your usual', () => {
  it('is not loaded for a signed-out visitor of the catalog', async () => {
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`);
    try {
      const requested: string[] = [];
      page.on('request', (request) => requested.push(request.url()));
      await page.reload();
      await page.getByTestId('product-list').waitFor();
      await page.waitForTimeout(500);
      expect(requested.filter((url) => /usual/i.test(url))).toEqual([]);
      expect(await page.getByTestId('usual-strip').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('offers the reordered consumables in the catalog and orders one in one key press, to last time’s address', { timeout: 180_000 }, async () => {
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: { width: 1280, height: 800 } });
    try {
      await signInThroughUi(page, e2e.server.url, customer.email, '/');
      const strip = page.getByRole('region', { name: 'Your usual?' });
      await strip.waitFor();
      const filter = strip.locator(`[data-sku="${FILTER}"]`);
      await filter.getByText('3 × €12.90 = €38.70').waitFor();
      await filter.getByText('Goes to: Carmen Customer, Unter den Linden 5, 10117 Berlin, Germany').waitFor();
      expect(await strip.getByTestId('usual-item').count()).toBe(2);
      await inBothLanguages(page, 'usual-catalog-desktop');

      const before = await myOrders();
      const button = filter.getByRole('button', { name: 'Order again: Water filter cartridge' });
      await button.focus();
      await page.keyboard.press('Enter');
      const confirmation = filter.getByRole('status');
      await confirmation.getByText(/^Ordered: order XR-\d{6}\./).waitFor();
      const number = /XR-\d{6}/.exec(await confirmation.innerText())?.[0];
      await screenshot(page, 'usual-catalog-ordered-desktop-en');

      const after = await myOrders();
      expect(after).toHaveLength(before.length + 1);
      expect(after[0]).toMatchObject({ number, address: BERLIN, items: [{ sku: FILTER, quantity: 3, unitPriceCents: 1290 }], totalCents: 3870 });
      await confirmation.getByRole('link', { name: 'See the order' }).click();
      await page.getByText(number!).first().waitFor();
    } finally {
      await context.close();
    }
  });

  it('is on a phone too, and on the guide’s finished screen with that product’s parts only', { timeout: 240_000 }, async () => {
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: { width: 390, height: 844 } });
    try {
      await signInThroughUi(page, e2e.server.url, customer.email, '/');
      await page.getByRole('region', { name: 'Your usual?' }).waitFor();
      await inBothLanguages(page, 'usual-catalog-phone');

      await page.goto(`${e2e.server.url}/assist/espresso-machine?guide=${GUIDE}`);
      await page.getByTestId('step-title').getByText('Pull the tray').waitFor({ timeout: 60_000 });
      await page.getByTestId('guide-next').click();
      await page.getByTestId('step-title').getByText('Push it back').waitFor();
      await page.getByTestId('guide-next').click();
      await page.getByRole('heading', { name: 'Guide complete' }).waitFor();
      const strip = page.getByTestId('guide-runner').getByRole('region', { name: 'Your usual?' });
      await strip.waitFor();
      expect(await strip.getByTestId('usual-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-sku')))).toEqual([FILTER]);
      await strip.getByText('Goes to: Carmen Customer, Unter den Linden 5, 10117 Berlin, Germany').waitFor();
      await strip.getByRole('button', { name: 'Order again: Water filter cartridge' }).waitFor();
      await strip.scrollIntoViewIfNeeded();
      await inBothLanguages(page, 'usual-guide-phone');
      await page.setViewportSize({ width: 1280, height: 800 });
      await strip.scrollIntoViewIfNeeded();
      await inBothLanguages(page, 'usual-guide-desktop');
    } finally {
      await context.close();
    }
  });
});
