// The order survey in a headset (an emulated Quest 3 in immersive AR without a DOM overlay, the page inert): a technician
// orders brake pads with the 3D part card's one-press checkout, reads the confirmation, closes it, and the HUD's survey
// sheet asks about that order; it stays whole in the 480×400 view looking ahead and with the head pitched down to the
// wheel, is answered there with the controller's ray and is stored as an order answered on a headset, once. A Spanish
// reader gets it in Spanish and sets it aside with "Ahora no", and the skip is stored.
import { modelPath } from '../support/asset-paths.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { StoredSurvey } from '../../core/survey.ts';
import type { TestState } from '../../client/src/test-hook.ts';
import { openPage, readTestState, screenshot, setHeadPose, settle, waitForTestState, yawPitch } from '../support/browser.ts';
import { expectFullyInView, pressHud } from '../support/hud-e2e.ts';
import { ADDRESS, signIn, type ApiClient } from '../support/orders-api.ts';
import { placeOnOpenFloor, selectPartWithRay, signInThroughUi } from '../support/orders-e2e.ts';
import { aimAtPart, type PartAim } from '../support/part-aim.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';

const e2e = useServerAndBrowser();
const VIEW = { width: 480, height: 400 };
/** How far a technician looks down at a wheel corner on the floor a step ahead. */
const AT_THE_WHEEL = 35;
let base: string;
let padsAim: PartAim;

beforeAll(async () => {
  base = e2e.server.url.replace('127.0.0.1', 'localhost');
  padsAim = await aimAtPart(modelPath('wheel-corner'), 'brake-pads');
});

const sheetSays = (s: TestState, text: string) => s.ar.hud?.sheet === 'survey' && (s.ar.hud.shown?.texts ?? []).includes(text);
const sheetLabel = (s: TestState, id: string) => (s.ar.hud?.sheet === 'survey' ? s.ar.hud.shown?.buttons.find((button) => button.id === id)?.label : undefined);

async function mySurveys(client: ApiClient): Promise<StoredSurvey[]> {
  const response = await client.get<{ surveys: StoredSurvey[] }>('/api/surveys');
  expect(response.status).toBe(200);
  return response.body.surveys;
}

/** Signs in with a saved address, enters AR on the wheel corner's page, orders the pads from the 3D part card; the order's id. */
async function orderFromPartCard(page: Page, email: string, language: 'en' | 'es'): Promise<{ client: ApiClient; orderId: string }> {
  const client = await signIn(e2e.server, email);
  expect((await client.request('POST', '/api/addresses', ADDRESS)).status).toBeLessThan(300);
  await signInThroughUi(page, base, email, '/products/wheel-corner');
  if (language === 'es') await page.getByLabel('Language').selectOption('es');
  await page.getByRole('heading', { level: 1 }).waitFor();
  await setHeadPose(page, [0, 1.6, 0], [0, 0, 0, 1]);
  await page.getByTestId('enter-ar').click();
  await waitForTestState(page, (s) => s.ar.sessionActive && s.ar.domOverlay === null && s.ar.hud?.tray !== null, 'the headset AR session with its HUD');
  await placeOnOpenFloor(page);
  await selectPartWithRay(page, padsAim, 'brake-pads');
  await pressHud(page, 'part:add', (s) => s.orders.cartCount === 1);
  await pressHud(page, 'cart:order', (s) => s.ar.hud?.shown?.buttons.some((button) => button.id === 'checkout:place' && button.enabled) ?? false);
  const before = (await readTestState(page)).orders.orders.map((order) => order.id);
  const ordered = await pressHud(page, 'checkout:place', (s) => s.orders.orders.some((order) => !before.includes(order.id)));
  const orderId = ordered.orders.orders.find((order) => !before.includes(order.id))!.id;
  const confirmed = await waitForTestState(page, (s) => s.ar.hud?.shown?.buttons.some((button) => button.id === 'sheet:close') ?? false, 'the order’s confirmation on the part card');
  expect(confirmed.ar.hud?.sheet, 'the survey waits while the confirmation shows').toBe('part');
  return { client, orderId };
}

