// The agent console in Chromium: callback requests (listed with phone and message, marked done from the keyboard, gone for
// the other agents too) and "Transfer to…" (nobody who fits is online, then a colleague who is, picked by name).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallbackUpdate, QueueUpdate } from '../../core/help.ts';
import type { ClientToServerEvents } from '../../core/protocol.ts';
import { openPage, screenshot, waitForTestState } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { signInThroughUi } from '../support/orders-e2e.ts';
import { connectClient, login, type ClientSocket } from '../support/test-server.ts';

const e2e = useServerAndBrowser();
let base: string;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  base = e2e.server.url.replace('127.0.0.1', 'localhost');
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
});

async function connectAs(email: string): Promise<ClientSocket> {
  const { token } = await login(e2e.server, email);
  const socket = await connectClient(e2e.server, { token });
  sockets.push(socket);
  return socket;
}

type EventName = keyof ClientToServerEvents & string;
async function ok(socket: ClientSocket, event: EventName, payload: unknown): Promise<Record<string, unknown>> {
  const loose = socket as unknown as { timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<{ ok: boolean; error?: { message: string } }> } };
  const response = await loose.timeout(5000).emitWithAck(event, payload);
  if (!response.ok) throw new Error(`${event} failed: ${response.error?.message}`);
  return response as Record<string, unknown>;
}

function record<T>(socket: ClientSocket, event: string): T[] {
  const seen: T[] = [];
  (socket as unknown as { on(event: string, fn: (payload: T) => void): void }).on(event, (payload) => seen.push(payload));
  return seen;
}

async function openSessionAs(socket: ClientSocket, productId: string, language: 'en' | 'es'): Promise<string> {
  const { state } = (await ok(socket, 'session:create', { productId, language })) as { state: { session: { id: string } } };
  return state.session.id;
}

describe('agent console', () => {
  it('lists callback requests and marks one done; transfers a request to a colleague picked by name', { timeout: 240_000 }, async () => {
    const tech = await connectAs('tech@demo.local');
    const heaterSession = await openSessionAs(tech, 'water-heater', 'es');
    await ok(tech, 'help:callback', { sessionId: heaterSession, phone: '+34 600 000 000', note: 'La caldera no enciende' });

    const agent = await openPage(e2e.browser, `${base}/`, { viewport: { width: 1500, height: 1000 } });
    try {
      const page = agent.page;
      await signInThroughUi(page, base, 'agent@demo.local', '/agent');
      const callbacks = page.getByRole('region', { name: /Callback requests/ });
      const entry = callbacks.getByRole('listitem').filter({ hasText: 'Tomás Technician · Wall-mounted water heater' });
      await entry.waitFor();
      expect(await entry.innerText()).toMatch(/Spanish[\s\S]*\+34 600 000 000[\s\S]*La caldera no enciende/);
      expect(await entry.getByRole('link', { name: '+34 600 000 000' }).getAttribute('href')).toBe('tel:+34600000000');
      await screenshot(page, 'agent-callbacks');

      const agentEs = await connectAs('agent.es@demo.local');
      const agentEsCallbacks = record<CallbackUpdate>(agentEs, 'callbacks:updated');
      const { callbacks: listed } = (await ok(agentEs, 'callbacks:get', {})) as unknown as CallbackUpdate;
      expect(listed.map((callback) => callback.note)).toEqual(['La caldera no enciende']);
      await entry.getByRole('button', { name: 'Mark done: Tomás Technician, Wall-mounted water heater' }).focus();
      await page.keyboard.press('Enter');
      await callbacks.getByText('No callback requests are waiting.').waitFor();
      await page.getByTestId('callback-announcement').getByText('The callback for Tomás Technician is marked done.').waitFor();
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('callbacks-title');
      await expect.poll(() => agentEsCallbacks.at(-1)?.callbacks.length, { timeout: 5000 }).toBe(0);
      agentEs.close();

      const wheelSession = await openSessionAs(tech, 'wheel-corner', 'es');
      await ok(tech, 'help:request', { sessionId: wheelSession, context: { productId: 'wheel-corner', language: 'es' } });
      await page.getByRole('button', { name: 'Accept Tomás Technician' }).click();
      await page.getByRole('tab', { name: /Tomás Technician/ }).waitFor();

      const opener = page.getByRole('button', { name: 'Transfer to…' });
      await opener.click();
      const panel = page.getByRole('group', { name: "Transfer Tomás Technician's request to another agent" });
      await panel.getByText('No other agent who covers Front wheel corner in Spanish is online right now. Transfer to the queue instead, or check again in a moment.').waitFor();
      await page.keyboard.press('Tab');
      await page.keyboard.press('Escape');
      await panel.waitFor({ state: 'detached' });
      expect(await opener.evaluate((element) => element === document.activeElement)).toBe(true);

      const colleague = await connectAs('agent.es@demo.local');
      const colleagueQueue = record<QueueUpdate>(colleague, 'queue:updated');
      await page.keyboard.press('Enter');
      await panel.getByText('1 agent online can take it.').waitFor();
      await screenshot(page, 'agent-transfer-picker');
      await panel.getByRole('button', { name: 'Transfer to Ana Agente' }).click();
      await page.getByRole('tab', { name: /Tomás Technician/ }).waitFor({ state: 'detached' });
      await expect.poll(() => colleagueQueue.at(-1)?.requests.some((request) => request.transferredBy !== null && request.sessionId === wheelSession), { timeout: 5000 }).toBe(true);
      await waitForTestState(page, (state) => state.assist.console?.tabs.length === 0, 'the transferred tab to close');
    } finally {
      await agent.context.close();
    }
  });
});
