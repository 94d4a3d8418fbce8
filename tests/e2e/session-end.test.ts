// Ending a job explicitly: the technician presses "End session" during live help, the agent's console sees the help end,
// the page says the session has ended and a fresh session starts clean (none of the old chat); a job on another unit of
// the same model does not resume the last unit's session.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, screenshot, signInThroughUi } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';

const e2e = useServerAndBrowser();
const sessionOf = (page: Page) => new URL(page.url()).searchParams.get('session');

async function sessionInUrl(page: Page, other: string | null = null): Promise<string> {
  await page.waitForURL((url) => url.searchParams.get('session') !== null && url.searchParams.get('session') !== other);
  return sessionOf(page) ?? '';
}

describe('End session', () => {
  it('ends the live help for both sides, and the next session starts clean', { timeout: 180_000 }, async () => {
    const base = e2e.server.url;
    const tech = await openPage(e2e.browser, `${base}/`);
    const agent = await openPage(e2e.browser, `${base}/`, { viewport: { width: 1400, height: 900 } });
    try {
      const a = tech.page;
      const b = agent.page;
      await signInThroughUi(b, base, 'agent@demo.local', '/agent');
      await b.getByText('Nobody is waiting.').waitFor();
      await signInThroughUi(a, base, 'tech@demo.local', '/help/wheel-corner');
      const first = await sessionInUrl(a);

      await a.getByTestId('get-help').click();
      const item = b.getByTestId('queue-list').getByRole('listitem').filter({ hasText: 'Tomás Technician' });
      await item.getByRole('button', { name: 'Accept Tomás Technician' }).click();
      await a.getByText('Alex Agent is helping you.').waitFor();
      await a.getByLabel('Message').fill('Left front, unit 7');
      await a.getByLabel('Message').press('Enter');
      await b.getByTestId('chat-lines').getByText('Left front, unit 7').waitFor();

      await a.getByRole('button', { name: 'End session' }).click();
      const confirm = a.getByRole('button', { name: 'Yes, end the session' });
      await expect.poll(() => confirm.evaluate((element) => element === document.activeElement)).toBe(true);
      await a.keyboard.press('Enter');
      await a.getByRole('heading', { name: 'This session has ended.' }).waitFor();
      await b.getByText('This help has ended.').waitFor();
      await screenshot(a, 'session-ended-help-en');

      await a.getByRole('button', { name: 'Start a new session' }).click();
      const second = await sessionInUrl(a, first);
      expect(second).not.toBe(first);
      await a.getByTestId('get-help').waitFor();
      expect(await a.getByText('Left front, unit 7').count()).toBe(0);

      // Coming back to the product later opens the new session, never the ended one.
      await a.goto(`${base}/help/wheel-corner`);
      expect(await sessionInUrl(a)).toBe(second);
    } finally {
      await tech.context.close();
      await agent.context.close();
    }
  });

  it('a job on another unit of the same model does not resume the last unit’s session', { timeout: 120_000 }, async () => {
    const base = e2e.server.url;
    const { context, page } = await openPage(e2e.browser, `${base}/`);
    try {
      await signInThroughUi(page, base, 'tech@demo.local', '/assist/wheel-corner?asset=unit-a');
      const unitA = await sessionInUrl(page);
      await page.getByText('Unit unit-a', { exact: false }).waitFor();
      await page.goto(`${base}/assist/wheel-corner?asset=unit-a`);
      expect(await sessionInUrl(page), 'the same unit resumes its session').toBe(unitA);

      await page.goto(`${base}/assist/wheel-corner?asset=unit-b`);
      const unitB = await sessionInUrl(page);
      expect(unitB).not.toBe(unitA);

      await page.getByRole('button', { name: 'End session' }).click();
      await page.getByRole('button', { name: 'Yes, end the session' }).click();
      await page.getByRole('heading', { name: 'This session has ended.' }).waitFor();
      await page.goto(`${base}/assist/wheel-corner?asset=unit-b`);
      const again = await sessionInUrl(page);
      expect(again).not.toBe(unitB);
    } finally {
      await context.close();
    }
  });
});
