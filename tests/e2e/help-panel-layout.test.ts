// The live-help panel beside the guide: with an agent helping, the step's title, text and safety warning stay
// readable (a docked side panel on wide screens, a bottom sheet on phones), in English and Spanish; when the
// connection drops, the panel no longer says the agent is helping.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openPage, screenshot, waitForTestState } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { signInThroughUi } from '../support/orders-e2e.ts';

const e2e = useServerAndBrowser();
let base: string;

beforeAll(async () => {
  base = e2e.server.url.replace('127.0.0.1', 'localhost');
});

/** True when the element is in the viewport and the topmost element at its centre is itself or inside it. */
async function uncovered(locator: Locator): Promise<{ inView: boolean; onTop: boolean; covering: string }> {
  return locator.evaluate((element) => {
    const box = element.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + Math.min(box.height / 2, 20);
    const top = document.elementFromPoint(x, y);
    return {
      inView: box.top >= 0 && box.bottom <= window.innerHeight && box.left >= 0 && box.right <= window.innerWidth,
      onTop: top !== null && element.contains(top),
      covering: top ? `${top.tagName}.${top.className}` : 'nothing',
    };
  });
}

function overlaps(a: { x: number; y: number; width: number; height: number }, b: { x: number; y: number; width: number; height: number }): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function expectStepReadable(page: Page, what: string): Promise<void> {
  const runner = page.getByTestId('guide-runner');
  const panel = page.getByTestId('help-panel');
  const panelBox = await panel.boundingBox();
  expect(panelBox, 'the help panel is shown').not.toBeNull();
  for (const [name, locator] of [
    ['step title', runner.getByTestId('step-title')],
    ['step text', runner.locator('.guide-text')],
    ['warning', runner.locator('.guide-warning').first()],
  ] as const) {
    const box = await locator.boundingBox();
    expect(box, `${what}: the ${name} is shown`).not.toBeNull();
    if (box && panelBox) expect(overlaps(box, panelBox), `${what}: the help panel overlaps the ${name}`).toBe(false);
    const seen = await uncovered(locator);
    expect(seen.inView, `${what}: the ${name} is on screen`).toBe(true);
    expect(seen.onTop, `${what}: the ${name} is covered by ${seen.covering}`).toBe(true);
  }
}

const cases = [
  { name: 'phone-en', viewport: { width: 390, height: 844 }, language: 'en', helping: 'Alex Agent is helping you.', notHelping: /connection|reconnect/i },
  { name: 'desktop-en', viewport: { width: 1280, height: 800 }, language: 'en', helping: 'Alex Agent is helping you.', notHelping: /connection|reconnect/i },
  { name: 'phone-es', viewport: { width: 390, height: 844 }, language: 'es', helping: 'Alex Agent te está ayudando.', notHelping: /conexi|reconect/i },
  { name: 'desktop-es', viewport: { width: 1280, height: 800 }, language: 'es', helping: 'Alex Agent te está ayudando.', notHelping: /conexi|reconect/i },
] as const;

describe('the live-help panel beside the guide', () => {
  for (const c of cases) {
    it(`leaves the step and its warning readable and stops saying the agent helps when offline (${c.name})`, { timeout: 120_000 }, async () => {
      const tech = await openPage(e2e.browser, `${base}/`, { viewport: c.viewport });
      const agent = await openPage(e2e.browser, `${base}/`, { viewport: { width: 1500, height: 1000 } });
      try {
        await signInThroughUi(agent.page, base, 'agent@demo.local', '/agent');
        await signInThroughUi(tech.page, base, 'tech@demo.local', '/assist/wheel-corner?guide=wheel-corner-brake-pads');
        await waitForTestState(tech.page, (s) => s.guide.stepId === 'prepare-vehicle', 'the first step of the guide');
        if (c.language === 'es') {
          await tech.page.evaluate(() => localStorage.setItem('xr-assist.language', 'es'));
          await tech.page.reload();
          await waitForTestState(tech.page, (s) => s.guide.stepId === 'prepare-vehicle', 'the first step after the reload');
        }
        const a = tech.page;
        await a.getByTestId('guide-runner').getByTestId('assist-get-help').click();
        await agent.page.getByRole('listitem').filter({ hasText: 'Tomás Technician' }).getByRole('button', { name: 'Accept Tomás Technician' }).click();
        const status = a.getByTestId('help-agent');
        await status.getByText(c.helping).waitFor();
        await a.waitForTimeout(300);
        await expectStepReadable(a, c.name);
        await screenshot(a, `help-panel-layout-${c.name}`);

        await tech.context.setOffline(true);
        await expect.poll(() => status.textContent(), { timeout: 20_000 }).toMatch(c.notHelping);
        expect(await status.textContent()).not.toContain(c.helping);
        await screenshot(a, `help-panel-layout-offline-${c.name}`);
        await tech.context.setOffline(false);
        await status.getByText(c.helping).waitFor({ timeout: 30_000 });
      } finally {
        await tech.context.close();
        await agent.context.close();
      }
    });
  }
});
