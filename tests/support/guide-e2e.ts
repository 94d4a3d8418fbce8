// Browser helpers for the guide e2e tests: a server serving a chosen client build, sign-in through the app, waiting on
// XR frames, aiming the emulated controller at a point or at a 3D panel button, and a one-frame trigger tap.
import type { Page } from 'playwright-core';
import { Matrix4, Quaternion, Vector3 } from 'three';
import type { GuideButtonTestState } from '../../client/src/test-hook.ts';
import { placeOnOpenFloor, settle, tapTrigger } from './browser.ts';
import { startTestServer, type TestServer } from './test-server.ts';

/** A test server; `XR_ASSIST_CLIENT_DIR` points it at another client build (e.g. one made while others rebuild dist/). */
export function startGuideTestServer(): Promise<TestServer> {
  const clientDir = process.env.XR_ASSIST_CLIENT_DIR;
  return startTestServer(clientDir ? { clientDir } : {});
}

export async function signInThroughForm(page: Page, baseUrl: string, email: string, next: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
}

/** Lets the app render `frames` more XR frames (software rendering makes frames slow, so never a fixed wait). */
type Vec3 = [number, number, number];
type Quat = [number, number, number, number];

export async function setControllerPose(page: Page, hand: 'left' | 'right', position: Vec3, quaternion: Quat): Promise<void> {
  await page.evaluate(
    ([h, p, q]) => {
      type Pose = { position: { set(x: number, y: number, z: number): void }; quaternion: { set(x: number, y: number, z: number, w: number): void } };
      const controller = (window as unknown as { __iwerDevice: { controllers: Record<string, Pose> } }).__iwerDevice.controllers[h];
      controller?.position.set(p[0], p[1], p[2]);
      controller?.quaternion.set(q[0], q[1], q[2], q[3]);
    },
    [hand, position, quaternion] as const,
  );
}

export { placeOnOpenFloor, settle, tapTrigger };

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

