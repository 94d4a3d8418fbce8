// The journey the product exists for, on an emulated Quest 3 without leaving AR (the page is inert in the headset, so
// every press goes through the controller's ray on the 3D UI): the technician walks the brake-pad guide to the caliper
// bolts, asks for help in 3D, the agent accepts, answers the technician's call from the 3D sheet, pins an arrow on the upper caliper bolt and proposes pads;
// the technician sees the arrow on the bolt, accepts the proposal and orders with one press, sees the order and
// its status change in 3D, and leaves AR with the call still up. Then five more trips into AR and back keep the call.
import { beforeAll, describe, expect, it } from 'vitest';
import { Matrix4, Vector3 } from 'three';
import type { Page } from 'playwright-core';
import { openPage, readTestState, screenshot, setHeadPose, settle, signInThroughUi, waitForTestState } from '../support/browser.ts';
import { callState, inboundGrowth } from '../support/call-e2e.ts';
import { pressHud } from '../support/hud-e2e.ts';
import { pressPanelButton } from '../support/guide-e2e.ts';
import { placeOnOpenFloor } from '../support/orders-e2e.ts';
import { ADDRESS, signIn } from '../support/orders-api.ts';
import { modelPath } from '../support/asset-paths.ts';
import { aimInTwin, loadProductScene, partMatrixInModel } from '../support/twin-aim.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';

const e2e = useServerAndBrowser();
const BOLT = 'caliper-bolt-upper';
const GUIDE = 'wheel-corner-brake-pads';
let base: string;

beforeAll(async () => {
  base = e2e.server.url.replace('127.0.0.1', 'localhost');
});

/** Acknowledges a step's warning on the 3D step panel, then takes Next to `to`. */
async function stepOn(page: Page, from: string, to: string, warnings: number): Promise<void> {
  await waitForTestState(page, (s) => s.guide.stepId === from, `step ${from}`);
  for (let index = 0; index < warnings; index += 1) {
    await pressPanelButton(page, `ack:${index}`, (s) => s.guide.acknowledgedWarnings.includes(index), `warning ${index} of ${from} acknowledged`);
  }
  await pressPanelButton(page, 'next', (s) => s.guide.stepId === to, `Next from ${from} to ${to}`);
}

async function enterAr(page: Page): Promise<void> {
  await setHeadPose(page, [0, 1.6, 0], [0, 0, 0, 1]);
  await page.getByTestId('enter-ar').click();
  await waitForTestState(page, (s) => s.ar.sessionActive && s.ar.hud?.tray !== null, 'the AR session with its HUD');
}

/** Stands back from the HUD so a screenshot shows the tray and the sheet. */
async function lookAtHud(page: Page, name: string): Promise<void> {
  await settle(page, 6);
  await screenshot(page, name);
}

