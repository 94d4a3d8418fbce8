// "Get help" from a guide step on the assist page: the request carries the guide and the step, the agent suggests a
// step the technician takes with one tap, moves the guide directly, and the twin captions where the technician is.
import { beforeAll, describe, expect, it } from 'vitest';
import { openPage, screenshot, waitForTestState } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { signInThroughUi } from '../support/orders-e2e.ts';

const e2e = useServerAndBrowser();
let base: string;

beforeAll(async () => {
  base = e2e.server.url.replace('127.0.0.1', 'localhost');
});

describe('help from a guide step', () => {
  it('asks with the step, takes the agent’s suggested step in one tap and follows the agent’s jump', async () => {
    const tech = await openPage(e2e.browser, `${base}/`);
    const agent = await openPage(e2e.browser, `${base}/`, { viewport: { width: 1500, height: 1000 } });
    try {
      const a = tech.page;
      const b = agent.page;
      await signInThroughUi(b, base, 'agent@demo.local', '/agent');
      await signInThroughUi(a, base, 'tech@demo.local', '/assist/wheel-corner?guide=wheel-corner-brake-pads');
      await waitForTestState(a, (s) => s.guide.stepId === 'prepare-vehicle', 'the first step of the guide');

      await a.getByTestId('guide-runner').getByTestId('assist-get-help').click();
      const item = b.getByRole('listitem').filter({ hasText: 'Tomás Technician' });
      await item.getByText('prepare-vehicle').waitFor();
      await item.getByRole('button', { name: 'Accept Tomás Technician' }).click();
      await a.getByText('Alex Agent is helping you.').waitFor();
      await b.locator('.twin-caption').getByText('Step 1 of 21: Make the car safe').waitFor();

      await b.getByRole('button', { name: 'Suggest the step Remove the lower caliper bolt' }).click();
      const pushed = a.getByTestId('pushed-step');
      await pushed.getByText('Alex Agent suggests the step “Remove the lower caliper bolt”.').waitFor();
      await pushed.getByRole('button', { name: 'Go to that step' }).click();
      await a.getByTestId('step-title').getByText('Remove the lower caliper bolt').waitFor();
      await b.locator('.twin-caption').getByText(/^Step \d+ of 21: Remove the lower caliper bolt$/).waitFor();
      await screenshot(a, 'help-assist-suggested-step');

      await b.getByRole('button', { name: 'Move their guide to Measure the pad thickness' }).click();
      await a.getByTestId('step-title').getByText('Measure the pad thickness').waitFor();
      const moved = await waitForTestState(a, (s) => s.guide.stepId === 'measure-pad-thickness', 'the guide at the agent’s step');
      expect(moved.assist.help?.phase).toBe('active');
    } finally {
      await tech.context.close();
      await agent.context.close();
    }
  });
});
