// The survey at the end of a help session and after an order, on the 2D pages: a technician whose help an agent ended
// answers it by keyboard (NPS included, since none was given yet) and is not asked again; a customer who gave NPS lately
// answers the order's survey on the confirmation page in Spanish by taps, without NPS, or skips the next one. Each
// answer is read back from the server with its context. axe finds nothing serious; screenshots in en and es at
// 1280×800 and 390×844.
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { PlaceOrderResponse } from '../../core/order.ts';
import type { StoredSurvey } from '../../core/survey.ts';
import { seriousViolations } from '../support/axe.ts';
import { openPage, screenshot, signInThroughUi, waitForTestState } from '../support/browser.ts';
import { ADDRESS, newKey, placeOrder, signIn, type ApiClient } from '../support/orders-api.ts';
import { acceptHelpOf } from '../support/agent-socket.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { connectClient, emitWithAck, type ClientSocket } from '../support/test-server.ts';

const e2e = useServerAndBrowser();
const sockets: ClientSocket[] = [];
afterAll(() => {
  for (const socket of sockets) socket.close();
});

async function surveysOf(client: ApiClient): Promise<StoredSurvey[]> {
  return (await client.get<{ surveys: StoredSurvey[] }>('/api/surveys')).body.surveys;
}

/** The agent takes the requester's waiting request of `sessionId` and ends it, from a socket of their own. */
async function agentHelpsAndEnds(agent: ApiClient, sessionId: string): Promise<void> {
  const socket = await connectClient(e2e.server, { token: agent.token });
  sockets.push(socket);
  const requestId = await acceptHelpOf(socket, sessionId);
  expect((await emitWithAck<{ ok: boolean }>(socket, 'help:end', { requestId })).ok).toBe(true);
}

