// A live session's "Save as guide" reaches Studio: a technician asks for help, the agent suggests a step and lights a
// part, ends the help and saves the session as a guide; an author finds it in the product's guides (named as saved from
// a live session), opens it in the editor with its step and part, and publishes it.
import { beforeAll, describe, expect, it } from 'vitest';
import { openPage, screenshot, signInThroughUi } from '../support/browser.ts';
import { seriousViolations } from '../support/axe.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';

const e2e = useServerAndBrowser();
let base: string;

beforeAll(() => {
  base = e2e.server.url.replace('127.0.0.1', 'localhost');
});

describe("a live session's draft in Studio", () => {
  it('opens the agent\'s "Save as guide" draft in the editor, ready to edit and publish', { timeout: 240_000 }, async () => {
    const tech = await openPage(e2e.browser, `${base}/`);
    const agent = await openPage(e2e.browser, `${base}/`, { viewport: { width: 1500, height: 1000 } });
    let guideTitle: string;
    try {
      const [a, b] = [tech.page, agent.page];
      await signInThroughUi(b, base, 'agent@demo.local', '/agent');
      await b.getByText('Nobody is waiting.').waitFor();
      await signInThroughUi(a, base, 'tech@demo.local', '/help/wheel-corner?guide=wheel-corner-brake-pads');
      await a.getByTestId('get-help').click();
      const item = b.getByTestId('queue-list').getByRole('listitem').filter({ hasText: 'Tomás Technician' });
      await item.getByRole('button', { name: 'Accept Tomás Technician' }).click();
      await a.getByText('Alex Agent is helping you.').waitFor();
      await b.getByRole('button', { name: 'Suggest the step Remove the lower caliper bolt' }).click();
      await a.getByTestId('pushed-step').getByText('Alex Agent suggests the step “Remove the lower caliper bolt”.').waitFor();
      await b.getByRole('tab', { name: 'Parts' }).click();
      await b.getByRole('button', { name: 'Highlight Brake pads (axle set) for the requester' }).click();
      await b.getByRole('button', { name: 'End help' }).click();
      await a.getByText('The help has ended. Thank you!').waitFor();
      await b.getByRole('tab', { name: 'Transcript' }).click();
      await b.getByRole('button', { name: 'Save as guide' }).click();
      const saved = b.getByTestId('draft-guide');
      await saved.waitFor();
      const text = await saved.innerText();
      expect(text).toMatch(/Draft guide “.+” with 1 steps is ready\. Saved as draft version 1: an author opens it from Studio's guides/);
      guideTitle = /“(.+)”/.exec(text)![1]!;
    } finally {
      await agent.context.close();
      await tech.context.close();
    }

    const author = await openPage(e2e.browser, `${base}/`, { viewport: { width: 1280, height: 800 } });
    try {
      const page = author.page;
      await signInThroughUi(page, base, 'author@demo.local', '/studio/guides?product=wheel-corner');
      const entry = page.getByRole('list', { name: 'Guides of this product' }).getByRole('listitem').filter({ hasText: 'Saved from a live session as version 1' });
      await entry.waitFor();
      expect(await entry.innerText()).toContain(guideTitle);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'studio-saved-draft-list-en-desktop');
      await entry.getByRole('link').click();
      await page.getByRole('heading', { level: 1, name: `Guide: ${guideTitle}` }).waitFor();
      await page.getByRole('heading', { name: /^Step 1 \(remove-caliper-bolts\)$/ }).waitFor();
      expect(await page.getByRole('checkbox', { name: /Brake pads/ }).isChecked()).toBe(true);
      await page.getByText('No issues: the guide can be published.').waitFor();
      await page.getByTestId('guide-preview').getByTestId('step-title').waitFor();
      await page.getByRole('button', { name: 'Publish a new version' }).click();
      await page.getByText('Published as version 2.').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'studio-saved-draft-editor-en-desktop');
    } finally {
      await author.context.close();
    }
  });
});
