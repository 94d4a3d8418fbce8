// An author gives a guide's first step a question in Studio's editor on the wheel corner: an empty prompt is named beside
// its field until written, two answers lead to different steps, an answer's arrow is dragged to another step in the
// branch graph (the select and the saved draft follow), the step's hint is previewed on its part, and the guide is
// published; axe with the graph open, screenshots en/es at 1280×800 and 390×844.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, screenshot, signInThroughUi, waitForTestState } from '../support/browser.ts';
import { amberPixels } from '../support/hint-pixels.ts';
import { seriousViolations } from '../support/axe.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { saveNewGuide, studioClient, type StudioClient } from '../support/studio-api.ts';
import type { GuideDraft } from '../../core/guide-editing.ts';

const e2e = useServerAndBrowser();
const GUIDE = 'wheel-corner-branches';
const EDITOR = `/studio/guides/${GUIDE}`;
const field = (page: Page, path: string) => page.locator(`#gf-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`);
const issuesOf = (page: Page, path: string) => page.locator(`[data-issue-path="${path}"]`);
const text = (en: string, es: string) => ({ en, es });
const step = (id: string, en: string, es: string, parts: string[] = []) => ({ id, title: text(en, es), text: text(`${en}, then go on.`, `${es} y sigue.`), targetPartIds: parts });

/** A guide of four steps written through the API: the test adds the branching through the editor. */
async function seedGuide(author: StudioClient): Promise<void> {
  await saveNewGuide(author, 'wheel-corner', GUIDE, (blank) => ({
    ...blank,
    title: text('Noise from the wheel', 'Ruido en la rueda'),
    summary: text('Find where the noise comes from.', 'Encuentra de dónde viene el ruido.'),
    steps: [step('step-1', 'Spin the wheel', 'Gira la rueda', ['wheel']), step('step-2', 'Look at the pads', 'Mira las pastillas', ['brake-pads']), step('step-3', 'Check the bolts', 'Revisa los tornillos', ['wheel-bolts']), step('step-4', 'Test drive', 'Prueba en marcha')],
  }));
}

async function serverDraft(author: StudioClient): Promise<GuideDraft> {
  return (await author.request<{ draft: GuideDraft }>('POST', `/api/studio/guides/${GUIDE}/draft`)).body.draft;
}

const answerNext = (draft: GuideDraft, answer: number): unknown => {
  const steps = draft.guide.steps as Array<{ question?: { answers: Array<{ next: string }> } }>;
  return steps[0]?.question?.answers[answer]?.next;
};

async function saved(page: Page) {
  await page.getByTestId('guide-save-status').filter({ hasText: /^Saved|^Guardado/ }).waitFor();
}

/** Clicks the graph's arrow `edgeId` by its label (it comes to the top), drags its end with the mouse and drops it on step node `to`. */
async function dragArrowEnd(page: Page, edgeId: string, to: string) {
  await page.locator(`.react-flow__edge[data-id="${edgeId}"] .react-flow__edge-textbg`).click();
  await page.locator(`.react-flow__edge.selected[data-id="${edgeId}"]`).waitFor();
  const end = await page.locator(`.react-flow__edge[data-id="${edgeId}"] .react-flow__edgeupdater-target`).boundingBox();
  const handle = await page.locator(`.react-flow__node[data-id="${to}"] .react-flow__handle.target`).boundingBox();
  if (!end || !handle) throw new Error(`no arrow end for ${edgeId} or no handle on ${to}`);
  const from = { x: end.x + end.width / 2, y: end.y + end.height / 2 };
  const onto = { x: handle.x + handle.width / 2, y: handle.y + handle.height / 2 };
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + onto.x) / 2, (from.y + onto.y) / 2, { steps: 8 });
  await page.mouse.move(onto.x, onto.y, { steps: 8 });
  await page.mouse.up();
}

async function look(page: Page, name: string) {
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, name);
}

