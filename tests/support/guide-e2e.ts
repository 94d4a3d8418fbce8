// Browser helpers for the guide e2e tests: a server serving a chosen client build, aiming the emulated controller at a point or at a 3D panel button, and a one-frame trigger tap.
import type { Page } from 'playwright-core';
import { Matrix4, Quaternion, Vector3 } from 'three';
import type { GuideButtonTestState, TestState } from '../../client/src/test-hook.ts';
import { placeOnOpenFloor, setControllerPose, settle, tapTrigger, waitForTestState } from './browser.ts';
import { startTestServer, type TestServer } from './test-server.ts';

/** A test server; `XR_ASSIST_CLIENT_DIR` points it at another client build (e.g. one made while others rebuild dist/). */
export function startGuideTestServer(): Promise<TestServer> {
  const clientDir = process.env.XR_ASSIST_CLIENT_DIR;
  return startTestServer(clientDir ? { clientDir } : {});
}

type Vec3 = [number, number, number];
type Quat = [number, number, number, number];

export { placeOnOpenFloor, setControllerPose, settle, tapTrigger };

/** An orientation whose forward (-Z) points along `direction`. */
export function lookingAlong(direction: Vector3): Quat {
  return new Quaternion().setFromUnitVectors(new Vector3(0, 0, -1), direction.clone().normalize()).toArray() as Quat;
}

/** A head orientation at `eye` looking at `target`, level (no roll). */
export function headLookingAt(eye: Vec3, target: Vec3): Quat {
  const matrix = new Matrix4().lookAt(new Vector3(...eye), new Vector3(...target), new Vector3(0, 1, 0));
  return new Quaternion().setFromRotationMatrix(matrix).toArray() as Quat;
}

/** Points the right controller's ray at a 3D panel button from `reach` metres in front of the panel. */
export async function aimAtButton(page: Page, button: GuideButtonTestState, normal: Vec3, reach = 0.3): Promise<void> {
  const target = new Vector3(...button.position);
  const back = new Vector3(...normal).normalize();
  const position = target.clone().addScaledVector(back, reach);
  await setControllerPose(page, 'right', position.toArray() as Vec3, lookingAlong(back.clone().negate()));
}

/**
 * Aims the right controller's ray at a button of the 3D step panel, waits until the app says the ray is over it, and
 * pulls the trigger for one frame; tries again if the press did not take effect. Each try aims from another distance:
 * a controller within a few centimetres of the product grabs instead of pointing, as on a real headset.
 */
export async function pressPanelButton(page: Page, buttonId: string, tookEffect: (state: TestState) => boolean, what: string): Promise<TestState> {
  for (const reach of [0.45, 0.7, 0.3, 0.9]) {
    const shown = await waitForTestState(page, (s) => s.guide.panel?.stepId === s.guide.stepId && (s.guide.panel?.buttons.some((b) => b.id === buttonId) ?? false), `the 3D panel with "${buttonId}"`);
    const panel = shown.guide.panel!;
    const button = panel.buttons.find((b) => b.id === buttonId)!;
    await aimAtButton(page, button, panel.normal, reach);
    const over = await waitForTestState(page, (s) => s.guide.panel?.hovered === buttonId, `the ray over "${buttonId}"`, 15_000).catch(() => null);
    if (!over) continue;
    await tapTrigger(page, 'right');
    const done = await waitForTestState(page, tookEffect, what, 15_000).catch(() => null);
    if (done) return done;
  }
  throw new Error(`pressing "${buttonId}" never had its effect: ${what}`);
}
