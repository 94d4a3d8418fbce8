// Help offered before asking: a returning technician who needed help on the brake-pad guide's first step before is
// offered an agent there (with why and the tip an agent gave), by keyboard, in English and Spanish; accepting asks an
// agent whose queue says why it was offered. That it is not made twice on a step is the server test's
// (tests/server/proactive.test.ts).
import { beforeAll, describe, expect, it } from 'vitest';
import { openPage, screenshot, waitForTestState } from '../support/browser.ts';
import { seriousViolations } from '../support/axe.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { PROACTIVE_GUIDE, PROACTIVE_TIP, seedEarlierHelp } from '../support/proactive-e2e.ts';
import { signInThroughUi } from '../support/orders-e2e.ts';

const e2e = useServerAndBrowser();
let base: string;
const GUIDE = PROACTIVE_GUIDE;
const TIP = PROACTIVE_TIP;

beforeAll(async () => {
  base = e2e.server.url.replace('127.0.0.1', 'localhost');
  await seedEarlierHelp(e2e.server);
});

describe('proactive help', () => {
  it('offers a returning technician an agent on the step they struggled on, and the agent sees why', { timeout: 120_000 }, async () => {
    const tech = await openPage(e2e.browser, `${base}/`, { viewport: { width: 390, height: 844 } });
    const agent = await openPage(e2e.browser, `${base}/`, { viewport: { width: 1280, height: 800 } });
    try {
      await signInThroughUi(agent.page, base, 'agent@demo.local', '/agent');
      await signInThroughUi(tech.page, base, 'tech@demo.local', `/assist/wheel-corner?guide=${GUIDE}`);
      await waitForTestState(tech.page, (s) => s.guide.stepId === 'prepare-vehicle', 'the first step of the guide');
      const offer = tech.page.getByRole('region', { name: 'Need a hand with this step?' });
      await offer.getByText('This step was hard for you last time.').waitFor();
      await offer.getByText(TIP).waitFor();
      expect(await tech.page.getByTestId('assist-get-help').count(), 'offered before asking').toBe(1);
      expect(await seriousViolations(tech.page)).toEqual([]);
      await offer.scrollIntoViewIfNeeded();
      await screenshot(tech.page, 'proactive-offer-390-en');
      await tech.page.locator('header select').selectOption('es');
      const oferta = tech.page.getByRole('region', { name: '¿Te echamos una mano con este paso?' });
      await oferta.getByText('Este paso te costó la última vez.').waitFor();
      expect(await seriousViolations(tech.page)).toEqual([]);
      await oferta.scrollIntoViewIfNeeded();
      await screenshot(tech.page, 'proactive-offer-390-es');
      await tech.page.locator('header select').selectOption('en');

      const accept = offer.getByRole('button', { name: 'Talk to an agent now' });
      await accept.focus();
      await tech.page.keyboard.press('Enter');
      const item = agent.page.getByRole('listitem').filter({ hasText: 'Tomás Technician' });
      await item.getByTestId('queue-offered-for').getByText('they struggled on this step before').waitFor();
      await screenshot(agent.page, 'proactive-queue-1280-en');
      await item.getByRole('button', { name: 'Accept Tomás Technician' }).click();
      await agent.page.getByTestId('workspace-offered-for').getByText(/they struggled on this step before/).waitFor();
      await tech.page.getByText('Alex Agent is helping you.').waitFor();
      expect(await offer.count(), 'the offer is gone once asked').toBe(0);
    } finally {
      await tech.context.close();
      await agent.context.close();
    }
  });
});