describe('Studio: branches, graph and hint preview in the guide editor', () => {
  it('adds a question with two answers, fixes its prompt, re-targets an answer in the graph, previews a hint and publishes', async () => {
    const author = await studioClient(e2e.server, 'author@demo.local');
    await seedGuide(author);
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: { width: 1280, height: 800 } });
    try {
      await signInThroughUi(page, e2e.server.url, 'author@demo.local', EDITOR);
      await page.getByRole('heading', { level: 1, name: 'Guide: Noise from the wheel' }).waitFor();
      await page.getByRole('heading', { name: 'Step 1 (step-1)' }).waitFor();

      // A question with an empty prompt: the validator's issue shows beside the prompt until it is written.
      await page.getByRole('button', { name: 'Ask a question here' }).click();
      await saved(page);
      await issuesOf(page, 'steps.0.question.prompt.en').filter({ hasText: 'Write something here.' }).waitFor();
      expect(await field(page, 'steps.0.question.prompt.en').getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByRole('button', { name: 'Publish a new version' }).isDisabled()).toBe(true);
      await page.getByLabel('Question in English').fill('Where is the noise?');
      await page.getByLabel('Question in Spanish').fill('¿Dónde está el ruido?');
      await page.getByLabel('Answer 1 in English').fill('Grinding when braking');
      await page.getByLabel('Answer 1 in Spanish').fill('Roce al frenar');
      await page.getByLabel('Answer 1 leads to').selectOption({ label: '3. Check the bolts' });
      await page.getByRole('button', { name: 'Add an answer' }).click();
      await page.getByLabel('Answer 2 in English').fill('Knocking');
      await page.getByLabel('Answer 2 in Spanish').fill('Golpes');
      await page.getByLabel('Answer 2 leads to').selectOption({ label: '2. Look at the pads' });
      await saved(page);
      await page.getByText('No issues: the guide can be published.').waitFor();
      expect(await issuesOf(page, 'steps.0.question.prompt.en').count()).toBe(0);
      expect([answerNext(await serverDraft(author), 0), answerNext(await serverDraft(author), 1)]).toEqual(['step-3', 'step-2']);

      // The graph: answer 1's arrow dragged from "3. Check the bolts" onto "4. Test drive".
      await page.getByRole('button', { name: 'Show the branch graph' }).click();
      await page.locator('.react-flow__edge[data-id="steps.0.question.answers.0.next"]').waitFor();
      await look(page, 'studio-guide-branches-graph-en-desktop');
      await page.getByTestId('guide-graph').scrollIntoViewIfNeeded();
      await dragArrowEnd(page, 'steps.0.question.answers.0.next', 'step-node-3');
      await page.getByTestId('guide-graph-said').filter({ hasText: '1. Spin the wheel now leads to 4. Test drive.' }).waitFor();
      await expect.poll(() => page.getByLabel('Answer 1 leads to').evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent)).toBe('4. Test drive');
      await saved(page);
      await expect.poll(async () => answerNext(await serverDraft(author), 0)).toBe('step-4');
      await page.getByText('No issues: the guide can be published.').waitFor();

      // The hint: a turn of step 3's wheel bolts, played in the 3D view.
      await waitForTestState(page, (s) => s.studio.productView !== null && s.studio.productView.frames > 2, 'the product in the editor view');
      await page.getByRole('button', { name: /^3\. Check the bolts/ }).click();
      await page.getByRole('heading', { name: 'Step 3 (step-3)' }).waitFor();
      await page.getByLabel('Hint on the first part').selectOption({ label: 'Turn it' });
      await saved(page);
      expect(await amberPixels(page)).toBeLessThan(20);
      await page.getByRole('button', { name: 'Preview hint' }).click();
      await page.getByTestId('guide-hint-status').filter({ hasText: 'Playing the hint on Wheel bolts (set of 5)…' }).waitFor();
      expect(await page.getByRole('button', { name: 'Stop the preview' }).isVisible()).toBe(true);
      await expect.poll(() => amberPixels(page, 'studio-guide-branches-hint-en-desktop'), { timeout: 5_000 }).toBeGreaterThan(200);
      await page.getByRole('button', { name: 'Preview hint' }).waitFor({ timeout: 15_000 });
      expect(await page.getByTestId('guide-hint-status').innerText()).toBe('');

      await page.getByRole('button', { name: 'Publish a new version' }).click();
      await page.getByText('Published as version 1.').waitFor();
      await look(page, 'studio-guide-branches-en-desktop');
      await page.getByLabel('Language').selectOption('es');
      await page.getByRole('button', { name: /^1\. Gira la rueda/ }).click();
      await page.getByLabel('La respuesta 1 lleva a').waitFor();
      await page.locator('.react-flow__node[data-id="step-node-0"]').filter({ hasText: '1. Gira la rueda' }).waitFor();
      await look(page, 'studio-guide-branches-es-desktop');
    } finally {
      await context.close();
    }

    const phone = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: { width: 390, height: 844 } });
    try {
      await signInThroughUi(phone.page, e2e.server.url, 'author@demo.local', EDITOR);
      await phone.page.getByRole('heading', { level: 1, name: 'Guide: Noise from the wheel' }).waitFor();
      await phone.page.getByRole('button', { name: 'Show the branch graph' }).click();
      await phone.page.locator('.react-flow__edge[data-id="steps.0.question.answers.0.next"]').waitFor();
      await phone.page.getByTestId('guide-graph').scrollIntoViewIfNeeded();
      await look(phone.page, 'studio-guide-branches-en-390');
      await phone.page.getByLabel('Language').selectOption('es');
      await phone.page.getByRole('heading', { level: 1, name: 'Guía: Ruido en la rueda' }).waitFor();
      await phone.page.getByLabel('Pregunta en español').scrollIntoViewIfNeeded();
      await look(phone.page, 'studio-guide-branches-es-390');
    } finally {
      await phone.context.close();
    }
  }, 300_000);
});
