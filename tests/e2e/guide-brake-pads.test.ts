// A technician runs the brake-pad guide on the placed wheel corner in AR with the emulated controller (Chromium + IWER):
// the right part lights up at every step, warnings block Next, a worn pad takes the replacement branch, the step's parts
// go into the cart from the 3D panel, a reload resumes. As on a headset, nothing on the page is clicked while in AR.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Vector3 } from 'three';
import type { CartResponse } from '../../core/cart.ts';
import type { ProductDetail } from '../../core/catalog.ts';
import type { Guide } from '../../core/guide.ts';
import type { TestState } from '../../client/src/test-hook.ts';
import { countDrawnPixels, openPage, readTestState, screenshot, setHeadPose, waitForTestState, signInThroughUi } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { headLookingAt, placeOnOpenFloor, pressPanelButton, settle, startGuideTestServer } from '../support/guide-e2e.ts';
import { connectClient, emitWithAck, login } from '../support/test-server.ts';

const GUIDE_ID = 'wheel-corner-brake-pads';
const ASSIST_URL = `/assist/wheel-corner?guide=${GUIDE_ID}`;
/** Small, so the software renderer keeps a few frames a second. */
const AR_VIEWPORT = { width: 480, height: 400 };
const XR_CANVAS = 'canvas[data-view="ar"]';

const e2e = useServerAndBrowser({ startServer: startGuideTestServer });
let guide: Guide;

beforeAll(async () => {
  const response = await fetch(`${e2e.server.url}/api/guides/${GUIDE_ID}`);
  guide = ((await response.json()) as { guide: Guide }).guide;
});

function stepOf(id: string) {
  const step = guide.steps.find((candidate) => candidate.id === id);
  if (!step) throw new Error(`no step ${id}`);
  return step;
}

async function skuOf(partId: string): Promise<string> {
  const response = await fetch(`${e2e.server.url}/api/products/${guide.productId}`);
  const product = (await response.json()) as ProductDetail;
  const part = product.parts.find((candidate) => candidate.id === partId);
  if (!part) throw new Error(`no part ${partId}`);
  return part.sku;
}

/** How many of `sku` the signed-in person's cart on the server holds. */
async function cartQuantity(user: { token: string }, sku: string): Promise<number> {
  const response = await fetch(`${e2e.server.url}/api/cart`, { headers: { authorization: `Bearer ${user.token}` } });
  const { cart } = (await response.json()) as CartResponse;
  return cart.items.find((line) => line.sku === sku)?.quantity ?? 0;
}

/** Checks the highlighted parts against the step's targets and returns the step's state. */
async function arriveAt(page: Page, stepId: string): Promise<TestState> {
  const targets = stepOf(stepId).targetPartIds;
  const state = await waitForTestState(page, (s) => s.guide.stepId === stepId && s.guide.highlightedPartIds.join() === targets.join(), `step ${stepId} with its parts lit`);
  expect(state.guide.highlightedPartIds).toEqual(targets);
  expect(state.guide.stepNumber).toBe(guide.steps.findIndex((step) => step.id === stepId) + 1);
  expect(state.guide.stepCount).toBe(guide.steps.length);
  return state;
}

async function acknowledgeWarnings(page: Page, stepId: string): Promise<void> {
  const count = stepOf(stepId).warnings.length;
  for (let index = 0; index < count; index += 1) {
    await pressPanelButton(page, `ack:${index}`, (s) => s.guide.stepId === stepId && s.guide.acknowledgedWarnings.includes(index), `warning ${index} of ${stepId} acknowledged`);
  }
}

async function next(page: Page, from: string, to: string | null): Promise<void> {
  await pressPanelButton(page, 'next', (s) => (to === null ? s.guide.finished : s.guide.stepId === to), `Next from ${from} to ${to ?? 'the end'}`);
}

/** Acknowledges the step's warnings and leaves it with Next (which confirms a "confirm" step). */
async function doStep(page: Page, stepId: string, to: string | null): Promise<void> {
  await arriveAt(page, stepId);
  await acknowledgeWarnings(page, stepId);
  await next(page, stepId, to);
}

async function enterArAndPlace(page: Page): Promise<void> {
  await setHeadPose(page, [0, 1.6, 0], [0, 0, 0, 1]);
  await page.getByTestId('enter-ar').click();
  await waitForTestState(page, (s) => s.ar.sessionActive, 'the AR session to start');
  await placeOnOpenFloor(page);
}

