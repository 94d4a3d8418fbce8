// An agent proposes a cart in a live session; the customer sees it, changes a quantity, accepts, and the order is linked to the session.
import { afterAll, describe, expect, it } from 'vitest';
import type { SessionLogEntry } from '../../core/session.ts';
import { connectClient, emitWithAck, login, type ClientSocket } from '../support/test-server.ts';
import { openPage, readTestState, screenshot, waitForTestState } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { signIn } from '../support/orders-api.ts';
import { fillAddress, signInThroughUi } from '../support/orders-e2e.ts';

const e2e = useServerAndBrowser();
const sockets: ClientSocket[] = [];

afterAll(async () => {
  for (const socket of sockets) socket.close();
});

async function socketFor(email: string): Promise<ClientSocket> {
  const { token } = await login(e2e.server, email);
  const socket = await connectClient(e2e.server, { token });
  sockets.push(socket);
  return socket;
}

type Ok<T> = { ok: true } & T;
async function ok<T>(socket: ClientSocket, event: string, payload: unknown): Promise<Ok<T>> {
  const response = await emitWithAck<{ ok: boolean; error?: { message: string } }>(socket, event, payload);
  if (!response.ok) throw new Error(`${event}: ${response.error?.message}`);
  return response as Ok<T>;
}

describe('a cart proposed by the agent', () => {
  it('shows in the customer’s session view; accepted with a changed quantity, it becomes an order linked to the session', async () => {
    const customer = await socketFor('customer@demo.local');
    const agent = await socketFor('agent@demo.local');
    const { state } = await ok<{ state: { session: { id: string } } }>(customer, 'session:create', { productId: 'wheel-corner', language: 'en' });
    const sessionId = state.session.id;
    const help = await ok<{ requestId: string }>(customer, 'help:request', { sessionId, context: { productId: 'wheel-corner', language: 'en', progressSummary: 'pads worn' } });
    await ok(agent, 'help:accept', { requestId: help.requestId });
    const agentHeard: SessionLogEntry[] = [];
    agent.on('session:event', (entry) => agentHeard.push(entry));

    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`);
    try {
      await signInThroughUi(page, e2e.server.url, 'customer@demo.local', `/sessions/${sessionId}`);
      await page.getByText('You are with Alex Agent.').waitFor();
      expect(await page.getByTestId('proposed-cart').count()).toBe(0);

      await ok(agent, 'cart:propose', { sessionId, items: [{ sku: 'WC-PAD-01', quantity: 1 }, { sku: 'WC-CBU-01', quantity: 2 }], note: 'New pads and the upper guide bolts' });
      const panel = page.getByRole('region', { name: 'Your agent proposes' });
      await panel.waitFor();
      await panel.getByText('“New pads and the upper guide bolts”').waitFor();
      await panel.locator('[data-sku="WC-PAD-01"]').getByText('1 piece').waitFor();
      await panel.locator('[data-sku="WC-CBU-01"]').getByText('2 pieces').waitFor();
      const shown = await readTestState(page);
      expect(shown.orders.proposal).toMatchObject({ sessionId, items: [{ sku: 'WC-PAD-01', quantity: 1 }, { sku: 'WC-CBU-01', quantity: 2 }], orderId: null });
      await screenshot(page, 'orders-proposal-shown');

      await panel.getByRole('button', { name: 'Change' }).click();
      await panel.getByRole('button', { name: 'Quantity of Brake pads (axle set): one more' }).click();
      await panel.getByRole('button', { name: 'Done changing' }).click();
      await panel.locator('[data-sku="WC-PAD-01"]').getByText('2 pieces').waitFor();
      await panel.getByRole('button', { name: 'Accept' }).click();
      await fillAddress(page, { name: 'Carmen Cliente', street: 'Calle Mayor 1', city: 'Madrid', postalCode: '28013', country: 'Spain' });
      await panel.getByTestId('place-order').click();

      const ordered = panel.getByTestId('proposal-ordered');
      await ordered.waitFor();
      const number = /XR-\d{6}/.exec(await ordered.innerText())?.[0];
      expect(number).toBeTruthy();
      const done = await waitForTestState(page, (s) => s.orders.proposal?.orderId != null, 'the proposal to be ordered');
      const orderId = done.orders.proposal!.orderId!;
      await screenshot(page, 'orders-proposal-accepted');

      const api = await signIn(e2e.server, 'customer@demo.local');
      const { body } = await api.get<{ order: { number: string; sessionId: string | null; items: Array<{ sku: string; quantity: number }> } }>(`/api/orders/${orderId}`);
      expect(body.order).toMatchObject({ number, sessionId, items: expect.arrayContaining([expect.objectContaining({ sku: 'WC-PAD-01', quantity: 2 }), expect.objectContaining({ sku: 'WC-CBU-01', quantity: 2 })]) });
      await expect.poll(() => agentHeard.some((entry) => entry.type === 'order.linked' && entry.data.orderId === orderId)).toBe(true);

      await page.reload();
      await page.getByRole('region', { name: 'Your agent proposes' }).getByTestId('proposal-ordered').getByText(`Ordered: ${number}.`).waitFor();
    } finally {
      await context.close();
    }
  });
});
