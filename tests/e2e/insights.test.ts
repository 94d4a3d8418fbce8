// Insights in Chromium: two technicians run the brake-pad guide's first step through the real socket and answer its
// survey through the real API (one in English, one in Spanish); an operator signs in, opens Insights from the header,
// sees both answers in the figures and the step's time, the chart drawn, filters by language and the figures change,
// downloads the steps as CSV. axe finds nothing serious; screenshots at 1280×800 and 390×844 in en and es.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { StoredSurvey } from '../../core/survey.ts';
import { seriousViolations } from '../support/axe.ts';
import { openPage, screenshot, signInThroughUi } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { barPixels, figure, openInsights as openOperatorInsights, stepRow as rowOf } from '../support/insights-e2e.ts';
import { closeAll, createPerson, ok, openSession, sleep } from '../server/assist-support.ts';

const e2e = useServerAndBrowser();
afterAll(closeAll);
const GUIDE = 'wheel-corner-brake-pads';

/** A run of the first step (on it for about `onStepMs`) and the guide's survey answered with `csat`. */
async function runAndAnswer(language: 'en' | 'es', onStepMs: number, csat: number): Promise<StoredSurvey> {
  const person = await createPerson(e2e.server, { role: 'technician', languages: [language], skills: [] });
  const { state } = await openSession(person, 'wheel-corner', language);
  const sessionId = state.session.id;
  await ok(person.socket, 'guide:start', { sessionId, guideId: GUIDE });
  await ok(person.socket, 'guide:action', { sessionId, actionId: `ack-${sessionId}`, action: { type: 'acknowledge', stepId: 'prepare-vehicle', warningIndex: 0 } });
  await ok(person.socket, 'guide:action', { sessionId, actionId: `confirm-${sessionId}`, action: { type: 'confirm', stepId: 'prepare-vehicle' } });
  await sleep(onStepMs);
  await ok(person.socket, 'guide:action', { sessionId, actionId: `next-${sessionId}`, action: { type: 'next' } });
  const response = await fetch(`${e2e.server.url}/api/surveys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${person.token}` },
    body: JSON.stringify({ context: 'guide', contextId: sessionId, csat, skipped: false, device: 'desktop', language }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { survey: StoredSurvey }).survey;
}

const stepRow = (page: Page) => rowOf(page, 'prepare-vehicle');
const openInsights = (page: Page) => openOperatorInsights(page, e2e.server.url, GUIDE, 'prepare-vehicle');

describe('insights', () => {
  it('shows an operator the answered surveys and step times, a drawn chart, and figures that change with the language filter', async () => {
    const english = await runAndAnswer('en', 1200, 5);
    const spanish = await runAndAnswer('es', 300, 2);
    expect([english.guideId, spanish.guideId, english.language, spanish.language]).toEqual([GUIDE, GUIDE, 'en', 'es']);

    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: { width: 1280, height: 800 }, locale: 'en-IE' });
    try {
      await openInsights(page);
      await figure(page, 'csat').getByText('50 %', { exact: true }).waitFor();
      await figure(page, 'csat').getByText('2 answers').waitFor();
      const row = stepRow(page);
      expect(await row.getByRole('rowheader').textContent()).toBe('1. Make the car safe');
      expect(await row.locator('td').first().textContent()).toBe('2');
      await expect.poll(() => barPixels(page), { timeout: 10_000 }).toBeGreaterThan(300);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'insights-desktop-en');

      await page.getByLabel('Session language').selectOption('es');
      await figure(page, 'csat').getByText('1 answer', { exact: true }).waitFor();
      await figure(page, 'csat').getByText('0 %', { exact: true }).waitFor();
      expect(await row.locator('td').first().textContent()).toBe('1');
      const spanishMedian = Number(await row.locator('td').nth(1).textContent());
      await page.getByLabel('Session language').selectOption('en');
      await figure(page, 'csat').getByText('100 %', { exact: true }).waitFor();
      const englishMedian = Number(await row.locator('td').nth(1).textContent());
      expect(englishMedian).toBeGreaterThan(spanishMedian);
      expect(englishMedian).toBeGreaterThanOrEqual(1.2);

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download steps (CSV)' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe(`insights-${GUIDE}-steps.csv`);
      const lines = fs.readFileSync(await file.path(), 'utf8').split('\r\n');
      expect([lines[0]?.split(',')[3], lines[1]?.startsWith('1,prepare-vehicle,Make the car safe,1,1,')]).toEqual(['sessions', true]);

      await page.getByLabel('Session language').selectOption('');
      await page.getByLabel('Language', { exact: true }).selectOption('es');
      await page.getByRole('heading', { level: 1, name: 'Análisis' }).waitFor();
      await figure(page, 'csat').getByText('2 respuestas').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'insights-desktop-es');

      await page.setViewportSize({ width: 390, height: 844 });
      await page.evaluate(() => window.scrollTo(0, 0));
      await expect.poll(() => barPixels(page), { timeout: 10_000 }).toBeGreaterThan(100);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'insights-phone-es');
      await page.getByLabel('Idioma', { exact: true }).selectOption('en');
      await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
      await screenshot(page, 'insights-phone-en');
    } finally {
      await context.close();
    }
  });

  it('tells a technician that Insights are for administrators and operators, and shows them no link', async () => {
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: { width: 390, height: 844 }, locale: 'en-IE' });
    try {
      await signInThroughUi(page, e2e.server.url, 'tech@demo.local', '/insights');
      await page.getByRole('alert').filter({ hasText: 'Insights are for administrators and operators.' }).waitFor();
      expect(await page.getByRole('navigation').getByRole('link', { name: 'Insights' }).count()).toBe(0);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
