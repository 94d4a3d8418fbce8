// The surveys of live help in a headset (an emulated Quest 3 in immersive AR without a DOM overlay, the page inert): a
// technician on the help page asks for help from the HUD; the agent (a socket of their own) takes it and proposes brake
// pads; the technician accepts and orders on the proposal sheet, reads the confirmation and closes it, and the survey
// sheet asks about that order; answered with the controller's ray, stored as an order answered on a headset. Once the
// agent ends the help, the help's survey follows, set aside with "Not now". Both are read back from the server once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredSurvey } from '../../core/survey.ts';
import type { TestState } from '../../client/src/test-hook.ts';
import { acceptHelpOf } from '../support/agent-socket.ts';
import { openPage, screenshot, setHeadPose, settle, waitForTestState } from '../support/browser.ts';
import { expectFullyInView, pressHud } from '../support/hud-e2e.ts';
import { ADDRESS, signIn, type ApiClient } from '../support/orders-api.ts';
import { placeOnOpenFloor, signInThroughUi } from '../support/orders-e2e.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { connectClient, emitWithAck, type ClientSocket } from '../support/test-server.ts';

const e2e = useServerAndBrowser();
const VIEW = { width: 480, height: 400 };
const PADS = 'WC-PAD-01';
const sockets: ClientSocket[] = [];
let base: string;

beforeAll(() => {
  base = e2e.server.url.replace('127.0.0.1', 'localhost');
});
afterAll(() => {
  for (const socket of sockets) socket.close();
});

const sheetSays = (s: TestState, sheet: string, text: string) => s.ar.hud?.sheet === sheet && (s.ar.hud.shown?.texts ?? []).includes(text);
const sheetLabel = (s: TestState, id: string) => (s.ar.hud?.sheet === 'survey' ? s.ar.hud.shown?.buttons.find((button) => button.id === id)?.label : undefined);

async function surveysOf(client: ApiClient): Promise<StoredSurvey[]> {
  const response = await client.get<{ surveys: StoredSurvey[] }>('/api/surveys');
  expect(response.status).toBe(200);
  return response.body.surveys;
}

describe('the surveys of live help in the headset', () => {
  it('asks about an order placed from the agent’s proposal once its sheet is closed, then about the help once it ended', { timeout: 420_000 }, async () => {
    const tech = await signIn(e2e.server, 'tech@demo.local');
    expect((await tech.request('POST', '/api/addresses', ADDRESS)).status).toBeLessThan(300);
    const agent = await signIn(e2e.server, 'agent@demo.local');
    const agentSocket = await connectClient(e2e.server, { token: agent.token });
    sockets.push(agentSocket);
    const { context, page } = await openPage(e2e.browser, `${base}/`, { xr: true, viewport: VIEW });
    try {
      await signInThroughUi(page, base, 'tech@demo.local', '/help/wheel-corner');
      await setHeadPose(page, [0, 1.6, 0], [0, 0, 0, 1]);
      await page.getByTestId('enter-ar').click();
      await waitForTestState(page, (s) => s.ar.sessionActive && s.ar.domOverlay === null && s.ar.hud?.tray !== null, 'the headset AR session with its HUD');
      await placeOnOpenFloor(page);
      const waiting = await pressHud(page, 'assist:help', (s) => s.assist.help?.phase === 'waiting' && s.ar.hud?.sheet === 'help');
      const sessionId = waiting.assist.help!.sessionId;

      const requestId = await acceptHelpOf(agentSocket, sessionId);
      await waitForTestState(page, (s) => s.assist.help?.phase === 'active', 'the agent to join');
      const proposed = await emitWithAck<{ ok: boolean }>(agentSocket, 'cart:propose', { sessionId, items: [{ sku: PADS, quantity: 1 }], note: 'Pads for the front axle' });
      expect(proposed.ok).toBe(true);
      await waitForTestState(page, (s) => s.ar.hud?.sheet === 'proposal' && (s.ar.hud.shown?.buttons.some((button) => button.id === 'proposal:accept' && button.enabled) ?? false), 'the proposal sheet with its parts');
      await pressHud(page, 'proposal:accept', (s) => s.ar.hud?.shown?.buttons.some((button) => button.id === 'checkout:place' && button.enabled) ?? false);
      const ordered = await pressHud(page, 'checkout:place', (s) => s.orders.orders.some((order) => order.sessionId === sessionId));
      const order = ordered.orders.orders.find((candidate) => candidate.sessionId === sessionId)!;
      await waitForTestState(page, (s) => sheetSays(s, 'proposal', 'Status: Placed'), 'the order’s confirmation on the proposal sheet');
      const confirmed = await settle(page, 20);
      expect(confirmed.ar.hud?.sheet, 'the survey waits while the confirmation shows').toBe('proposal');
      expect(await surveysOf(tech)).toEqual([]);

      await pressHud(page, 'sheet:close', (s) => s.ar.hud?.sheet !== 'proposal');
      const asked = await waitForTestState(page, (s) => sheetSays(s, 'survey', 'How satisfied are you with your order?'), 'the order survey sheet');
      expect(asked.ar.sessionActive).toBe(true);
      expectFullyInView((await settle(page, 8)).ar.hud?.shown);
      await screenshot(page, 'survey-proposal-order-headset-en');
      await pressHud(page, 'csat:4', (s) => sheetLabel(s, 'csat:4') === '✓ 4');
      await pressHud(page, 'ces:5', (s) => sheetLabel(s, 'ces:5') === '✓ 5');
      await pressHud(page, 'survey:send', (s) => sheetSays(s, 'survey', 'Thank you! Your answer helps us improve.'));
      await pressHud(page, 'survey:close', (s) => s.ar.hud?.sheet !== 'survey');
      expect(await surveysOf(tech)).toEqual([
        expect.objectContaining({ context: 'order', contextId: order.id, device: 'headset', language: 'en', csat: 4, ces: 5, skipped: false }),
      ]);

      expect((await emitWithAck<{ ok: boolean }>(agentSocket, 'help:end', { requestId })).ok).toBe(true);
      await waitForTestState(page, (s) => sheetSays(s, 'survey', 'How satisfied are you with the help you got?'), 'the help survey sheet');
      await screenshot(page, 'survey-proposal-help-headset-en');
      await pressHud(page, 'survey:skip', (s) => sheetSays(s, 'survey', 'No problem — we will not ask about this again.'));
      const stored = await surveysOf(tech);
      expect(stored).toHaveLength(2);
      expect(stored).toEqual(expect.arrayContaining([expect.objectContaining({ context: 'help', contextId: sessionId, device: 'headset', skipped: true, csat: null })]));
      await pressHud(page, 'survey:close', (s) => s.ar.hud?.sheet === null);
      const after = await settle(page, 20);
      expect(after.ar.sessionActive).toBe(true);
      expect(after.ar.hud?.sheet, 'each survey asked once: neither comes back').toBeNull();
    } finally {
      await context.close();
    }
  });
});
