// What the headset HUD says, in English and Spanish, on an emulated Quest 3 (no DOM overlay, the page inert): the tray's
// placing hint speaks of the headset (pull the trigger or pinch, never a phone's tap), the part card's add button names
// the part, the count and the price, and a connection the server refuses during the session shows on the tray as a
// note with a Reload button that works.
import { modelPath } from '../support/asset-paths.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, readTestState, screenshot, setHeadPose, settle, tapTrigger, waitForTestState, yawPitch } from '../support/browser.ts';
import type { TestState } from '../../client/src/test-hook.ts';
import { aimAtButton, headLookingAt } from '../support/guide-e2e.ts';
import { pressHud, waitForHudButton } from '../support/hud-e2e.ts';
import { aimAtPart, type PartAim } from '../support/part-aim.ts';
import { placeOnOpenFloor, selectPartWithRay, signInThroughUi } from '../support/orders-e2e.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { routeRealtime } from '../support/outdated-realtime.ts';

const e2e = useServerAndBrowser();
const VIEWPORT = { width: 560, height: 460 };
const EYE: [number, number, number] = [0, 1.6, 0];
let padsAim: PartAim;

beforeAll(async () => {
  padsAim = await aimAtPart(modelPath('wheel-corner'), 'brake-pads');
});

const trayTexts = (s: TestState) => s.ar.hud?.tray?.texts ?? [];
const addLabel = (s: TestState) => s.ar.hud?.shown?.buttons.find((button) => button.id === 'part:add')?.label ?? '';

async function enterAr(page: Page): Promise<void> {
  await setHeadPose(page, EYE, [0, 0, 0, 1]);
  await page.getByTestId('enter-ar').click();
  await waitForTestState(page, (s) => s.ar.sessionActive && s.ar.hud?.tray !== null, 'the AR session with its HUD');
  expect((await readTestState(page)).ar.domOverlay).toBeNull();
}

/** Turns the head to the middle of the tray and the open sheet (a small turn: the tray stays put) and saves the canvas. */
async function lookAtHud(page: Page, name: string): Promise<void> {
  const { ar } = await readTestState(page);
  const points = [...(ar.hud?.tray?.buttons ?? []), ...(ar.hud?.shown?.buttons ?? [])].map((button) => button.position);
  const middle = [0, 1, 2].map((axis) => points.reduce((sum, point) => sum + point[axis]!, 0) / points.length) as [number, number, number];
  await setHeadPose(page, EYE, headLookingAt(EYE, middle));
  await settle(page, 6);
  await screenshot(page, name);
}

const languages = [
  {
    language: 'en',
    name: 'en',
    find: 'Look around at the floor so the headset can find it.',
    place: 'Point at the floor and pull the trigger (or pinch) to place it here.',
    addOne: /^Add 1 × Brake pads \(axle set\) — €45\.90$/,
    addTwo: /^Add 2 × Brake pads \(axle set\) — €91\.80$/,
  },
  {
    language: 'es',
    name: 'es',
    find: 'Mira al suelo a tu alrededor para que el visor lo encuentre.',
    place: 'Apunta al suelo y aprieta el gatillo (o pellizca) para colocarlo aquí.',
    addOne: /^Añadir 1 × Pastillas de freno \(juego por eje\) — 45,90\s€$/,
    addTwo: /^Añadir 2 × Pastillas de freno \(juego por eje\) — 91,80\s€$/,
  },
];

describe('the headset HUD’s words', () => {
  for (const c of languages) {
    it(`speaks of the trigger and pinch, and names what the add button adds (${c.name})`, { timeout: 240_000 }, async () => {
      const { context, page } = await openPage(e2e.browser, 'about:blank', { xr: true, viewport: VIEWPORT });
      try {
        await signInThroughUi(page, e2e.server.url, 'tech@demo.local', '/products/wheel-corner');
        await page.getByLabel(/^(Language|Idioma)$/).selectOption(c.language);
        await page.locator('[data-testid="enter-ar"]').waitFor();
        await enterAr(page);
        await waitForTestState(page, (s) => trayTexts(s).includes(c.find), 'the headset’s find-the-floor hint on the tray');
        await setHeadPose(page, EYE, yawPitch(0, 55));
        const ready = await waitForTestState(page, (s) => trayTexts(s).includes(c.place), 'the headset’s placing hint on the tray');
        expect(trayTexts(ready).join(' '), 'no phone words in a headset').not.toMatch(/\btap\b|phone|\btoca\b|móvil/i);
        await settle(page, 6);
        await screenshot(page, `hud-hint-${c.name}`);

        await placeOnOpenFloor(page);
        expect(trayTexts(await settle(page, 3)).some((text) => text === c.place || text === c.find), 'no placing hint once placed').toBe(false);
        await selectPartWithRay(page, padsAim, 'brake-pads');
        const sheet = await waitForTestState(page, (s) => s.ar.hud?.shown?.id === 'part' && addLabel(s) !== '', 'the part card sheet');
        expect(addLabel(sheet)).toMatch(c.addOne);
        const more = await pressHud(page, 'qty:more', (s) => / 2 × /.test(addLabel(s)));
        expect(addLabel(more)).toMatch(c.addTwo);
        await lookAtHud(page, `hud-part-card-${c.name}`);
        await pressHud(page, 'part:add', (s) => s.orders.cartCount === more.orders.cartCount + 2);
      } finally {
        await context.close();
      }
    });
  }
});


describe('a connection refused during a headset session', () => {
  it('shows on the tray as a note with a Reload button that reloads the page', { timeout: 180_000 }, async () => {
    let outdated = false;
    const { context, page } = await openPage(e2e.browser, 'about:blank', { xr: true, viewport: VIEWPORT });
    try {
      await routeRealtime(context, () => outdated);
      await signInThroughUi(page, e2e.server.url, 'tech@demo.local', '/products/wheel-corner');
      await page.locator('[data-testid="enter-ar"]').waitFor();
      await enterAr(page);
      const calm = await waitForTestState(page, (s) => s.ar.hud?.tray != null, 'the tray in the headset');
      expect(calm.ar.hud!.tray!.buttons.some((button) => button.id === 'connection:reload')).toBe(false);

      outdated = true;
      e2e.server.realtime.io.disconnectSockets(true);
      const refused = await waitForTestState(page, (s) => trayTexts(s).includes('This app is out of date and the server refused to connect it. Reload the page to update.'), 'the refusal as a note on the tray');
      expect(refused.ar.sessionActive).toBe(true);
      expect(refused.ar.hud!.tray!.buttons.find((button) => button.id === 'connection:reload')).toMatchObject({ label: 'Reload the page', enabled: true });
      await setHeadPose(page, EYE, yawPitch(0, 35));
      await settle(page, 6);
      await screenshot(page, 'hud-connection-refused-en');

      outdated = false;
      const reload = (await waitForHudButton(page, 'connection:reload')).ar.hud!.tray!;
      await aimAtButton(page, reload.buttons.find((button) => button.id === 'connection:reload')!, reload.normal);
      await settle(page, 4);
      const reloaded = page.waitForEvent('load', { timeout: 30_000 });
      await tapTrigger(page, 'right');
      await reloaded;
      await page.locator('[data-testid="enter-ar"]').waitFor();
      await expect.poll(() => page.locator('[data-testid="connection-banner"]').getAttribute('data-kind'), { timeout: 15_000 }).toBe('none');
    } finally {
      await context.close();
    }
  });
});
