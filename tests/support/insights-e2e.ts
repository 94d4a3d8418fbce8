// Reading Insights in Chromium as an operator: open it from the header on a guide, a survey figure, a step's row, and
// how much of the chart the bars cover.
import type { Page } from 'playwright-core';
import { signInThroughUi } from './browser.ts';

export const figure = (page: Page, name: 'csat' | 'ces' | 'nps') => page.locator(`[data-figure="${name}"]`);
export const stepRow = (page: Page, stepId: string) => page.locator(`[data-step="${stepId}"]`);

/** Pixels of the chart's canvas in the bars' blue (median) and orange (p90). */
export function barPixels(page: Page): Promise<number> {
  return page.evaluate(() => {
    const canvas = document.querySelector('[data-testid="insights-chart"] canvas') as HTMLCanvasElement | null;
    const context = canvas?.getContext('2d');
    if (!canvas || !context) return 0;
    const { data } = context.getImageData(0, 0, canvas.width, canvas.height);
    let count = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b, a] = [data[i] ?? 0, data[i + 1] ?? 0, data[i + 2] ?? 0, data[i + 3] ?? 0];
      if (a > 60 && ((b > 150 && r < 90) || (r > 150 && b < 60 && g < 120))) count += 1;
    }
    return count;
  });
}

/** Signs the demo operator in, opens Insights from the header and picks the guide, until its first step's row shows. */
export async function openInsights(page: Page, baseUrl: string, guideId: string, firstStepId: string): Promise<void> {
  await signInThroughUi(page, baseUrl, 'operator@demo.local', '/');
  await page.getByRole('navigation').getByRole('link', { name: 'Insights' }).click();
  await page.getByRole('heading', { level: 1, name: 'Insights' }).waitFor();
  await page.getByLabel('Guide').selectOption(guideId);
  await stepRow(page, firstStepId).waitFor();
}
