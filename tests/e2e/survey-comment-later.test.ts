// A survey answered with a controller in a headset has no words: on My activity the person adds a comment later, by
// keyboard, in English on a phone and then in Spanish on a laptop; it is stored, shown after a reload, and offered only
// once. axe finds nothing serious; screenshots at 390×844 and 1280×800.
import { describe, expect, it } from 'vitest';
import type { PlaceOrderResponse } from '../../core/order.ts';
import type { StoredSurvey } from '../../core/survey.ts';
import { seriousViolations } from '../support/axe.ts';
import { openPage, screenshot, signInThroughUi } from '../support/browser.ts';
import { ADDRESS, newKey, placeOrder, signIn } from '../support/orders-api.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';

const e2e = useServerAndBrowser();

describe('a survey comment given later', () => {
  it('is added from My activity to an answer given in a headset, and shown from then on', { timeout: 120_000 }, async () => {
    const customer = await signIn(e2e.server, 'customer@demo.local');
    const order = (await placeOrder<PlaceOrderResponse>(customer, newKey(), { items: [{ sku: 'WC-PAD-01', quantity: 1 }], address: ADDRESS })).body.order;
    const given = await customer.request<{ survey: StoredSurvey }>('POST', '/api/surveys', { context: 'order', contextId: order.id, csat: 4, skipped: false, device: 'headset', language: 'en' });
    expect(given.status).toBe(201);

    const phone = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: { width: 390, height: 844 } });
    try {
      const { page } = phone;
      await signInThroughUi(page, e2e.server.url, 'customer@demo.local', '/activity');
      const entry = page.getByRole('listitem').filter({ hasText: 'satisfaction 4/5' });
      const add = entry.getByRole('button', { name: 'Add a comment' });
      await add.focus();
      await page.keyboard.press('Enter');
      const field = entry.getByRole('textbox', { name: 'Your comment on this' });
      await expect.poll(() => field.evaluate((node) => node === document.activeElement)).toBe(true);
      await page.keyboard.type('Pads arrived <b>fast</b>');
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'survey-comment-form-phone-en');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await entry.getByText('Your words: “Pads arrived <b>fast</b>”').waitFor();
      expect(await entry.getByRole('button', { name: 'Add a comment' }).count()).toBe(0);
      expect(await entry.locator('b').count(), 'the words are shown as text').toBe(0);
      await screenshot(page, 'survey-comment-saved-phone-en');
    } finally {
      await phone.context.close();
    }

    const stored = (await customer.get<{ surveys: StoredSurvey[] }>('/api/surveys')).body.surveys.find((survey) => survey.id === given.body.survey.id);
    expect(stored).toMatchObject({ context: 'order', contextId: order.id, device: 'headset', csat: 4, comment: 'Pads arrived <b>fast</b>' });

    const laptop = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: { width: 1280, height: 800 } });
    try {
      const { page } = laptop;
      await signInThroughUi(page, e2e.server.url, 'customer@demo.local', '/activity');
      await page.getByLabel('Language').first().selectOption('es');
      const entry = page.getByRole('listitem').filter({ hasText: 'satisfacción 4/5' });
      await entry.getByText('Tus palabras: «Pads arrived <b>fast</b>»').waitFor();
      expect(await entry.getByRole('button', { name: 'Añadir un comentario' }).count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'survey-comment-saved-desktop-es');
    } finally {
      await laptop.context.close();
    }
  });
});