/** Looks straight ahead, then down at the wheel: the sheet is whole in view both times. */
async function expectSheetInViewAheadAndDown(page: Page): Promise<void> {
  await setHeadPose(page, [0, 1.6, 0], yawPitch(0, 0));
  expectFullyInView((await settle(page, 8)).ar.hud?.shown);
  await setHeadPose(page, [0, 1.6, 0], yawPitch(0, AT_THE_WHEEL));
  const down = await settle(page, 8);
  expect(down.ar.hud?.sheet).toBe('survey');
  expectFullyInView(down.ar.hud?.shown);
}

describe('the order survey in the headset', () => {
  it('asks about an order placed from the 3D part card once its confirmation is closed; answered with the controller, looking down, stored once', { timeout: 420_000 }, async () => {
    const { context, page } = await openPage(e2e.browser, `${base}/`, { xr: true, viewport: VIEW });
    try {
      const { client, orderId } = await orderFromPartCard(page, 'tech@demo.local', 'en');
      expect(await mySurveys(client)).toEqual([]);
      await pressHud(page, 'sheet:close', (s) => s.ar.hud?.sheet !== 'part');
      const asked = await waitForTestState(page, (s) => sheetSays(s, 'How satisfied are you with your order?'), 'the order survey sheet');
      expect(asked.ar.sessionActive).toBe(true);
      expect(asked.ar.hud?.shown?.texts).toContain('“Ordering was easy.” How much do you agree?');

      await expectSheetInViewAheadAndDown(page);
      await screenshot(page, 'survey-order-headset-down-en');
      await pressHud(page, 'csat:5', (s) => sheetLabel(s, 'csat:5') === '✓ 5');
      await pressHud(page, 'ces:6', (s) => sheetLabel(s, 'ces:6') === '✓ 6');
      await pressHud(page, 'survey:send', (s) => sheetSays(s, 'Thank you! Your answer helps us improve.'));
      expectFullyInView((await settle(page, 8)).ar.hud?.shown);

      expect(await mySurveys(client)).toEqual([
        expect.objectContaining({ context: 'order', contextId: orderId, channel: 'self-service', device: 'headset', language: 'en', csat: 5, ces: 6, nps: null, skipped: false }),
      ]);
      await pressHud(page, 'survey:close', (s) => s.ar.hud?.sheet === null);
      const after = await settle(page, 20);
      expect(after.ar.sessionActive).toBe(true);
      expect(after.ar.hud?.sheet, 'asked once: the survey does not come back').toBeNull();
    } finally {
      await context.close();
    }
  });

  it('speaks Spanish to a Spanish reader, who sets it aside with "Ahora no"; the skip is stored', { timeout: 420_000 }, async () => {
    const { context, page } = await openPage(e2e.browser, `${base}/`, { xr: true, viewport: VIEW });
    try {
      const { client, orderId } = await orderFromPartCard(page, 'customer@demo.local', 'es');
      await pressHud(page, 'sheet:close', (s) => s.ar.hud?.sheet !== 'part');
      const asked = await waitForTestState(page, (s) => sheetSays(s, '¿Qué tal ha ido?'), 'the order survey sheet in Spanish');
      expect(sheetLabel(asked, 'survey:skip')).toBe('Ahora no');
      await expectSheetInViewAheadAndDown(page);
      await screenshot(page, 'survey-order-headset-down-es');
      await pressHud(page, 'survey:skip', (s) => sheetSays(s, 'De acuerdo: no volveremos a preguntarte por esto.'));
      expect(await mySurveys(client)).toEqual([expect.objectContaining({ context: 'order', contextId: orderId, device: 'headset', language: 'es', skipped: true, csat: null })]);
    } finally {
      await context.close();
    }
  });
});
