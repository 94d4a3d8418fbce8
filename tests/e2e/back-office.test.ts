// The back office in Chromium: an admin reaches it from the header, confirms and ships a customer's order (the customer
// sees the new status), sets a part's stock with the keyboard (the shop then sells that many), in English on a phone
// and in Spanish (chosen in the header) on a laptop; a technician is told it is for administrators. Each part's stock is
// one card a person reads at a glance: its name, SKU, the stock figure and the set-stock control inside the card's box,
// the field beside its Save button, nothing wider than the screen.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Order, PlaceOrderResponse } from '../../core/order.ts';
import { openPage, screenshot, signInThroughUi } from '../support/browser.ts';
import { seriousViolations } from '../support/axe.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { ADDRESS, newKey, pickParts, placeOrder, signIn, stockOf } from '../support/orders-api.ts';

const e2e = useServerAndBrowser();

const WORDS = {
  en: { inStock: 'in stock', locale: 'en-IE', nav: 'Back office', title: 'Back office', move: (n: string) => `Confirm ${n}`, moved: (n: string) => `Order ${n}: Confirmed.`, badge: 'Confirmed', stock: (name: string) => `Stock of ${name}`, save: (name: string) => `Save stock of ${name}`, saved: (name: string, count: number) => `${name}: ${count} in stock.` },
  es: { inStock: 'en existencias', locale: 'es-ES', nav: 'Administración', title: 'Administración', move: (n: string) => `Marcar ${n} como enviado`, moved: (n: string) => `Pedido ${n}: Enviado.`, badge: 'Enviado', stock: (name: string) => `Existencias de ${name}`, save: (name: string) => `Guardar existencias de ${name}`, saved: (name: string, count: number) => `${name}: ${count} en existencias.` },
} as const;

/** What a person would notice is wrong with the stock cards: a part's pieces outside its card, or the page wider than the screen. */
function stockLayoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth > width) problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px in ${width} px`);
    const cards = [...document.querySelectorAll<HTMLElement>('[data-testid="back-office-stock"] > li')];
    if (cards.length === 0) problems.push('no stock cards');
    for (const card of cards) {
      const box = card.getBoundingClientRect();
      const sku = card.dataset.sku ?? '?';
      if (box.left < 0 || box.right > width) problems.push(`${sku}: card ${Math.round(box.left)}–${Math.round(box.right)} px outside the screen`);
      const pieces = { name: card.querySelector('strong'), figure: card.querySelector('[data-testid="stock-figure"]'), field: card.querySelector('input'), save: card.querySelector('button') };
      for (const [piece, element] of Object.entries(pieces)) {
        if (!element) {
          problems.push(`${sku}: no ${piece}`);
          continue;
        }
        const rect = element.getBoundingClientRect();
        if (rect.left < box.left || rect.right > box.right || rect.top < box.top || rect.bottom > box.bottom) problems.push(`${sku}: the ${piece} sticks out of its card`);
      }
      const { field, save } = pieces;
      if (field && save) {
        const a = field.getBoundingClientRect();
        const b = save.getBoundingClientRect();
        if (a.bottom <= b.top || b.bottom <= a.top) problems.push(`${sku}: Save is not beside the stock field`);
      }
    }
    return problems;
  });
}

async function walk(page: Page, language: 'en' | 'es', order: Order, part: { sku: string; name: { en: string; es: string } }, count: number, shot: string): Promise<void> {
  const words = WORDS[language];
  await signInThroughUi(page, e2e.server.url, 'admin@demo.local', '/');
  if (language === 'es') await page.getByLabel('Language').selectOption('es');
  await page.getByRole('navigation').getByRole('link', { name: words.nav }).click();
  await page.getByRole('heading', { level: 1, name: words.title }).waitFor();

  const row = page.locator(`[data-order-id="${order.id}"]`);
  await row.getByRole('button', { name: words.move(order.number) }).click();
  await page.getByRole('status').filter({ hasText: words.moved(order.number) }).waitFor();
  await row.getByText(words.badge, { exact: true }).waitFor();
  await screenshot(page, `${shot}-orders`);

  const name = part.name[language];
  const card = page.locator(`[data-testid="back-office-stock"] > li[data-sku="${part.sku}"]`);
  expect(await stockLayoutProblems(page)).toEqual([]);
  const figure = card.getByTestId('stock-figure');
  const figureText = async () => (await figure.innerText()).replace(/\s+/g, ' ').trim();
  const input = card.getByLabel(words.stock(name), { exact: true });
  expect(await figureText()).toBe(`${await input.inputValue()} ${words.inStock}`);
  await input.fill(String(count));
  await input.press('Tab');
  expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe(words.save(name));
  await input.press('Enter');
  await page.getByRole('status').filter({ hasText: words.saved(name, count) }).waitFor();
  expect(await figureText()).toBe(`${count} ${words.inStock}`);
  expect(await stockLayoutProblems(page)).toEqual([]);
  expect(await page.getByRole('button', { name: words.save(name), exact: true }).isDisabled()).toBe(true);
  expect(await stockOf(e2e.server, part.sku)).toBe(count);

  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, `${shot}-stock`);
}

describe('the back office', () => {
  it('moves a customer’s order along and sets a part’s stock, on a phone in English and on a laptop in Spanish', async () => {
    const customer = await signIn(e2e.server, 'customer@demo.local');
    const { consumable } = await pickParts(e2e.server);
    const placed = await placeOrder<PlaceOrderResponse>(customer, newKey(), { items: [{ sku: consumable.sku, quantity: 1 }], address: ADDRESS });
    const order = placed.body.order;

    const phone = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: { width: 390, height: 844 }, locale: 'en-IE' });
    try {
      await walk(phone.page, 'en', order, consumable, 12, 'back-office-phone-en');
    } finally {
      await phone.context.close();
    }
    expect((await customer.get<{ order: Order }>(`/api/orders/${order.id}`)).body.order.status).toBe('confirmed');

    const laptop = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: { width: 1280, height: 800 }, locale: 'en-IE' });
    try {
      await walk(laptop.page, 'es', { ...order, status: 'confirmed' }, consumable, 5, 'back-office-desktop-es');
    } finally {
      await laptop.context.close();
    }
    expect((await customer.get<{ order: Order }>(`/api/orders/${order.id}`)).body.order.status).toBe('shipped');
  });

  it('tells a technician that it is for administrators, and shows them no link to it', async () => {
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: { width: 390, height: 844 }, locale: 'en-IE' });
    try {
      await signInThroughUi(page, e2e.server.url, 'tech@demo.local', '/admin');
      await page.getByRole('alert').filter({ hasText: 'Only administrators can use the back office.' }).waitFor();
      expect(await page.getByRole('navigation').getByRole('link', { name: 'Back office' }).count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
