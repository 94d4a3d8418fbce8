// Insights beyond the steps in Chromium: on seeded runs, help requests, surveys and orders whose right answers are
// known (tests/server/insights-*-cases.ts), an operator sets the period, reads the first-time fix rate, the tables per
// agent and per queue (with the agents' own ratings) and the order origins (AR orders among them), drills down from a step to its sessions (slowest first) and downloads the
// xAPI statements; axe finds nothing serious; screenshots at 1280×800 and 390×844 in en and es.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../support/axe.ts';
import { openPage, screenshot, signInThroughUi } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { xapiProblems } from '../support/xapi-rules.ts';
import { closeAll } from '../server/assist-support.ts';
import { seedRuns } from '../server/insights-cases.ts';
import { seedService } from '../server/insights-service-cases.ts';

const e2e = useServerAndBrowser();
beforeAll(async () => {
  await seedRuns(e2e.server);
  await seedService(e2e.server);
});
afterAll(closeAll);

const cells = (page: Page, table: string, header: string) => page.getByTestId(table).getByRole('row').filter({ has: page.getByRole('rowheader', { name: header, exact: true }) }).locator('td').allTextContents();

describe('insights per agent and queue, first-time fix and drill-down', () => {
  it('shows an operator the seeded figures in tables, the sessions of a slow step, and downloads valid xAPI statements', async () => {
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: { width: 1280, height: 800 }, locale: 'en-IE' });
    try {
      await signInThroughUi(page, e2e.server.url, 'operator@demo.local', '/insights');
      await page.getByLabel('Guide').selectOption('wheel-corner-brake-pads');
      for (const [name, day] of [['From', '01/01/2026'], ['To', '11/03/2026']] as const) {
        const field = page.getByRole('textbox', { name });
        await field.fill(day);
        await field.press('Enter');
      }
      await page.locator('[data-figure="first-time-fix"]').getByText('66.7 %', { exact: true }).waitFor();
      await page.locator('[data-figure="first-time-fix"]').getByText('3 runs').waitFor();
      await page.getByTestId('insights-agents').getByRole('rowheader', { name: 'Alex Agent' }).waitFor();
      expect(await cells(page, 'insights-agents', 'Alex Agent')).toEqual(['1', '10', '300', '1', '100 % 1 answer', '2.0 1 rating', '100 %']);
      expect(await cells(page, 'insights-agents', 'Ana Agente')).toEqual(['2', '90', '250', '0', '50 % 2 answers', '4.5 2 ratings', '50 %']);
      // The period also holds the unanswered English help request of the January runs: 3 requests, 2 answered.
      expect(await cells(page, 'insights-queues', 'Automotive, English')).toEqual(['3', '2', '70', '300', '1', '50 % 2 answers', '3.5 2 ratings', '50 %']);
      expect(await cells(page, 'insights-queues', 'Coffee, Spanish')).toEqual(['1', '0', '–', '–', '0', '– 0 answers', '– 0 ratings', '–']);
      // Orders: 4 in the period, 3 in a session, 1 after a proposal, 2 in AR, 2 in AR or after a proposal.
      expect(await page.getByTestId('insights-orders').locator('dd').allTextContents()).toEqual(['4', '3', '1', '2', '2']);

      await page.getByRole('button', { name: 'Show sessions of Loosen the wheel bolts' }).click();
      const drill = page.getByTestId('insights-step-sessions');
      await drill.getByRole('heading', { name: 'Sessions on “Loosen the wheel bolts”, slowest first' }).waitFor();
      await drill.getByRole('row').nth(5).waitFor();
      const rows = await drill.getByRole('row').evaluateAll((found) => found.slice(1).map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent)));
      expect(rows.slice(0, 3)).toEqual([
        ['Spanish', '1', '25.0', 'No', 'Stopped on a later step'],
        ['English', '1', '15.0', 'No', 'Finished the guide'],
        ['English', '1', '5.0', 'No', 'Finished the guide'],
      ]);
      expect(rows.slice(3).map((row) => row[2])).toEqual(['Did not leave', 'Did not leave']);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('insights-drill-title');
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'insights-service-desktop-en');

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: 'Download xAPI statements (JSON)' }).click();
      const file = await download;
      expect(file.suggestedFilename()).toBe('xapi-wheel-corner-brake-pads.json');
      const statements = JSON.parse(fs.readFileSync(await file.path(), 'utf8')) as unknown[];
      expect([statements.length, statements.flatMap((statement) => xapiProblems(statement))]).toEqual([17 + 5 + 4, []]);

      await page.getByLabel('Language', { exact: true }).selectOption('es');
      await page.getByRole('heading', { level: 1, name: 'Análisis' }).waitFor();
      await page.getByTestId('insights-queues').getByRole('rowheader', { name: 'Café, Español' }).waitFor();
      await page.getByText('Se detuvo en un paso posterior').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'insights-service-desktop-es');
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByTestId('insights-service').scrollIntoViewIfNeeded();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'insights-service-phone-es');
      await page.getByLabel('Idioma', { exact: true }).selectOption('en');
      await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
      await page.getByTestId('insights-service').scrollIntoViewIfNeeded();
      await screenshot(page, 'insights-service-phone-en');
    } finally {
      await context.close();
    }
  });
});
