// One customer across channels: a technician starts the brake-pad guide on a phone-sized browser and orders; on a
// desktop browser "My activity" shows both (en and es, axe, 390 and 1280 screenshots), "Resume here" opens the guide
// there at the step reached; the agent who then helps them sees the same timeline with the step's friction marked.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openPage, screenshot, signInThroughUi, waitForTestState } from '../support/browser.ts';
import { seriousViolations } from '../support/axe.ts';
import { ADDRESS, newKey, pickParts, placeOrder, signIn } from '../support/orders-api.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';

const e2e = useServerAndBrowser();
const GUIDE = 'wheel-corner-brake-pads';

async function lookAt(page: Page, name: string, language: 'en' | 'es'): Promise<void> {
  await page.locator('header select').selectOption(language);
  await page.getByRole('heading', { level: 1, name: language === 'en' ? 'My activity' : 'Mi actividad' }).waitFor();
  await page.getByTestId('guides-in-progress').getByText(language === 'en' ? 'Step 2 of 21: Loosen the wheel bolts' : 'Paso 2 de 21: Afloja los tornillos de la rueda').waitFor();
  expect(await seriousViolations(page), `${name} ${language}`).toEqual([]);
  await screenshot(page, `${name}-${language}`);
}

describe('my activity', () => {
  it('shows a guide started on the phone and an order on the desktop, resumes it there, and the agent sees it with friction', { timeout: 180_000 }, async () => {
    const base = e2e.server.url.replace('127.0.0.1', 'localhost');
    const phone = await openPage(e2e.browser, `${base}/`, { viewport: { width: 390, height: 844 } });
    const desktop = await openPage(e2e.browser, `${base}/`, { viewport: { width: 1280, height: 800 } });
    const agent = await openPage(e2e.browser, `${base}/`, { viewport: { width: 1280, height: 800 } });
    try {
      await signInThroughUi(phone.page, base, 'tech@demo.local', `/assist/wheel-corner?guide=${GUIDE}`);
      await waitForTestState(phone.page, (s) => s.guide.stepId === 'prepare-vehicle', 'the first step on the phone');
      const sessionId = new URL(phone.page.url()).searchParams.get('session');
      await phone.page.getByTestId('acknowledge-0').check();
      await phone.page.getByTestId('step-title').focus();
      await phone.page.keyboard.press('ArrowRight');
      await waitForTestState(phone.page, (s) => s.guide.stepId === 'loosen-wheel-bolts' && s.guide.pending === 0, 'step 2 saved on the phone');

      const tech = await signIn(e2e.server, 'tech@demo.local');
      const { consumable } = await pickParts(e2e.server);
      const placed = await placeOrder<{ order: { number: string } }>(tech, newKey('activity'), { items: [{ sku: consumable.sku, quantity: 2 }], address: ADDRESS });
      expect(placed.status).toBe(201);
      const number = placed.body.order.number;

      await phone.page.goto(`${base}/activity`);
      await lookAt(phone.page, 'activity-390', 'en');
      await lookAt(phone.page, 'activity-390', 'es');
      await phone.page.locator('header select').selectOption('en');

      await signInThroughUi(desktop.page, base, 'tech@demo.local', '/');
      await desktop.page.getByTestId('account').getByRole('link', { name: 'My activity' }).click();
      const timeline = desktop.page.getByTestId('activity-timeline');
      await timeline.getByRole('link', { name: `Order ${number}` }).waitFor();
      const entries = await timeline.locator(':scope > li').evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')));
      expect(entries, 'the order after the session it followed, newest first').toEqual(['order', 'session']);
      await timeline.getByText('Replace front brake pads: 1 of 21 steps done · not finished').waitFor();
      await lookAt(desktop.page, 'activity-1280', 'en');
      await lookAt(desktop.page, 'activity-1280', 'es');
      await desktop.page.locator('header select').selectOption('en');

      const resume = desktop.page.getByRole('link', { name: 'Resume here: Replace front brake pads, step 2' });
      await resume.focus();
      await desktop.page.keyboard.press('Enter');
      await waitForTestState(desktop.page, (s) => s.guide.stepId === 'loosen-wheel-bolts', 'the desktop at the step reached on the phone');
      expect(new URL(desktop.page.url()).searchParams.get('session')).toBe(sessionId);

      await signInThroughUi(agent.page, base, 'agent@demo.local', '/agent');
      await desktop.page.getByTestId('guide-runner').getByTestId('assist-get-help').click();
      await agent.page.getByRole('listitem').filter({ hasText: 'Tomás Technician' }).getByRole('button', { name: 'Accept Tomás Technician' }).click();
      const requester = agent.page.getByTestId('requester-timeline');
      const summary = requester.locator('summary');
      await summary.getByText('Timeline · 1 step with friction').waitFor();
      await summary.focus();
      await agent.page.keyboard.press('Enter');
      await requester.getByTestId('friction').getByText('Loosen the wheel bolts: asked for help').waitFor();
      await requester.getByText(`Order ${number}`).waitFor();
      expect(await requester.locator('[data-kind]').evaluateAll((items) => items.map((item) => item.getAttribute('data-kind')))).toEqual(['help', 'order', 'session']);
      expect(await seriousViolations(agent.page)).toEqual([]);
      await requester.scrollIntoViewIfNeeded();
      await screenshot(agent.page, 'activity-agent-1280-en');
    } finally {
      await phone.context.close();
      await desktop.context.close();
      await agent.context.close();
    }
  });
});
