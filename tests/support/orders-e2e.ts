// Browser helpers for the ordering e2e tests: place on open floor, tap a part with the controller ray, fill an address.
import type { Page } from 'playwright-core';
import type { TestState } from '../../client/src/test-hook.ts';
import { placeOnOpenFloor as placeFloor, readTestState, setControllerPose, signInThroughUi, tapTrigger, waitForTestState } from './browser.ts';
import { controllerPoseFor, type PartAim } from './part-aim.ts';
import { pressHud } from './hud-e2e.ts';

export interface AddressInput {
  name: string;
  street: string;
  city: string;
  postalCode: string;
  /** The country's name as the list shows it. */
  country: string;
}

export async function fillAddress(page: Page, address: AddressInput): Promise<void> {
  await page.getByLabel('Full name').fill(address.name);
  await page.getByLabel('Street and number').fill(address.street);
  await page.getByLabel('City').fill(address.city);
  await page.getByLabel('Postal code').fill(address.postalCode);
  await page.getByLabel('Country').selectOption({ label: address.country });
}

export { signInThroughUi, tapTrigger };

/** Places the product on the open floor, taking it up again with the HUD's Move button when it lands on a desk. */
export async function placeOnOpenFloor(page: Page, anchored = true): Promise<TestState> {
  return placeFloor(page, { tolerance: 0.05, anchored, move: (moving) => pressHud(moving, 'ar:move', (s) => !s.ar.placed) });
}

/** Aims the right controller's ray at a part of the product where it stands in `placed`, and lets a few frames pass. */
export async function aimControllerAtPart(page: Page, aim: PartAim, placed: TestState): Promise<TestState> {
  const pose = controllerPoseFor(aim, placed.ar.productMatrixWorld!);
  await setControllerPose(page, 'right', pose.position, pose.quaternion);
  return waitForTestState(page, (s) => s.ar.frames >= placed.ar.frames + 5, 'frames with the controller aimed');
}

/**
 * Aims the right controller's ray at a part of the placed product and taps until the app shows that part's card; a tap
 * that the app read as the start of a drag moves the product, so the aim is recomputed from where it is now.
 */
export async function selectPartWithRay(page: Page, aim: PartAim, partId: string, attempts = 6): Promise<void> {
  const seen: string[] = [];
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const placed = await waitForTestState(page, (s) => s.ar.placed && s.ar.productMatrixWorld !== null, 'the placed product');
    await aimControllerAtPart(page, aim, placed);
    await tapTrigger(page, 'right');
    const shown = await waitForTestState(page, (s) => s.orders.partCard?.partId === partId, `the ${partId} card`, 8000).catch(() => null);
    if (shown) return;
    const after = await readTestState(page);
    const moved = JSON.stringify(after.ar.productMatrixWorld) !== JSON.stringify(placed.ar.productMatrixWorld);
    seen.push(`card ${after.orders.partCard?.partId ?? 'none'}, sheet ${after.ar.hud?.sheet ?? 'none'}${moved ? ', product moved' : ''}`);
  }
  throw new Error(`the ${partId} card never showed after ${attempts} taps (after each: ${seen.join('; ')})`);
}
