// Live help end to end: a technician in AR (IWER Quest 3) with the wheel corner on the floor asks for help; the agent
// accepts in the console, clicks a caliper bolt in the live twin to pin an arrow on it; the arrow shows on that bolt in
// the technician's room, follows the product when it is dragged elsewhere, and the twin follows the technician's head.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Matrix4, Quaternion, Vector3 } from 'three';
import { openPage, placeOnOpenFloor, readTestState, screenshot, setControllerPose, setHeadPose, settle, signInThroughUi, tapTrigger, waitForTestState, yawPitch } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { pressHud } from '../support/hud-e2e.ts';
import { modelPath } from '../support/asset-paths.ts';
import { aimInTwin, loadProductScene, partMatrixInModel } from '../support/twin-aim.ts';

const BOLT = 'caliper-bolt-upper';
const e2e = useServerAndBrowser();
let base: string;

beforeAll(async () => {
  base = e2e.server.url.replace('127.0.0.1', 'localhost');
});

/** Where an annotation's part-local point is in the room, for a given product placement. */
function expectedWorld(productMatrixWorld: number[], boltInModel: Matrix4, localPoint: [number, number, number]): Vector3 {
  return new Vector3(...localPoint).applyMatrix4(boltInModel).applyMatrix4(new Matrix4().fromArray(productMatrixWorld));
}

const position = (elements: number[]) => new Vector3().setFromMatrixPosition(new Matrix4().fromArray(elements));

type Device = { quaternion: { y: number; w: number } };

/**
 * Presses Move on the HUD tray, looks at other open floor (the product follows the gaze), lowers the controller so its
 * ray points at the floor rather than the tray, and taps to put the product down there.
 */
async function dragProduct(page: Page, from: number[]): Promise<number[]> {
  const start = position(from);
  const headYaw = await page.evaluate(() => {
    const q = (window as unknown as { __iwerDevice: Device }).__iwerDevice.quaternion;
    return (2 * Math.atan2(q.y, q.w) * 180) / Math.PI;
  });
  await setHeadPose(page, [0, 1.6, 0], yawPitch(headYaw, 55));
  await settle(page, 6);
  if ((await readTestState(page)).ar.hud?.sheet) await pressHud(page, 'sheet:close', (s) => !s.ar.hud?.sheet);
  for (const turn of [40, -40, 60, -60, 90, -90]) {
    await pressHud(page, 'ar:move', (s) => !s.ar.placed);
    await setHeadPose(page, [0, 1.6, 0], yawPitch(headYaw + turn, 50));
    await setControllerPose(page, 'right', [0.2, 1.1, -0.2], yawPitch(headYaw + turn, 80));
    await settle(page, 8);
    await tapTrigger(page, 'right');
    const placed = await waitForTestState(page, (s) => s.ar.placed && s.ar.anchored, 'the product to be put down');
    const matrix = placed.ar.productMatrixWorld!;
    if (position(matrix).distanceTo(start) > 0.3 && Math.abs(position(matrix).y) < 0.06) return matrix;
  }
  throw new Error('the product could not be put down on other open floor');
}

