// Browser helpers for a guide run in a headset: publish the two-step tray guide (guide-editor-cases' trayGuide) and
// finish it in emulated AR pressing only the 3D step panel, and look at the open HUD sheet for a screenshot.
import type { Page } from 'playwright-core';
import { trayGuide } from '../server/guide-editor-cases.ts';
import { screenshot, setHeadPose, settle, signInThroughUi, waitForTestState } from './browser.ts';
import { headLookingAt, pressPanelButton } from './guide-e2e.ts';
import { placeOnOpenFloor } from './orders-e2e.ts';
import { publishGuide, studioClient } from './studio-api.ts';

/** Publishes the tray guide for the espresso machine as version 1 under `guideId`, as the demo author. */
export async function publishTrayGuide(server: { url: string }, guideId: string): Promise<void> {
  await publishGuide(await studioClient(server, 'author@demo.local'), trayGuide(guideId));
}

export interface TrayGuideRun {
  /** The app's origin, on `localhost` (a secure context for WebXR). */
  base: string;
  email: string;
  guideId: string;
  language?: 'en' | 'es';
}

/** Signs in, enters AR through the page's button, places the machine and walks both steps on the 3D step panel. */
export async function finishTrayGuideInHeadset(page: Page, { base, email, guideId, language = 'en' }: TrayGuideRun): Promise<void> {
  await signInThroughUi(page, base, email, `/assist/espresso-machine?guide=${guideId}`);
  if (language === 'es') await page.getByLabel('Language').selectOption('es');
  await waitForTestState(page, (s) => s.guide.guideId === guideId && s.guide.stepId === 'pull-tray', 'the first step of the tray guide');
  await setHeadPose(page, [0, 1.6, 0], [0, 0, 0, 1]);
  await page.getByTestId('enter-ar').click();
  await waitForTestState(page, (s) => s.ar.sessionActive && s.ar.domOverlay === null && s.ar.hud?.tray !== null, 'the headset AR session with its HUD');
  await placeOnOpenFloor(page);
  await pressPanelButton(page, 'next', (s) => s.guide.stepId === 'push-tray', 'Done, next to the second step');
  await pressPanelButton(page, 'next', (s) => s.guide.finished, 'Finish');
}

type Vec3 = [number, number, number];
const centreOf = (buttons: ReadonlyArray<{ position: Vec3 }>) => [0, 1, 2].map((axis) => buttons.reduce((sum, button) => sum + button.position[axis]!, 0) / Math.max(1, buttons.length)) as Vec3;

/**
 * Steps 0.3 m to the sheet's side and turns to it, for a screenshot (the HUD may follow the step: then the sheet is
 * placed whole in view again), from 0.3 m left of where finishTrayGuideInHeadset put the person: eyes 1.6 m above the origin.
 */
export async function lookAtSheet(page: Page, name: string): Promise<void> {
  const { ar } = await settle(page, 4);
  const sheet = ar.hud!.shown!;
  const [nx, , nz] = sheet.normal;
  const length = Math.hypot(nx, nz);
  const back: Vec3 = [nx / length, 0, nz / length];
  const stood: Vec3 = [0, 1.6, 0];
  const left: Vec3 = [-back[2], 0, back[0]];
  const eye: Vec3 = [stood[0] + left[0] * 0.3, stood[1], stood[2] + left[2] * 0.3];
  await setHeadPose(page, eye, headLookingAt(eye, centreOf(sheet.buttons)));
  await settle(page, 8);
  await screenshot(page, name);
}
