// A customer finishes a short guide in the 2D view and answers the survey (stored on the real server, not asked again
// after a reload); a technician on a phone skips it. axe finds nothing serious; screenshots in en and es, phone and desktop.
import { describe, expect, it } from 'vitest';
import type { StoredSurvey } from '../../core/survey.ts';
import { seriousViolations } from '../support/axe.ts';
import { openPage, screenshot, signInThroughUi } from '../support/browser.ts';
import { startGuideTestServer } from '../support/guide-e2e.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { publishTrayGuide } from '../support/guide-ar-e2e.ts';
import { login } from '../support/test-server.ts';
import type { Page } from 'playwright-core';

const e2e = useServerAndBrowser({ startServer: startGuideTestServer });
const GUIDE = 'survey-tray';

async function finishGuide(page: Page, email: string): Promise<void> {
  await signInThroughUi(page, e2e.server.url, email, `/assist/espresso-machine?guide=${GUIDE}`);
  await page.getByTestId('step-title').getByText('Pull the tray').waitFor({ timeout: 60_000 });
  await page.getByTestId('guide-next').click();
  await page.getByTestId('step-title').getByText('Push it back').waitFor();
  await page.getByTestId('guide-next').click();
  await page.getByRole('heading', { name: 'Guide complete' }).waitFor();
}

async function mySurveys(email: string): Promise<StoredSurvey[]> {
  const { token } = await login(e2e.server, email);
  const response = await fetch(`${e2e.server.url}/api/surveys`, { headers: { authorization: `Bearer ${token}` } });
  return ((await response.json()) as { surveys: StoredSurvey[] }).surveys;
}

async function inBothLanguages(page: Page, name: string): Promise<void> {
  await screenshot(page, `${name}-en`);
  await page.getByLabel('Language').selectOption('es');
  await page.getByRole('heading', { name: '¿Qué tal ha ido?' }).waitFor();
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, `${name}-es`);
  await page.getByLabel('Idioma').selectOption('en');
  await page.getByRole('heading', { name: 'How did it go?' }).waitFor();
}

describe('the survey at the end of a guide', () => {
  it('is answered once by keyboard and taps, stored with its context, and not asked again', { timeout: 240_000 }, async () => {
    await publishTrayGuide(e2e.server, GUIDE);
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: { width: 1280, height: 800 } });
    try {
      await finishGuide(page, 'customer@demo.local');
      const survey = page.getByTestId('survey');
      await survey.getByRole('heading', { name: 'How did it go?' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await survey.scrollIntoViewIfNeeded();
      await inBothLanguages(page, 'survey-desktop');

      await survey.getByRole('radiogroup', { name: 'How satisfied are you with this guide?' }).getByRole('radio', { name: '4 – Satisfied' }).locator('..').click();
      await survey.getByRole('radiogroup', { name: /made the job easy/ }).getByRole('radio', { name: '5' }).focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Space');
      await survey.getByRole('radiogroup', { name: /recommend XR Assist/ }).getByRole('radio', { name: '9' }).locator('..').click();
      await survey.getByLabel('Anything else you want to tell us? (optional)').fill('Clear and quick.');
      await survey.getByRole('button', { name: 'Send' }).click();
      await page.getByTestId('survey-done').getByText('Thank you! Your answer helps us improve.').waitFor();
      await screenshot(page, 'survey-desktop-thanks');

      const stored = await mySurveys('customer@demo.local');
      expect(stored).toEqual([expect.objectContaining({ context: 'guide', productId: 'espresso-machine', guideId: GUIDE, guideVersion: 1, stepId: 'push-tray', csat: 4, ces: 6, nps: 9, comment: 'Clear and quick.', skipped: false, device: 'desktop', language: 'en' })]);

      await page.reload();
      await page.getByRole('heading', { name: 'Guide complete' }).waitFor({ timeout: 60_000 });
      await page.waitForTimeout(1500);
      expect(await page.getByTestId('survey').count()).toBe(0);
    } finally {
      await context.close();
    }
  });

  it('can be skipped with "Not now" on a phone, and the skip is stored', { timeout: 240_000 }, async () => {
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: { width: 390, height: 844 } });
    try {
      await finishGuide(page, 'tech@demo.local');
      const survey = page.getByTestId('survey');
      await survey.getByRole('heading', { name: 'How did it go?' }).waitFor();
      await survey.scrollIntoViewIfNeeded();
      expect(await seriousViolations(page)).toEqual([]);
      await inBothLanguages(page, 'survey-phone');
      await survey.getByRole('button', { name: 'Not now' }).click();
      await page.getByTestId('survey-done').getByText('No problem').waitFor();
      expect(await mySurveys('tech@demo.local')).toEqual([expect.objectContaining({ guideId: GUIDE, skipped: true, csat: null, device: 'phone' })]);
    } finally {
      await context.close();
    }
  });
});
