// Browser helpers for landmark alignment e2e tests: a "real unit" at a known pose, the controller tip touching each
// landmark the app asks for, entering AR for the HUD, and comparing a pose with the unit's within the tests' tolerance.
import { expect } from 'vitest';
import type { Page } from 'playwright-core';
import { Box3, Matrix4, Quaternion, Vector3, type Object3D } from 'three';
import { applyRigidTransform, quaternionAngleBetween } from '../../core/alignment.ts';
import type { Landmark } from '../../core/catalog.ts';
import type { RigidTransform, Vec3 } from '../../core/geometry.ts';
import type { TestState } from '../../client/src/test-hook.ts';
import { readTestState, setHeadPose, waitForTestState, yawPitch } from './browser.ts';
import { lookingAlong, setControllerPose, settle, tapTrigger } from './guide-e2e.ts';
import { partMatrixInModel } from './twin-aim.ts';

export const DEGREE = Math.PI / 180;
const POINTING_DOWN = lookingAlong(new Vector3(0, -1, 0));

/** A unit standing at `position` on the floor, turned `yawDegrees` to the left. */
export function unitAt(position: Vec3, yawDegrees: number): RigidTransform {
  const half = (yawDegrees * DEGREE) / 2;
  return { position, quaternion: [0, Math.sin(half), 0, Math.cos(half)] };
}

/** Where a landmark of the product is on the real unit (plus `offset`, to touch it badly). */
export function landmarkWorldPoint(unit: RigidTransform, landmarks: readonly Pick<Landmark, 'id' | 'position'>[], landmarkId: string, offset: Vec3 = [0, 0, 0]): Vec3 {
  const landmark = landmarks.find((candidate) => candidate.id === landmarkId);
  if (!landmark) throw new Error(`no landmark ${landmarkId}`);
  const [x, y, z] = applyRigidTransform(unit, landmark.position);
  return [x + offset[0], y + offset[1], z + offset[2]];
}

/** How far (m) a landmark lies from its part's box in the product's model (0 when on or inside it). */
export function distanceFromItsPart(scene: Object3D, landmark: Pick<Landmark, 'partId' | 'position'>): number {
  partMatrixInModel(scene, landmark.partId);
  const part = scene.getObjectByName(landmark.partId)!;
  return new Box3().setFromObject(part).distanceToPoint(new Vector3(...landmark.position));
}

/** Within 1 cm and 1° of `target`. */
export function expectNear(transform: RigidTransform, label: string, target: RigidTransform): void {
  const distance = new Vector3(...transform.position).distanceTo(new Vector3(...target.position));
  const angle = quaternionAngleBetween(transform.quaternion, target.quaternion);
  expect(distance, `${label}: position error (m)`).toBeLessThan(0.01);
  expect(angle, `${label}: rotation error (rad)`).toBeLessThan(DEGREE);
}

export function poseOf(matrix: number[]): RigidTransform {
  const position = new Vector3();
  const quaternion = new Quaternion();
  new Matrix4().fromArray(matrix).decompose(position, quaternion, new Vector3());
  return { position: position.toArray() as Vec3, quaternion: quaternion.toArray() as [number, number, number, number] };
}

/** Enters AR through the page's own button, the head looking down at the floor ahead, and waits for the HUD's tray. */
export async function enterArWithHud(page: Page): Promise<void> {
  await setHeadPose(page, [0, 1.6, 0.4], yawPitch(0, 30));
  await page.getByTestId('enter-ar').click();
  await waitForTestState(page, (s) => s.ar.sessionActive && s.ar.hud?.tray !== null, 'the AR session with its HUD');
  await settle(page, 5);
}

/** The words of the alignment's 3D panel, or of the HUD's tray, joined. */
export const panelWords = (s: TestState) => (s.guide.alignment.panel?.texts ?? []).join(' ');
export const trayWords = (s: TestState) => (s.ar.hud?.tray?.texts ?? []).join(' ');

/** Touches each landmark the app asks for with the right controller's tip at `pointOf(id)`; returns the ids asked. */
export async function touchLandmarks(page: Page, pointOf: (landmarkId: string) => Vec3): Promise<string[]> {
  const asked: string[] = [];
  for (;;) {
    const { alignment } = (await readTestState(page)).guide;
    if (alignment.phase !== 'collecting' || !alignment.nextLandmarkId) return asked;
    const landmarkId = alignment.nextLandmarkId;
    asked.push(landmarkId);
    await setControllerPose(page, 'right', pointOf(landmarkId), POINTING_DOWN);
    await settle(page, 3);
    await tapTrigger(page, 'right');
    await waitForTestState(page, (s) => s.guide.alignment.collected > alignment.collected || s.guide.alignment.phase !== 'collecting', `the app to record ${landmarkId}`);
  }
}