describe('an agent annotates the technician’s product from the console', () => {
  it('pins an arrow on a caliper bolt that shows on that bolt in AR, follows the product when moved, and the twin follows the head', { timeout: 300_000 }, async () => {
    const scene = await loadProductScene(modelPath('wheel-corner'));
    const boltInModel = partMatrixInModel(scene, BOLT);
    const tech = await openPage(e2e.browser, `${base}/`, { xr: true });
    const agent = await openPage(e2e.browser, `${base}/`, { viewport: { width: 1500, height: 1000 } });
    try {
      const a = tech.page;
      const b = agent.page;
      await signInThroughUi(a, base, 'tech@demo.local', '/help/wheel-corner');
      await signInThroughUi(b, base, 'agent@demo.local', '/agent');
      await b.getByRole('heading', { name: 'Help queue' }).waitFor();

      await setHeadPose(a, [0, 1.6, 0], [0, 0, 0, 1]);
      await a.getByTestId('enter-ar').click();
      await waitForTestState(a, (s) => s.ar.sessionActive, 'the AR session to start');
      await placeOnOpenFloor(a, { tolerance: 0.05, move: (page) => pressHud(page, 'ar:move', (s) => !s.ar.placed) });
      await pressHud(a, 'assist:help', (s) => s.assist.help?.phase === 'waiting' && s.ar.hud?.sheet === 'help');

      await b.getByRole('button', { name: 'Accept Tomás Technician' }).click();
      const active = await waitForTestState(a, (s) => s.assist.help?.phase === 'active', 'the agent to join');
      expect(active.assist.help?.agentName).toBe('Alex Agent');
      await waitForTestState(a, (s) => (s.ar.hud?.shown?.texts ?? []).includes('Alex Agent is helping you.'), 'the agent in the help sheet');

      const placedA = (await readTestState(a)).ar.productMatrixWorld!;
      const twinReady = await waitForTestState(b, (s) => s.assist.twin !== null && position(s.assist.twin.productMatrixWorld).distanceTo(position(placedA)) < 0.005, 'the twin to show the product where the technician placed it');
      expect(twinReady.assist.twin?.sessionId).toBe(active.assist.help?.sessionId);

      await b.getByRole('radio', { name: 'Arrow' }).check();
      await b.getByRole('tab', { name: 'Parts' }).click();
      await b.getByRole('button', { name: 'Show Upper caliper guide bolt in the 3D view' }).click();
      const shownAt = (await readTestState(b)).assist.twin!.frames;
      const framed = await waitForTestState(b, (s) => (s.assist.twin?.frames ?? 0) > shownAt + 10, 'the twin to render the framed bolt');
      await screenshot(b, 'agent-twin-framed-bolt');
      const aim = aimInTwin(scene, BOLT, framed.assist.twin!);
      await b.mouse.click(aim.x, aim.y);

      const shown = await waitForTestState(a, (s) => (s.assist.scenes.ar?.items.length ?? 0) === 1, 'the arrow in the technician’s AR view');
      const arrow = shown.assist.scenes.ar!.items[0]!;
      expect(arrow).toMatchObject({ kind: 'arrow', partId: BOLT });
      expect(new Vector3(...arrow.localPoint).distanceTo(aim.localPoint)).toBeLessThan(0.003);
      await settle(a, 10);
      const before = await readTestState(a);
      const arrowBefore = before.assist.scenes.ar!.items[0]!;
      expect(new Vector3(...arrowBefore.world).distanceTo(expectedWorld(before.ar.productMatrixWorld!, boltInModel, arrowBefore.localPoint))).toBeLessThan(0.01);
      await screenshot(a, 'agent-arrow-in-ar');
      await screenshot(b, 'agent-console-arrow');

      await pressHud(a, 'sheet:close', (s) => s.ar.hud?.sheet === null);
      const moved = await dragProduct(a, before.ar.productMatrixWorld!);
      await settle(a, 12);
      const after = await readTestState(a);
      const arrowAfter = after.assist.scenes.ar!.items[0]!;
      expect(new Vector3(...arrowAfter.world).distanceTo(expectedWorld(after.ar.productMatrixWorld!, boltInModel, arrowAfter.localPoint))).toBeLessThan(0.01);
      expect(new Vector3(...arrowAfter.world).distanceTo(new Vector3(...arrowBefore.world))).toBeGreaterThan(0.2);
      await waitForTestState(b, (s) => s.assist.twin !== null && position(s.assist.twin.productMatrixWorld).distanceTo(position(moved)) < 0.01, 'the twin to follow the moved product');

      const headPosition: [number, number, number] = [0.4, 1.45, 0.3];
      const headQuaternion = yawPitch(25, 20);
      await setHeadPose(a, headPosition, headQuaternion);
      const facingError = (head: { quaternion: [number, number, number, number] }) => (new Quaternion(...head.quaternion).angleTo(new Quaternion(...headQuaternion)) * 180) / Math.PI;
      const followed = await waitForTestState(
        b,
        (s) => {
          const head = s.assist.twin?.head;
          return head != null && new Vector3(...head.position).distanceTo(new Vector3(...headPosition)) < 0.03 && facingError(head) < 3;
        },
        'the twin’s frustum to reach the technician’s head and face where it faces',
      );
      expect(followed.assist.twin!.left ?? followed.assist.twin!.right).not.toBeNull();
      expect(followed.assist.twin!.poseFramesReceived).toBeGreaterThan(30);
      await screenshot(b, 'agent-twin-follows-head');
    } finally {
      await tech.context.close();
      await agent.context.close();
    }
  });
});
