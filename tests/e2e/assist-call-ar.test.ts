// The assist page owns its live session: a call the technician answered beside the guide carries on, same call and
// audio both ways, when they enter AR (the step and its help move into the AR overlay) and when they leave it again.
import { beforeAll, describe, expect, it } from 'vitest';
import { openPage, screenshot, setHeadPose, settle, waitForTestState } from '../support/browser.ts';
import { callState, inboundGrowth } from '../support/call-e2e.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { signInThroughUi } from '../support/orders-e2e.ts';

const e2e = useServerAndBrowser();
let base: string;

beforeAll(async () => {
  base = e2e.server.url.replace('127.0.0.1', 'localhost');
});

describe('a call on the assist page', () => {
  it('stays connected while the technician enters AR and leaves it again', { timeout: 240_000 }, async () => {
    const tech = await openPage(e2e.browser, `${base}/`, { xr: true });
    const agent = await openPage(e2e.browser, `${base}/`, { viewport: { width: 1500, height: 1000 } });
    try {
      const a = tech.page;
      const b = agent.page;
      await signInThroughUi(b, base, 'agent@demo.local', '/agent');
      await signInThroughUi(a, base, 'tech@demo.local', '/assist/wheel-corner?guide=wheel-corner-brake-pads');
      await waitForTestState(a, (s) => s.guide.stepId === 'prepare-vehicle', 'the first step of the guide');

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
      await a.locator('.ar-overlay').getByTestId('guide-runner').waitFor();
      await settle(a, 10);
      const inAr = await callState(a);
      expect(inAr).toMatchObject({ callId, phase: 'connected' });
      expect(await inboundGrowth(a)).toBeGreaterThan(1000);
      expect(await inboundGrowth(b)).toBeGreaterThan(1000);
      await b.getByText('On a call with Tomás Technician.').waitFor();
      await screenshot(a, 'assist-call-in-ar');

      await a.getByRole('button', { name: 'Exit AR' }).click();
      await waitForTestState(a, (s) => !s.ar.sessionActive, 'the AR session to end');
      await a.getByTestId('guide-runner').waitFor();
      expect(await callState(a)).toMatchObject({ callId, phase: 'connected' });
      expect(await inboundGrowth(a)).toBeGreaterThan(1000);
      expect(await callState(b)).toMatchObject({ callId, phase: 'connected' });
    } finally {
      await tech.context.close();
      await agent.context.close();
    }
  });
});
