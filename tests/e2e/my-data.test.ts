// "My data" in Chromium: a customer with an order opens the page from the header, downloads their data (a real
// download, parsed), turns help offers back on, erases the account after a wrong password is refused, and is signed
// out; the admin's order list still has the order, anonymised. axe and screenshots at 1280×800 and 390×844, en and es.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PersonalDataExportSchema } from '../../core/account.ts';
import type { AdminOrderList, OrderResponse } from '../../core/order.ts';
import { createUser } from '../../server/auth/user-repository.ts';
import { openPage, screenshot, signInThroughUi } from '../support/browser.ts';
import { seriousViolations } from '../support/axe.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { ADDRESS, newKey, signIn } from '../support/orders-api.ts';

const e2e = useServerAndBrowser();
const EMAIL = 'erin@demo.local';

describe('my data', () => {
  it('downloads the data, turns offers back on, erases the account and keeps the order anonymised', async () => {
    await createUser(e2e.server.ctx.store.db, { email: EMAIL, name: 'Erin Erasable', role: 'customer', languages: ['en'], skills: [], password: 'demo' });
    const erin = await signIn(e2e.server, EMAIL);
    const placed = await erin.request<OrderResponse>('POST', '/api/orders', { items: [{ sku: 'WC-PAD-01', quantity: 3 }], address: { ...ADDRESS, street: 'Calle Borrable 5' } }, { 'idempotency-key': newKey('my-data') });
    expect(placed.status).toBe(201);
    const { order } = placed.body;
    expect((await erin.request('PUT', '/api/proactive/preference', { offers: false })).status).toBe(200);

    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: { width: 1280, height: 800 } });
    try {
      await signInThroughUi(page, e2e.server.url, EMAIL, '/');
      await page.getByRole('banner').getByRole('link', { name: 'My data' }).click();
      await page.getByRole('heading', { level: 1, name: 'My data' }).waitFor();
      const offers = page.getByRole('checkbox', { name: 'Offer me help on a step where I or others often get stuck' });
      await offers.waitFor();
      expect(await offers.isChecked()).toBe(false);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'my-data-desktop-en');

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download my data (JSON)' }).click()]);
      expect(download.suggestedFilename()).toMatch(/^xr-assist-my-data-\d{4}-\d{2}-\d{2}\.json$/);
      const data = PersonalDataExportSchema.parse(JSON.parse(fs.readFileSync(await download.path(), 'utf8')));
      expect(data.user.email).toBe(EMAIL);
      expect(data.tables.orders).toEqual([expect.objectContaining({ id: order.id, total_cents: order.totalCents })]);
      expect(data.tables.user_preferences).toEqual([expect.objectContaining({ proactive_help: 0 })]);
      await page.getByText('Your data was downloaded.').waitFor();

      await offers.focus();
      await page.keyboard.press('Space');
      await page.getByTestId('offers-status').getByText('Help offers are on.').waitFor();
      expect(await offers.isChecked()).toBe(true);
      expect((await erin.get<{ offers: boolean }>('/api/proactive/preference')).body.offers).toBe(true);

      await page.getByRole('combobox', { name: 'Language of the app' }).selectOption('es');
      await page.getByRole('heading', { level: 1, name: 'Mis datos' }).waitFor();
      await page.getByText('Las ofertas de ayuda están activadas.').waitFor();
      await page.getByRole('button', { name: 'Borrar mi cuenta…' }).click();
      await page.getByLabel(`Para confirmar, escribe tu correo electrónico (${EMAIL})`).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'my-data-desktop-es');
      await page.getByRole('combobox', { name: 'Idioma de la aplicación' }).selectOption('en');

      await page.getByLabel(`To confirm, type your e-mail address (${EMAIL})`).fill(EMAIL);
      await page.getByLabel('Your current password').fill('not-my-password');
      await page.getByRole('button', { name: 'Erase my account for good' }).click();
      await page.getByRole('alert').getByText('That is not the password of this account.').waitFor();
      expect((await erin.get('/api/auth/me')).status).toBe(200);

      await page.getByLabel('Your current password').fill('demo');
      await page.getByRole('button', { name: 'Erase my account for good' }).click();
      await page.getByTestId('account-erased').getByText('Your account has been erased and you are signed out.', { exact: false }).waitFor();
      await page.getByRole('banner').getByRole('link', { name: 'Sign in' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'my-data-erased-desktop-en');
      expect((await erin.get('/api/auth/me')).status).toBe(401);
      await expect(signIn(e2e.server, EMAIL)).rejects.toThrow(/401/);
    } finally {
      await context.close();
    }

    const admin = await signIn(e2e.server, 'admin@demo.local');
    const listed = (await admin.get<AdminOrderList>('/api/admin/orders')).body.orders.find((candidate) => candidate.id === order.id);
    expect(listed).toMatchObject({ number: order.number, userId: null, address: null, buyer: null, totalCents: order.totalCents, items: [expect.objectContaining({ sku: 'WC-PAD-01', quantity: 3 })] });
    const desk = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: { width: 1280, height: 800 } });
    try {
      await signInThroughUi(desk.page, e2e.server.url, 'admin@demo.local', '/admin');
      const row = desk.page.getByRole('listitem').filter({ hasText: order.number });
      await row.getByText('By a customer who erased their account (anonymised)', { exact: false }).waitFor();
      expect(await row.textContent()).not.toContain('Erin');
    } finally {
      await desk.context.close();
    }
  });

  it('reads well on a phone, in English and Spanish', async () => {
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: { width: 390, height: 844 } });
    try {
      await signInThroughUi(page, e2e.server.url, 'customer@demo.local', '/my-data');
      await page.getByRole('checkbox', { name: 'Offer me help on a step where I or others often get stuck' }).waitFor();
      await page.getByRole('button', { name: 'Erase my account…' }).click();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'my-data-phone-en-erase-form');
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'my-data-phone-en');
      await page.getByRole('button', { name: 'Cancel' }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toBe('Erase my account…');
      await page.getByRole('combobox', { name: 'Language of the app' }).selectOption('es');
      await page.getByRole('heading', { level: 1, name: 'Mis datos' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'my-data-phone-es');
    } finally {
      await context.close();
    }
  });
});
