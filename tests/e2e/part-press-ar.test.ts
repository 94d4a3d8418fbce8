// A press on a part in a headset (emulated Quest 3, no DOM overlay): a tap shows the part's card even when a frame
// stalls for longer than a tap lasts (as on a busy software renderer); a press held until it drags the product, or the
// tap that puts it down after the HUD's Move, moves it and shows no card, also on a device without anchors.
import { modelPath } from '../support/asset-paths.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { holdTrigger, openPage, readTestState, setHeadPose, settle, tapTrigger, waitForTestState } from '../support/browser.ts';
import type { TestState } from '../../client/src/test-hook.ts';
import { aimAtPart, type PartAim } from '../support/part-aim.ts';
import { aimControllerAtPart, placeOnOpenFloor, signInThroughUi } from '../support/orders-e2e.ts';
import { pressHud } from '../support/hud-e2e.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';

const e2e = useServerAndBrowser();
let padsAim: PartAim;

beforeAll(async () => {
  padsAim = await aimAtPart(modelPath('wheel-corner'), 'brake-pads');
});

/**
 * Signs in, enters AR on the wheel corner, puts it on open floor and aims at its brake pads. `anchors: false` emulates a
 * device whose XR frames cannot create anchors, so the product stands on its plain world pose.
 */
async function aimedAtPads(page: Page, anchors = true): Promise<TestState> {
  await signInThroughUi(page, e2e.server.url, 'tech@demo.local', '/products/wheel-corner');
  if (!anchors) await page.evaluate(() => Reflect.deleteProperty(XRFrame.prototype, 'createAnchor'));
  await setHeadPose(page, [0, 1.6, 0], [0, 0, 0, 1]);
  await page.getByTestId('enter-ar').click();
  await waitForTestState(page, (s) => s.ar.sessionActive && s.ar.hud?.tray !== null, 'the AR session with its HUD');
  return aimControllerAtPart(page, padsAim, await placeOnOpenFloor(page, anchors));
}

/** Holds the trigger on the pads until the product is taken up and carried a few frames, then lets go where it stands. */
async function dragFromPads(page: Page): Promise<TestState> {
  await holdTrigger(page, 'right', async () => {
    const moving = await waitForTestState(page, (s) => !s.ar.placed, 'the held press to take the product up');
    await waitForTestState(page, (s) => s.ar.frames >= moving.ar.frames + 5, 'frames with the product held');
  });
  return waitForTestState(page, (s) => s.ar.placed, 'the product put down where the press let go');
}

describe('a press on a part in a headset', () => {
  it('shows the part card after a tap whose release came in a frame stalled for 450 ms', { timeout: 180_000 }, async () => {
    const { context, page } = await openPage(e2e.browser, 'about:blank', { xr: true, viewport: { width: 560, height: 460 } });
    try {
      const aimed = await aimedAtPads(page);
      expect(aimed.orders.partCard).toBeNull();
      await tapTrigger(page, 'right', 450);
      const shown = await waitForTestState(page, (s) => s.orders.partCard?.partId === 'brake-pads', 'the brake pads card after one stalled tap', 10_000);
      expect(shown.ar.placed, 'the tap did not drag the product').toBe(true);
      expect(shown.ar.productMatrixWorld).toEqual(aimed.ar.productMatrixWorld);
      expect(shown.ar.hud?.shown?.id).toBe('part');
    } finally {
      await context.close();
    }
  });

  it('drags the product while held on a part or put down after Move, and shows a card only for a tap on it where it stands', { timeout: 180_000 }, async () => {
    const { context, page } = await openPage(e2e.browser, 'about:blank', { xr: true, viewport: { width: 560, height: 460 } });
    try {
      await aimedAtPads(page);
      await dragFromPads(page);
      const down = await waitForTestState(page, (s) => s.ar.anchored, 'the product anchored where it was put down');
      const later = await settle(page, 10);
      expect(later.orders.partCard, 'no card from the press that dragged').toBeNull();
      expect(later.ar.hud?.sheet ?? null).toBeNull();

      await pressHud(page, 'ar:move', (s) => !s.ar.placed);
      await aimControllerAtPart(page, padsAim, down);
      await tapTrigger(page, 'right');
      const putDown = await waitForTestState(page, (s) => s.ar.placed && s.ar.anchored, 'the product put down by a tap on it after Move');
      expect((await settle(page, 10)).orders.partCard, 'no card from the tap that put it down').toBeNull();

      await aimControllerAtPart(page, padsAim, putDown);
      await tapTrigger(page, 'right');
      await waitForTestState(page, (s) => s.orders.partCard?.partId === 'brake-pads', 'the brake pads card after a tap where the product now is', 10_000);
      expect((await readTestState(page)).ar.placed).toBe(true);
    } finally {
      await context.close();
    }
  });

  it('on a device without anchors, drags the product while held on a part and shows no card when let go', { timeout: 180_000 }, async () => {
    const { context, page } = await openPage(e2e.browser, 'about:blank', { xr: true, viewport: { width: 560, height: 460 } });
    try {
      await aimedAtPads(page, false);
      const down = await dragFromPads(page);
      const later = await settle(page, 10);
      expect(later.ar.anchored, 'the emulated device made no anchor').toBe(false);
      expect(later.orders.partCard, 'no card from the press that dragged').toBeNull();

      await aimControllerAtPart(page, padsAim, down);
      await tapTrigger(page, 'right');
      await waitForTestState(page, (s) => s.orders.partCard?.partId === 'brake-pads', 'the brake pads card after a tap where the product now is', 10_000);
    } finally {
      await context.close();
    }
  });
});
