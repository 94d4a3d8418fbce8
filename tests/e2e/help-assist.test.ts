// "Get help" from a guide step on the assist page: the request carries the guide and the step, the agent suggests a
// step the technician takes with one tap, moves the guide directly, and the twin captions where the technician is. The
// page owns its live session: a call answered beside the guide carries on (same call, audio both ways) when the
// technician enters AR, where help moves onto the headset's 3D tray, and when they leave it again. The agent reads the
// product and the unit by name ("Front wheel corner, demo unit"), never the unit's id.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, screenshot, setHeadPose, settle, waitForTestState } from '../support/browser.ts';
import { callState, inboundGrowth } from '../support/call-e2e.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { pressHud } from '../support/hud-e2e.ts';
import { signInThroughUi } from '../support/orders-e2e.ts';

const e2e = useServerAndBrowser();
let base: string;

beforeAll(async () => {
  base = e2e.server.url.replace('127.0.0.1', 'localhost');
});

/** The agent on the console and the technician on the brake-pad guide's first step, each in a context of their own. */
async function guideAndConsole(options: { xr?: boolean } = {}): Promise<{ a: Page; b: Page; close: () => Promise<void> }> {
  const tech = await openPage(e2e.browser, `${base}/`, options.xr ? { xr: true } : {});
  const agent = await openPage(e2e.browser, `${base}/`, { viewport: { width: 1500, height: 1000 } });
  const close = async () => {
    await tech.context.close();
    await agent.context.close();
  };
  try {
    await signInThroughUi(agent.page, base, 'agent@demo.local', '/agent');
    await signInThroughUi(tech.page, base, 'tech@demo.local', '/assist/wheel-corner?guide=wheel-corner-brake-pads');
    await waitForTestState(tech.page, (s) => s.guide.stepId === 'prepare-vehicle', 'the first step of the guide');
  } catch (error) {
    await close();
    throw error;
  }
  return { a: tech.page, b: agent.page, close };
}

describe('help from a guide step', () => {
  it('asks with the step, takes the agent’s suggested step in one tap and follows the agent’s jump', async () => {
    const { a, b, close } = await guideAndConsole();
    try {
      await a.getByTestId('guide-runner').getByTestId('assist-get-help').click();
      const item = b.getByRole('listitem').filter({ hasText: 'Tomás Technician' });
      await item.getByText('Make the car safe', { exact: true }).waitFor();
      expect(await item.getByText('prepare-vehicle').count()).toBe(0);
      await item.getByText('Demo unit', { exact: true }).waitFor();
      expect(await item.innerText()).not.toContain('wheel-corner.demo-unit');
      await item.getByRole('button', { name: 'Accept Tomás Technician' }).click();
      await a.getByText('Alex Agent is helping you.').waitFor();
      const header = b.locator('.workspace-header');
      await header.getByRole('heading', { name: 'Tomás Technician — Front wheel corner' }).waitFor();
      await header.getByText('Front wheel corner, demo unit').waitFor();
      expect(await header.innerText()).not.toContain('wheel-corner.demo-unit');
      await b.locator('.twin-caption').getByText('Step 1 of 21: Make the car safe').waitFor();

      await b.getByRole('button', { name: 'Suggest the step Remove the lower caliper bolt' }).click();
      const pushed = a.getByTestId('pushed-step');
      await pushed.getByText('Alex Agent suggests the step “Remove the lower caliper bolt”.').waitFor();
      await pushed.getByRole('button', { name: 'Go to that step' }).click();
      await a.getByTestId('step-title').getByText('Remove the lower caliper bolt').waitFor();
      await b.locator('.twin-caption').getByText(/^Step \d+ of 21: Remove the lower caliper bolt$/).waitFor();
      await screenshot(a, 'help-assist-suggested-step');

      await b.getByRole('button', { name: 'Go to Measure the pad thickness (moves their guide)' }).click();
      await a.getByTestId('step-title').getByText('Measure the pad thickness').waitFor();
      const moved = await waitForTestState(a, (s) => s.guide.stepId === 'measure-pad-thickness', 'the guide at the agent’s step');
      expect(moved.assist.help?.phase).toBe('active');
    } finally {
      await close();
    }
  });

  it('keeps a call connected while the technician enters AR and leaves it again', { timeout: 240_000 }, async () => {
    const { a, b, close } = await guideAndConsole({ xr: true });
    try {
      await a.getByTestId('guide-runner').getByTestId('assist-get-help').click();
      await b.getByRole('listitem').filter({ hasText: 'Tomás Technician' }).getByRole('button', { name: 'Accept Tomás Technician' }).click();
      await a.getByText('Alex Agent is helping you.').waitFor();
      await b.getByRole('button', { name: 'Call', exact: true }).click();
      await a.getByText('Alex Agent is calling you.').waitFor();
      await a.getByRole('button', { name: 'Answer' }).click();
      await waitForTestState(a, (s) => s.assist.call?.phase === 'connected', 'the technician’s side to connect', 20_000);
      await waitForTestState(b, (s) => s.assist.call?.phase === 'connected', 'the agent’s side to connect', 20_000);
      const { callId } = await callState(a);
      expect(await inboundGrowth(a)).toBeGreaterThan(1000);

      await setHeadPose(a, [0, 1.6, 0], [0, 0, 0, 1]);
      await a.getByTestId('enter-ar').click();
      await waitForTestState(a, (s) => s.ar.sessionActive, 'the AR session to start');
      await waitForTestState(a, (s) => s.ar.hud?.tray?.buttons.some((button) => button.label === 'Help: Alex Agent') ?? false, 'the help button on the headset tray');
      await settle(a, 10);
      expect(await callState(a)).toMatchObject({ callId, phase: 'connected' });
      expect(await inboundGrowth(a)).toBeGreaterThan(1000);
      expect(await inboundGrowth(b)).toBeGreaterThan(1000);
      await b.getByText('On a call with Tomás Technician.').waitFor();
      await screenshot(a, 'help-assist-call-in-ar');

      await pressHud(a, 'ar:leave', (s) => !s.ar.sessionActive);
      await a.getByTestId('guide-runner').waitFor();
      expect(await callState(a)).toMatchObject({ callId, phase: 'connected' });
      expect(await inboundGrowth(a)).toBeGreaterThan(1000);
      expect(await callState(b)).toMatchObject({ callId, phase: 'connected' });
    } finally {
      await close();
    }
  });
});