describe('the whole journey inside the headset', () => {
  it('guide → help in 3D → call → arrow on the bolt → proposal accepted and ordered in 3D → status in 3D → leave AR, call up', { timeout: 420_000 }, async () => {
    const scene = await loadProductScene(modelPath('wheel-corner'));
    const boltInModel = partMatrixInModel(scene, BOLT);
    const tech = await openPage(e2e.browser, `${base}/`, { xr: true, viewport: { width: 480, height: 400 } });
    const agent = await openPage(e2e.browser, `${base}/`, { viewport: { width: 1500, height: 1000 } });
    const a = tech.page;
    const b = agent.page;
    try {
      const technician = await signIn(e2e.server, 'tech@demo.local');
      expect((await technician.request('POST', '/api/addresses', ADDRESS)).status).toBeLessThan(300);
      await signInThroughUi(b, base, 'agent@demo.local', '/agent');
      await signInThroughUi(a, base, 'tech@demo.local', `/assist/wheel-corner?guide=${GUIDE}`);
      await waitForTestState(a, (s) => s.guide.stepId === 'prepare-vehicle', 'the first step of the guide');

      await enterAr(a);
      expect((await readTestState(a)).ar.domOverlay).toBeNull();
      await placeOnOpenFloor(a);
      await stepOn(a, 'prepare-vehicle', 'loosen-wheel-bolts', 1);
      await stepOn(a, 'loosen-wheel-bolts', 'raise-onto-stand', 0);
      await stepOn(a, 'raise-onto-stand', 'remove-wheel', 1);
      await stepOn(a, 'remove-wheel', 'remove-caliper-bolts', 1);

      await pressHud(a, 'assist:help', (s) => s.assist.help?.phase === 'waiting' && s.ar.hud?.sheet === 'help');
      const queued = await waitForTestState(a, (s) => (s.ar.hud?.shown?.texts ?? []).some((text) => /number 1 in the queue|Waiting for an agent/.test(text)), 'the queue place in the help sheet');
      expect(queued.ar.drawCalls).toBeLessThan(100);
      const item = b.getByRole('listitem').filter({ hasText: 'Tomás Technician' });
      await item.getByText('Remove the lower caliper bolt', { exact: true }).waitFor();
      await item.getByRole('button', { name: 'Accept Tomás Technician' }).click();
      await waitForTestState(a, (s) => (s.ar.hud?.shown?.texts ?? []).includes('Alex Agent is helping you.'), 'the agent in the help sheet');

      await pressHud(a, 'call:start', (s) => s.assist.call?.phase === 'calling' || s.assist.call?.phase === 'connecting' || s.assist.call?.phase === 'connected');
      await b.getByRole('button', { name: 'Answer' }).click();
      await waitForTestState(a, (s) => s.assist.call?.phase === 'connected', 'the technician’s side of the call');
      await waitForTestState(b, (s) => s.assist.call?.phase === 'connected', 'the agent’s side of the call');
      const { callId } = await callState(a);
      expect(await inboundGrowth(a)).toBeGreaterThan(1000);
      await pressHud(a, 'reply:quickShowMe', (s) => (s.ar.hud?.shown?.texts ?? []).includes('You: Show me'));
      await b.getByText('Show me').first().waitFor();
      await lookAtHud(a, 'hud-help-sheet-en');

      await b.getByRole('radio', { name: 'Arrow' }).check();
      await b.getByRole('tab', { name: 'Parts' }).click();
      await b.getByRole('button', { name: 'Show Upper caliper guide bolt in the 3D view' }).click();
      // The session's step and part lists make the console taller than the window: bring the twin into view to click it.
      await b.locator('canvas[data-view="twin"]').scrollIntoViewIfNeeded();
      const shownAt = (await waitForTestState(b, (s) => s.assist.twin !== null, 'the twin')).assist.twin!.frames;
      const framed = await waitForTestState(b, (s) => (s.assist.twin?.frames ?? 0) > shownAt + 10, 'the twin to render the framed bolt');
      await b.mouse.click(...(({ x, y }) => [x, y] as const)(aimInTwin(scene, BOLT, framed.assist.twin!)));
      const arrowShown = await waitForTestState(a, (s) => (s.assist.scenes.ar?.items.length ?? 0) === 1, 'the arrow in the technician’s view', 15_000).catch(async (error: unknown) => {
        console.log('DEBUG a', JSON.stringify((await readTestState(a)).assist.scenes), 'b', JSON.stringify((await readTestState(b)).assist.scenes));
        await screenshot(b, 'debug-agent');
        throw error;
      });
      const arrow = arrowShown.assist.scenes.ar!.items[0]!;
      expect(arrow).toMatchObject({ kind: 'arrow', partId: BOLT });
      const atBolt = new Vector3(...arrow.localPoint).applyMatrix4(boltInModel).applyMatrix4(new Matrix4().fromArray(arrowShown.ar.productMatrixWorld!));
      expect(new Vector3(...arrow.world).distanceTo(atBolt)).toBeLessThan(0.01);

      await b.getByRole('tab', { name: 'Cart' }).click();
      const form = b.locator('.cart-proposal');
      await form.getByRole('button', { name: /^Brake pads \(axle set\).*one more$/ }).click();
      await form.getByRole('button', { name: 'Propose these parts' }).click();
      const proposed = await waitForTestState(a, (s) => s.ar.hud?.sheet === 'proposal' && (s.ar.hud.shown?.buttons.some((button) => button.id === 'proposal:accept' && button.enabled) ?? false), 'the proposal sheet with its parts');
      expect(proposed.ar.hud!.shown!.texts.join(' ')).toMatch(/Brake pads \(axle set\) · 1 piece · €[\s\S]*Total: €/);
      expect(proposed.ar.drawCalls).toBeLessThan(100);
      await lookAtHud(a, 'hud-proposal-sheet-en');
      await pressHud(a, 'proposal:accept', (s) => s.ar.hud?.shown?.buttons.some((button) => button.id === 'checkout:place' && button.enabled) ?? false);
      expect((await readTestState(a)).ar.hud!.shown!.texts.join(' ')).toContain('Deliver to: Carmen Customer, Calle Mayor 1, 28013 Madrid');
      const ordered = await pressHud(a, 'checkout:place', (s) => s.orders.orders.some((order) => order.sessionId === s.assist.help?.sessionId));
      const order = ordered.orders.orders.find((candidate) => candidate.sessionId === ordered.assist.help?.sessionId)!;
      const confirmation = await waitForTestState(a, (s) => (s.ar.hud?.shown?.texts ?? []).includes('Status: Placed'), 'the order status in 3D');
      expect(confirmation.ar.hud!.shown!.texts.join(' ')).toMatch(new RegExp(`Order ${order.number} is placed[\\s\\S]*Ordered: 1 × Brake pads \\(axle set\\)\\. Total €`));
      expect((await readTestState(a)).ar.sessionActive).toBe(true);
      const admin = await signIn(e2e.server, 'admin@demo.local');
      expect((await admin.request('PATCH', `/api/orders/${order.id}`, { status: 'confirmed' })).status).toBe(200);
      await waitForTestState(a, (s) => (s.ar.hud?.shown?.texts ?? []).includes('Status: Confirmed'), 'the new status in 3D');
      await lookAtHud(a, 'hud-order-status-en');

      await pressHud(a, 'ar:leave', (s) => !s.ar.sessionActive);
      await a.getByTestId('guide-runner').waitFor();
      expect(await callState(a)).toMatchObject({ callId, phase: 'connected' });
      expect(await callState(b)).toMatchObject({ callId, phase: 'connected' });

      for (let trip = 1; trip <= 5; trip += 1) {
        await enterAr(a);
        await settle(a, 5);
        expect(await callState(a)).toMatchObject({ callId, phase: 'connected' });
        await pressHud(a, 'ar:leave', (s) => !s.ar.sessionActive);
        expect(await callState(a)).toMatchObject({ callId, phase: 'connected' });
      }
      expect(await inboundGrowth(a)).toBeGreaterThan(1000);
      expect(await inboundGrowth(b)).toBeGreaterThan(1000);
    } finally {
      await tech.context.close();
      await agent.context.close();
    }
  });
});
