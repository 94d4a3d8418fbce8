// Browser helpers for the headset HUD: find a button on the tray, the open sheet or the alignment panel, aim the emulated
// controller's ray at it and pull the trigger, as a person in a headset presses it.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { HudPanelTestState, TestState } from '../../client/src/test-hook.ts';
import { readTestState, settle, tapTrigger, waitForTestState } from './browser.ts';
import { aimAtButton } from './guide-e2e.ts';

type HudButton = HudPanelTestState['buttons'][number] & { normal: HudPanelTestState['normal'] };

function findButton(state: TestState, match: string | RegExp): HudButton | null {
  const hud = state.ar.hud;
  for (const panel of [hud?.shown, hud?.tray, state.guide.alignment.panel]) {
    const button = panel?.buttons.find((candidate) => (typeof match === 'string' ? candidate.id === match : match.test(candidate.label)));
    if (panel && button) return { ...button, normal: panel.normal };
  }
  return null;
}

/** Waits for an enabled HUD button (by id, or by a label pattern) and returns the test state then. */
export async function waitForHudButton(page: Page, match: string | RegExp, timeoutMs = 30_000): Promise<TestState> {
  return waitForTestState(page, (s) => findButton(s, match)?.enabled === true, `the HUD button ${String(match)}`, timeoutMs).catch(async (error: unknown) => {
    const { ar } = await readTestState(page);
    const shown = ar.hud?.shown;
    throw new Error(`no enabled HUD button ${String(match)}; sheet ${ar.hud?.sheet ?? 'none'} shows ${JSON.stringify(shown ? { texts: shown.texts, buttons: shown.buttons.map((b) => `${b.id}${b.enabled ? '' : ' (off)'}`) } : null)}`, { cause: error });
  });
}

/** Presses a HUD button with the right controller's ray; `done` says when the press took effect (retried a few times). */
export async function pressHud(page: Page, match: string | RegExp, done: (state: TestState) => boolean, attempts = 4): Promise<TestState> {
  for (let attempt = 1; attempt <= attempts; attempt += 1) {
    const state = await waitForHudButton(page, match);
    const button = findButton(state, match)!;
    await aimAtButton(page, button, button.normal);
    await settle(page, 4);
    await tapTrigger(page, 'right');
    const after = await waitForTestState(page, done, `the effect of pressing ${String(match)}`, 8000).catch(() => null);
    if (after) return after;
  }
  throw new Error(`pressing the HUD button ${String(match)} had no effect after ${attempts} tries`);
}

/** Every edge of the panel lies inside the headset's view (normalised device coordinates -1…1). */
export function expectFullyInView(panel: HudPanelTestState | null | undefined): void {
  const view = panel?.inView;
  expect(view, 'the panel is projected into the view').toBeTruthy();
  const where = `${panel?.id ?? ''} at ${JSON.stringify(view)}`;
  expect(Math.min(view!.left, view!.bottom), where).toBeGreaterThanOrEqual(-1);
  expect(Math.max(view!.right, view!.top), where).toBeLessThanOrEqual(1);
}