/** Looks at the 3D panel from a comfortable distance and saves a screenshot. */
async function screenshotPanel(page: Page, name: string): Promise<void> {
  const state = await waitForTestState(page, (s) => s.guide.panel !== null, 'the 3D panel');
  const panel = state.guide.panel!;
  const centre = panel.buttons
    .reduce((sum, button) => sum.add(new Vector3(...button.position)), new Vector3())
    .divideScalar(panel.buttons.length);
  const eye = centre.clone().addScaledVector(new Vector3(...panel.normal), 0.6);
  eye.y = Math.max(eye.y, 1.0);
  await setHeadPose(page, eye.toArray(), headLookingAt(eye.toArray(), [centre.x, centre.y + 0.1, centre.z]));
  // Under the emulator the phone-style DOM overlay is page DOM over the view: hide it for a headset's picture. A
  // constructed style sheet, as the page's CSP refuses inline style elements.
  const hide = (hidden: boolean) =>
    page.evaluate((on) => {
      const marked = window as unknown as { __hideOverlay?: CSSStyleSheet };
      marked.__hideOverlay ??= new CSSStyleSheet();
      marked.__hideOverlay.replaceSync('.ar-overlay { visibility: hidden !important; }');
      const others = document.adoptedStyleSheets.filter((sheet) => sheet !== marked.__hideOverlay);
      document.adoptedStyleSheets = on ? [...others, marked.__hideOverlay] : others;
    }, hidden);
  await hide(true);
  await settle(page, 6);
  await screenshot(page, name);
  await hide(false);
  // Back where the person works: the HUD tray follows the head and would stand between the controller and the panel.
  await setHeadPose(page, [0, 1.6, 0], [0, 0, 0, 1]);
  await settle(page, 4);
}