async function inBothLanguages(page: Page, name: string): Promise<void> {
  await screenshot(page, `${name}-en`);
  await page.getByLabel('Language').selectOption('es');
  await page.getByTestId('survey').getByRole('heading', { name: '¿Qué tal ha ido?' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, `${name}-es`);
}

describe('the survey at the end of a help session', () => {
  it('shows on the requester’s 2D page once the agent ends the help, is answered by keyboard and stored with its context', { timeout: 240_000 }, async () => {
    const [tech, agent] = await Promise.all([signIn(e2e.server, 'tech@demo.local'), signIn(e2e.server, 'agent@demo.local')]);
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: { width: 1280, height: 800 } });
    try {
      await signInThroughUi(page, e2e.server.url, 'tech@demo.local', '/help/wheel-corner');
      await page.getByTestId('get-help').click();
      const waiting = await waitForTestState(page, (s) => s.assist.help?.phase === 'waiting', 'the help request to wait');
      const sessionId = waiting.assist.help!.sessionId;
      expect(await page.getByTestId('survey').count(), 'no survey while help is on its way').toBe(0);

      await agentHelpsAndEnds(agent, sessionId);
      await page.getByText('The help has ended. Thank you!').waitFor();
      const survey = page.getByTestId('help-panel').getByTestId('survey');
      await survey.getByRole('heading', { name: 'How did it go?' }).waitFor();
      await survey.scrollIntoViewIfNeeded();
      expect(await seriousViolations(page)).toEqual([]);
      await inBothLanguages(page, 'survey-help-desktop');
      await page.getByLabel('Idioma').selectOption('en');
      await survey.getByRole('heading', { name: 'How did it go?' }).waitFor();

      await survey.getByRole('radiogroup', { name: 'How satisfied are you with the help you got?' }).getByRole('radio', { name: '3 – Neither satisfied nor dissatisfied' }).focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Space');
      await survey.getByRole('radiogroup', { name: /Getting help was easy/ }).getByRole('radio', { name: '6' }).focus();
      await page.keyboard.press('Space');
      await survey.getByRole('radiogroup', { name: /recommend XR Assist/ }).getByRole('radio', { name: '8' }).focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Space');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Quick and friendly.');
      await survey.getByRole('button', { name: 'Send' }).focus();
      await page.keyboard.press('Enter');
      await page.getByTestId('survey-done').getByText('Thank you! Your answer helps us improve.').waitFor();

      expect(await surveysOf(tech)).toEqual([
        expect.objectContaining({ context: 'help', contextId: sessionId, productId: 'wheel-corner', agentId: agent.userId, channel: 'assisted', device: 'desktop', language: 'en', csat: 5, ces: 6, nps: 9, comment: 'Quick and friendly.', skipped: false }),
      ]);

      await page.reload();
      await page.getByText('The help has ended. Thank you!').or(page.getByTestId('get-help')).first().waitFor({ timeout: 60_000 });
      await page.waitForTimeout(1500);
      expect(await page.getByTestId('survey').count(), 'asked once per help session').toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe('the survey after an order', () => {
  it('shows on the confirmation page without NPS when one was given lately, answered in Spanish by taps, then skipped for the next order', { timeout: 240_000 }, async () => {
    const customer = await signIn(e2e.server, 'customer@demo.local');
    const earlier = await placeOrder<PlaceOrderResponse>(customer, newKey(), { items: [{ sku: 'WC-PAD-01', quantity: 1 }], address: ADDRESS, saveAddress: true });
    const given = await customer.request('POST', '/api/surveys', { context: 'order', contextId: earlier.body.order.id, nps: 7, skipped: false, device: 'desktop', language: 'en' });
    expect(given.status).toBe(201);

    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: { width: 390, height: 844 } });
    try {
      const checkout = async () => {
        expect((await customer.request('POST', '/api/cart/items', { sku: 'WC-PAD-01', quantity: 1 })).status).toBe(200);
        await page.goto(`${e2e.server.url}/checkout`);
        await page.getByTestId('place-order').click();
        await page.getByRole('heading', { level: 1, name: /Thank you! Order XR-\d{6}|¡Gracias! Tu pedido XR-\d{6}/ }).waitFor();
        return (await page.locator('[data-order-id]').getAttribute('data-order-id')) ?? '';
      };
      await signInThroughUi(page, e2e.server.url, 'customer@demo.local', '/orders');
      const orderId = await checkout();
      const survey = page.getByTestId('survey');
      await survey.getByRole('heading', { name: 'How did it go?' }).waitFor();
      await survey.getByRole('radiogroup', { name: 'How satisfied are you with your order?' }).waitFor();
      expect(await survey.getByRole('radiogroup', { name: /recommend XR Assist/ }).count(), 'no NPS within 90 days of the last').toBe(0);
      await survey.scrollIntoViewIfNeeded();
      expect(await seriousViolations(page)).toEqual([]);
      await inBothLanguages(page, 'survey-order-phone');

      await survey.getByRole('radiogroup', { name: '¿Cuál es tu grado de satisfacción con tu pedido?' }).getByRole('radio', { name: '5 – Muy satisfecho' }).locator('..').click();
      await survey.getByRole('radiogroup', { name: /Hacer el pedido fue fácil/ }).getByRole('radio', { name: '7' }).locator('..').click();
      await survey.getByRole('button', { name: 'Enviar' }).click();
      await page.getByTestId('survey-done').getByText('¡Gracias! Tu respuesta nos ayuda a mejorar.').waitFor();
      await screenshot(page, 'survey-order-phone-thanks-es');

      const next = await checkout();
      await survey.getByRole('button', { name: 'Ahora no' }).click();
      await page.getByTestId('survey-done').getByText('De acuerdo').waitFor();

      const stored = await surveysOf(customer);
      expect(stored.find((answer) => answer.contextId === orderId)).toEqual(
        expect.objectContaining({ context: 'order', channel: 'self-service', agentId: null, device: 'phone', language: 'es', csat: 5, ces: 7, nps: null, comment: null, skipped: false }),
      );
      expect(stored.find((answer) => answer.contextId === next)).toEqual(expect.objectContaining({ context: 'order', skipped: true, csat: null, device: 'phone', language: 'es' }));

      await page.goto(`${e2e.server.url}/orders/${orderId}?placed=1`);
      await page.getByTestId('order-number').waitFor();
      await page.waitForTimeout(1500);
      expect(await page.getByTestId('survey').count(), 'asked once per order').toBe(0);
    } finally {
      await context.close();
    }
  });
});
