// Help offered before asking, in a headset (emulated Quest 3 in immersive AR, no DOM overlay, the page inert): a
// returning technician on the step they struggled on gets the offer as a 3D sheet fully in view, with the reasons and
// the tip, presses "Get help" with the controller's ray, and the agent's queue says why it was offered. A Spanish reader
// gets the sheet in Spanish and sets it aside with "Ahora no".
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestState } from '../../client/src/test-hook.ts';
import { openPage, screenshot, setHeadPose, settle, signInThroughUi, waitForTestState } from '../support/browser.ts';
import { expectFullyInView, pressHud } from '../support/hud-e2e.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { PROACTIVE_GUIDE, PROACTIVE_TIP, seedEarlierHelp } from '../support/proactive-e2e.ts';

const e2e = useServerAndBrowser();
let base: string;
const GUIDE = PROACTIVE_GUIDE;
const TIP = PROACTIVE_TIP;

beforeAll(async () => {
  base = e2e.server.url.replace('127.0.0.1', 'localhost');
  await seedEarlierHelp(e2e.server);
});

/** Opens the guide, enters AR through the page's button (looking ahead) and waits for the headset's HUD. */
async function enterArOnFirstStep(page: Page, language: 'en' | 'es'): Promise<void> {
  await signInThroughUi(page, base, 'tech@demo.local', `/assist/wheel-corner?guide=${GUIDE}`);
  if (language === 'es') await page.getByLabel('Language').selectOption('es');
  await waitForTestState(page, (s) => s.guide.stepId === 'prepare-vehicle', 'the first step of the guide');
  await setHeadPose(page, [0, 1.6, 0], [0, 0, 0, 1]);
  await page.getByTestId('enter-ar').click();
  await waitForTestState(page, (s) => s.ar.sessionActive && s.ar.domOverlay === null && s.ar.hud?.tray !== null, 'the headset AR session with its HUD');
}

const offerSays = (s: TestState, text: string) => s.ar.hud?.sheet === 'proactive' && (s.ar.hud.shown?.texts ?? []).some((shown) => shown.includes(text));

describe('proactive help in the headset', () => {
  it('offers help as a 3D sheet in view; "Get help" pressed with the controller asks an agent who sees why', { timeout: 300_000 }, async () => {
    const tech = await openPage(e2e.browser, `${base}/`, { xr: true, viewport: { width: 480, height: 400 } });
    const agent = await openPage(e2e.browser, `${base}/`, { viewport: { width: 1280, height: 800 } });
    try {
      await signInThroughUi(agent.page, base, 'agent@demo.local', '/agent');
      await enterArOnFirstStep(tech.page, 'en');
      const offered = await waitForTestState(tech.page, (s) => offerSays(s, 'This step was hard for you last time.'), 'the offer sheet');
      expect(offered.ar.hud?.shown?.texts).toEqual(['Need a hand with this step?', 'This step was hard for you last time.', `What helped others: “${TIP}”`]);
      expect(offered.ar.hud?.shown?.buttons.map((button) => button.label)).toEqual(['Not now', "Don't offer again", 'Get help']);
      const seen = await settle(tech.page, 8);
      expectFullyInView(seen.ar.hud?.shown);
      expectFullyInView(seen.ar.hud?.tray);
      await screenshot(tech.page, 'proactive-offer-headset-en');

      await pressHud(tech.page, 'proactive:accept', (s) => s.ar.hud?.sheet !== 'proactive');
      const item = agent.page.getByRole('listitem').filter({ hasText: 'Tomás Technician' });
      await item.getByTestId('queue-offered-for').getByText('they struggled on this step before').waitFor();
      await screenshot(agent.page, 'proactive-headset-queue-1280-en');
    } finally {
      await tech.context.close();
      await agent.context.close();
    }
  });

  it('speaks Spanish to a Spanish reader, who sets it aside with "Ahora no"', { timeout: 300_000 }, async () => {
    const { context, page } = await openPage(e2e.browser, `${base}/`, { xr: true, viewport: { width: 480, height: 400 } });
    try {
      await enterArOnFirstStep(page, 'es');
      const offered = await waitForTestState(page, (s) => offerSays(s, TIP), 'the offer sheet in Spanish');
      expect(offered.ar.hud?.shown?.buttons.map((button) => button.label)).toEqual(['Ahora no', 'No me lo ofrezcas más', 'Pedir ayuda']);
      expect(offered.ar.hud?.shown?.texts.at(-1)).toBe(`Lo que ayudó a otros: “${TIP}”`);
      expect(offered.ar.hud?.shown?.texts).toContain("Este paso te costó la última vez.");
      const seen = await settle(page, 8);
      expectFullyInView(seen.ar.hud?.shown);
      await screenshot(page, 'proactive-offer-headset-es');
      await pressHud(page, 'proactive:dismiss', (s) => s.ar.hud?.sheet === null);
      expect((await waitForTestState(page, (s) => s.ar.sessionActive, 'still in AR')).ar.hud?.shown).toBeNull();
    } finally {
      await context.close();
    }
  });
});