describe('the brake-pad guide in AR, driven by the emulated controller', () => {
  it('lights each step’s parts, blocks Next on warnings, branches on a worn pad, resumes after a reload, and finishes', { timeout: 600_000 }, async () => {
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`, { xr: true, viewport: AR_VIEWPORT });
    try {
      await signInThroughUi(page, e2e.server.url, 'tech@demo.local', ASSIST_URL);
      const tech = await login(e2e.server, 'tech@demo.local');
      await page.getByTestId('guide-runner').waitFor();
      const sessionId = new URL(page.url()).searchParams.get('session');
      expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
      await enterArAndPlace(page);

      const first = await arriveAt(page, 'prepare-vehicle');
      expect(first.guide.blockedReason).toBe('warning_unacknowledged');
      const refused = await pressPanelButton(page, 'next', (s) => s.guide.refusedNext === 'warning_unacknowledged', 'Next refused while the warning is unacknowledged');
      expect(refused.guide.stepId).toBe('prepare-vehicle');
      expect(refused.guide.panel?.buttons.find((b) => b.id === 'next')?.enabled).toBe(false);
      await screenshotPanel(page, 'guide-ar-warning-blocks-next');
      const pixels = await countDrawnPixels(page, XR_CANVAS, null);
      expect(pixels.drawn).toBeGreaterThan(2000);
      await acknowledgeWarnings(page, 'prepare-vehicle');
      const unblocked = await waitForTestState(page, (s) => s.guide.nextEnabled && s.guide.panel?.buttons.find((b) => b.id === 'next')?.enabled === true, 'Next enabled');
      expect(unblocked.guide.blockedReason).toBe('confirmation_missing');
      await next(page, 'prepare-vehicle', 'loosen-wheel-bolts');

      await doStep(page, 'loosen-wheel-bolts', 'raise-onto-stand');
      await doStep(page, 'raise-onto-stand', 'remove-wheel');
      await doStep(page, 'remove-wheel', 'remove-caliper-bolts');
      await doStep(page, 'remove-caliper-bolts', 'swing-caliper-up');
      await doStep(page, 'swing-caliper-up', 'measure-pad-thickness');

      await arriveAt(page, 'measure-pad-thickness');
      await acknowledgeWarnings(page, 'measure-pad-thickness');
      const padBlocked = await pressPanelButton(page, 'next', (s) => s.guide.refusedNext === 'measurement_missing', 'Next refused without a measurement');
      expect(padBlocked.guide.stepId).toBe('measure-pad-thickness');
      // A headset shows no page DOM: the number is typed on the panel's keypad.
      await pressPanelButton(page, 'key:2', (s) => s.guide.draft === '2', 'the pad thickness typed on the keypad');
      await screenshotPanel(page, 'guide-ar-pad-out-of-range');
      await next(page, 'measure-pad-thickness', 'remove-worn-pads');
      const branched = await readTestState(page);
      expect(branched.guide.measurements['measure-pad-thickness']).toBe(2);

      await doStep(page, 'remove-worn-pads', 'measure-disc-thickness');
      await arriveAt(page, 'measure-disc-thickness');
      await pressPanelButton(page, 'key:2', (s) => s.guide.draft === '2', 'keypad 2');
      await pressPanelButton(page, 'key:3', (s) => s.guide.draft === '23', 'keypad 3');
      await next(page, 'measure-disc-thickness', 'inspect-disc-surface');

      await arriveAt(page, 'inspect-disc-surface');
      await pressPanelButton(page, 'answer:disc-ok', (s) => s.guide.answers['inspect-disc-surface'] === 'disc-ok', 'the disc-ok answer chosen');
      const beforeReload = await readTestState(page);

      await page.reload();
      await page.getByTestId('guide-runner').waitFor();
      const resumed = await waitForTestState(page, (s) => s.guide.stepId !== null, 'the guide to resume');
      expect(new URL(page.url()).searchParams.get('session')).toBe(sessionId);
      expect(resumed.guide.stepId).toBe('inspect-disc-surface');
      expect(resumed.guide.answers).toEqual(beforeReload.guide.answers);
      expect(resumed.guide.measurements).toEqual({ 'measure-pad-thickness': 2, 'measure-disc-thickness': 23 });
      expect(await page.getByRole('radio', { name: 'Yes, the surface is even' }).isChecked()).toBe(true);
      await enterArAndPlace(page);

      await arriveAt(page, 'inspect-disc-surface');
      await next(page, 'inspect-disc-surface', 'which-pads');
      await arriveAt(page, 'which-pads');
      await pressPanelButton(page, 'answer:new-pads', (s) => s.guide.answers['which-pads'] === 'new-pads', 'the new-pads answer chosen');
      await next(page, 'which-pads', 'retract-piston');
      await doStep(page, 'retract-piston', 'fit-new-pads');
      await arriveAt(page, 'fit-new-pads');
      const padsSku = await skuOf('brake-pads');
      const cartBefore = await cartQuantity(tech, padsSku);
      await pressPanelButton(page, 'parts:add', (s) => s.guide.panel?.buttons.find((b) => b.id === 'parts:add')?.enabled === false && s.guide.stepId === 'fit-new-pads', 'the step’s parts added from the 3D panel');
      expect(await cartQuantity(tech, padsSku)).toBe(cartBefore + stepOf('fit-new-pads').consumesParts[0]!.quantity);
      await acknowledgeWarnings(page, 'fit-new-pads');
      await next(page, 'fit-new-pads', 'lower-caliper');
      await doStep(page, 'lower-caliper', 'torque-caliper-bolts');
      await doStep(page, 'torque-caliper-bolts', 'refit-wheel');
      await doStep(page, 'refit-wheel', 'torque-wheel-bolts');
      await doStep(page, 'torque-wheel-bolts', 'pump-brake-pedal');
      await doStep(page, 'pump-brake-pedal', 'bed-in-pads');
      await arriveAt(page, 'bed-in-pads');
      await next(page, 'bed-in-pads', null);
      const finished = await waitForTestState(page, (s) => s.guide.finished && s.guide.pending === 0, 'the guide finished and saved');
      expect(finished.guide.highlightedPartIds).toEqual([]);
      await screenshotPanel(page, 'guide-ar-finished');

      const socket = await connectClient(e2e.server, { token: tech.token });
      try {
        const stored = await emitWithAck<{ ok: true; progress: { currentStepId: string | null; history: string[]; answers: Record<string, string> } }>(socket, 'guide:get', { sessionId });
        expect(stored.progress.currentStepId).toBeNull();
        expect(stored.progress.history).toEqual([
          'prepare-vehicle', 'loosen-wheel-bolts', 'raise-onto-stand', 'remove-wheel', 'remove-caliper-bolts', 'swing-caliper-up', 'measure-pad-thickness',
          'remove-worn-pads', 'measure-disc-thickness', 'inspect-disc-surface', 'which-pads', 'retract-piston', 'fit-new-pads', 'lower-caliper',
          'torque-caliper-bolts', 'refit-wheel', 'torque-wheel-bolts', 'pump-brake-pedal', 'bed-in-pads',
        ]);
        expect(stored.progress.answers).toEqual({ 'inspect-disc-surface': 'disc-ok', 'which-pads': 'new-pads' });
      } finally {
        socket.close();
      }
    } finally {
      await context.close();
    }
  });
});
