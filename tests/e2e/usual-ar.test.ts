// "Your usual?" in a headset: a customer who ordered the espresso machine's water filter twice (seeded through the
// order API) finishes the tray guide in emulated AR (a Quest 3 without a DOM overlay, the page inert) pressing only the
// 3D panels; the HUD offers the filter before the survey, one controller press on "Order again" stores an order with
// last time's quantity and address, placed in AR (read back from the API), and the survey sheet follows. A Spanish
// reader sees the sheet in Spanish, says "Ahora no" and gets the survey without an order.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../core/order.ts';
import type { TestState } from '../../client/src/test-hook.ts';
import { openPage, waitForTestState } from '../support/browser.ts';
import { finishTrayGuideInHeadset, lookAtSheet, publishTrayGuide } from '../support/guide-ar-e2e.ts';
import { pressHud } from '../support/hud-e2e.ts';
import { ADDRESS, setStock, signIn, type ApiClient } from '../support/orders-api.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { BERLIN, newCustomer, order } from '../server/usual-cases.ts';

const e2e = useServerAndBrowser();
const GUIDE = 'usual-ar-tray';
const FILTER = 'EM-FLT-01';
const PADS = 'WC-PAD-01';
let base: string;

beforeAll(async () => {
  base = e2e.server.url.replace('127.0.0.1', 'localhost');
  await publishTrayGuide(e2e.server, GUIDE);
  const admin = await signIn(e2e.server, 'admin@demo.local');
  await setStock(admin, FILTER, 100);
  await setStock(admin, PADS, 100);
});

/** A new customer who ordered the filter twice (last: 3 to Berlin) and brake pads (another product's part) twice. */
async function regularCustomer(): Promise<{ api: ApiClient; email: string }> {
  const customer = await newCustomer(e2e.server);
  await order(customer.api, [[FILTER, 2], [PADS, 1]], ADDRESS);
  await order(customer.api, [[FILTER, 3], [PADS, 1]], BERLIN);
  return customer;
}

const ordersOf = async (api: ApiClient) => (await api.get<{ orders: Order[] }>('/api/orders')).body.orders;
const sheetShows = (s: TestState, sheet: string, text: string | RegExp) =>
  s.ar.hud?.sheet === sheet && (s.ar.hud.shown?.texts ?? []).some((shown) => (typeof text === 'string' ? shown === text : text.test(shown)));
const buttonsOf = (s: TestState) => s.ar.hud?.shown?.buttons.map((button) => `${button.id} ${button.label}`);

describe('your usual in the headset', () => {
  it('is offered on a HUD sheet once the guide is finished; one controller press orders it again in AR; then the survey', { timeout: 420_000 }, async () => {
    const customer = await regularCustomer();
    const before = await ordersOf(customer.api);
    const { context, page } = await openPage(e2e.browser, `${base}/`, { xr: true, viewport: { width: 480, height: 400 } });
    try {
      await finishTrayGuideInHeadset(page, { base, email: customer.email, guideId: GUIDE });
      const offered = await waitForTestState(page, (s) => sheetShows(s, 'usual', 'Your usual?'), 'the usual sheet');
      expect(offered.ar.sessionActive).toBe(true);
      expect(offered.ar.hud?.shown?.texts).toEqual(
        expect.arrayContaining(['Water filter cartridge', 'SKU EM-FLT-01 · 3 × €12.90 = €38.70', 'Goes to: Carmen Customer, Unter den Linden 5, 10117 Berlin, Germany']),
      );
      expect(buttonsOf(offered)).toEqual(['usual:order:EM-FLT-01 Order again', 'usual:done Not now']);
      await lookAtSheet(page, 'usual-ar-headset-en');

      const ordered = await pressHud(page, 'usual:order:EM-FLT-01', (s) => sheetShows(s, 'usual', /^Ordered: order XR-\d{6}\.$/));
      const number = /XR-\d{6}/.exec(ordered.ar.hud!.shown!.texts.find((text) => text.startsWith('Ordered: order'))!)![0];
      expect(ordered.ar.hud?.shown?.texts).toContain('Status: Placed');
      expect(buttonsOf(ordered)).toEqual(['usual:done Continue']);
      await lookAtSheet(page, 'usual-ar-headset-ordered-en');

      const after = await ordersOf(customer.api);
      expect(after).toHaveLength(before.length + 1);
      expect(after[0]).toMatchObject({ number, origin: 'ar', address: BERLIN, items: [{ sku: FILTER, quantity: 3, unitPriceCents: 1290 }], totalCents: 3870 });

      const asked = await pressHud(page, 'usual:done', (s) => sheetShows(s, 'survey', 'How did it go?'));
      expect(asked.ar.sessionActive).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('speaks Spanish to a Spanish reader, who says "Ahora no": nothing is ordered and the survey follows', { timeout: 420_000 }, async () => {
    const customer = await regularCustomer();
    const before = await ordersOf(customer.api);
    const { context, page } = await openPage(e2e.browser, `${base}/`, { xr: true, viewport: { width: 480, height: 400 } });
    try {
      await finishTrayGuideInHeadset(page, { base, email: customer.email, guideId: GUIDE, language: 'es' });
      const offered = await waitForTestState(page, (s) => sheetShows(s, 'usual', '¿Lo de siempre?'), 'the usual sheet in Spanish');
      expect(offered.ar.hud?.shown?.texts).toEqual(expect.arrayContaining(['Cartucho filtrante de agua', 'Se envía a: Carmen Customer, Unter den Linden 5, 10117 Berlin, Alemania']));
      expect(buttonsOf(offered)).toEqual(['usual:order:EM-FLT-01 Pedir otra vez', 'usual:done Ahora no']);
      await lookAtSheet(page, 'usual-ar-headset-es');
      await pressHud(page, 'usual:done', (s) => sheetShows(s, 'survey', '¿Qué tal ha ido?'));
      expect(await ordersOf(customer.api)).toHaveLength(before.length);
    } finally {
      await context.close();
    }
  });
});
