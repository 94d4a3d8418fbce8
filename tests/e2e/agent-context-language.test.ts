// What the agent learns from a help request, and in which language: a technician two steps into the brake-pad guide
// asks for help, and the agent sees where they are ("Paso 2 de 10 · 1 paso hecho") in the queue, in the accepted tab
// and in the tab restored after a reload. The agent's browser speaks American English while the app is set to Spanish:
// the requester's earlier-session date and the transcript times follow the app's language, not the browser's. The
// requester's latest order is listed too (number, date, units, status), in Spanish. The product and the unit are named
// in Spanish ("Conjunto de rueda delantera, equipo de demostración"), never by the unit's id.
import { beforeAll, describe, expect, it } from 'vitest';
import { openPage, screenshot, signInThroughUi, waitForTestState } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { endedSession } from '../support/test-server.ts';
import { ADDRESS, newKey, pickParts, placeOrder, signIn as signInOverHttp } from '../support/orders-api.ts';

const e2e = useServerAndBrowser();
let base: string;

beforeAll(() => {
  base = e2e.server.url.replace('127.0.0.1', 'localhost');
});

const SUMMARY = /Paso 2 de \d+ · 1 paso hecho/;
const UNIT = 'Conjunto de rueda delantera, equipo de demostración';
const RAW_UNIT = 'wheel-corner.demo-unit';
const SPANISH_DATE = /\b\d{1,2} (ene|feb|mar|abr|may|jun|jul|ago|sept?|oct|nov|dic)\.? \d{4}\b/;

async function earlierOrder(): Promise<string> {
  const buyer = await signInOverHttp(e2e.server, 'tech@demo.local');
  const { consumable } = await pickParts(e2e.server);
  const placed = await placeOrder<{ order: { number: string } }>(buyer, newKey(), { items: [{ sku: consumable.sku, quantity: 2 }], address: ADDRESS });
  expect(placed.status).toBe(201);
  return placed.body.order.number;
}

describe('the agent’s view of a help request', () => {
  it('carries the guide progress through the queue, the tab and a reload; dates and times in the app’s language', { timeout: 180_000 }, async () => {
    await endedSession(e2e.server, 'tech@demo.local', 'wheel-corner');
    const orderNumber = await earlierOrder();
    const viewport = { width: 1280, height: 800 };
    const tech = await openPage(e2e.browser, `${base}/`, { viewport, locale: 'en-US' });
    const agent = await openPage(e2e.browser, `${base}/`, { viewport, locale: 'en-US' });
    try {
      const a = tech.page;
      const b = agent.page;
      await signInThroughUi(b, base, 'agent@demo.local', '/agent');
      await b.getByLabel('Language').selectOption('es');
      await signInThroughUi(a, base, 'tech@demo.local', '/assist/wheel-corner?guide=wheel-corner-brake-pads');
      await a.getByLabel('Language').selectOption('es');
      await waitForTestState(a, (s) => s.guide.stepId === 'prepare-vehicle', 'the first step of the guide');
      await a.getByTestId('acknowledge-0').check();
      await a.getByTestId('step-title').focus();
      await a.keyboard.press('ArrowRight');
      await waitForTestState(a, (s) => s.guide.stepId === 'loosen-wheel-bolts' && s.guide.pending === 0, 'step 2, saved');
      await a.getByTestId('guide-runner').getByTestId('assist-get-help').click();

      const request = b.getByRole('listitem').filter({ hasText: 'Tomás Technician' });
      await request.getByText(SUMMARY).waitFor();
      await request.getByText('Equipo de demostración', { exact: true }).waitFor();
      expect(await request.innerText()).not.toContain(RAW_UNIT);
      await screenshot(b, 'agent-context-queue-1280-es');
      await request.getByRole('button', { name: 'Aceptar a Tomás Technician' }).click();
      const header = b.locator('.workspace-header');
      await header.getByText(SUMMARY).waitFor();
      await header.getByText('1 pedido reciente').waitFor();
      await header.getByText(UNIT).waitFor();
      expect(await header.innerText()).not.toContain(RAW_UNIT);

      await b.reload();
      await b.getByRole('tab', { name: 'Tomás Technician · Conjunto de rueda delantera' }).waitFor();
      await header.getByText(SUMMARY).waitFor();
      await header.getByText(UNIT).waitFor();
      expect(await header.innerText(), 'the restored tab names the unit too').not.toContain(RAW_UNIT);
      await header.getByText('1 sesión anterior').click();
      const earlier = await header.locator('.requester-history li').first().innerText();
      expect(earlier, 'the earlier session’s date in Spanish, not the browser’s en-US').toMatch(SPANISH_DATE);
      expect(earlier).not.toMatch(/\d+\/\d+\/\d{4}/);
      await header.getByText('1 pedido reciente').click();
      const order = await header.locator('.requester-orders li').first().innerText();
      expect(order, 'the requester’s order with its date, units and status in Spanish').toMatch(new RegExp(`^${orderNumber} · .+ · 2 unidades · .+ · realizado$`));
      expect(order).toMatch(SPANISH_DATE);
      await screenshot(b, 'agent-context-restored-1280-es');

      await header.getByRole('button', { name: 'Terminar la ayuda' }).click();
      await b.getByRole('tab', { name: 'Transcripción' }).click();
      const times = b.getByTestId('transcript').locator('time');
      await times.first().waitFor();
      for (const text of await times.allInnerTexts()) {
        expect(text, 'a transcript time in the app’s Spanish 24-hour style, not the browser’s en-US').toMatch(/^\d{1,2}:\d{2}:\d{2}$/);
      }
      await screenshot(b, 'agent-context-transcript-1280-es');
    } finally {
      await tech.context.close();
      await agent.context.close();
    }
  });
});
