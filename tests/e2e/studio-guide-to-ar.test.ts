// From Studio to the headset: an author writes a three-step guide on the wheel corner by clicking parts in the 3D view,
// asks a question on step 1 (its empty prompt named beside the field until written) whose answers branch to step 2 or
// 3, previews a hint on step 3 and the step as the technician sees it, publishes; a technician runs it in emulated AR
// (IWER's Quest 3, pressing only the 3D step panel: an answer, then Next) and each step lights the parts the author
// clicked; the author changes a step, publishes
// version 2 and reads the diff; an unpublished edit shows in the preview (inline and on the AR preview page, which
// enters AR through the app's own emulator), not the published version.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, screenshot, setHeadPose, signInThroughUi, waitForTestState } from '../support/browser.ts';
import { seriousViolations } from '../support/axe.ts';
import { pressPanelButton } from '../support/guide-e2e.ts';
import { clickPartInEditor, editorField, fillFields, waitSaved, writeStepWords } from '../support/guide-editor-e2e.ts';
import { placeOnOpenFloor } from '../support/orders-e2e.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';

const e2e = useServerAndBrowser();
const GUIDE = 'wheel-corner-quick-look';
const EDITOR = `/studio/guides/${GUIDE}`;
/** What the author clicks for each step, in order. */
const PARTS = [['wheel'], ['caliper'], ['brake-disc']] as const;
const STEPS = [
  ['Look at the wheel', 'Mira la rueda'],
  ['Find the caliper', 'Busca la pinza'],
  ['Check the disc', 'Revisa el disco'],
] as const;
let base: string;

beforeAll(() => {
  base = e2e.server.url.replace('127.0.0.1', 'localhost');
});

async function look(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, name);
}

/** Walks the guide in the headset: on each step the lit parts are the author's, then the panel's Next. */
async function runInHeadset(page: Page): Promise<string[][]> {
  const seen: string[][] = [];
  for (const [index, parts] of PARTS.entries()) {
    const stepId = `step-${index + 1}`;
    const lit = await waitForTestState(page, (s) => s.guide.stepId === stepId && s.guide.highlightedPartIds.length === parts.length, `the parts of ${stepId} lit in AR`);
    seen.push([...lit.guide.highlightedPartIds].sort());
    if (index === 0) await pressPanelButton(page, 'answer:answer-1', (s) => s.guide.answers['step-1'] === 'answer-1', 'the answer that leads to step 2 chosen');
    const next = index + 1 < PARTS.length ? `step-${index + 2}` : null;
    await pressPanelButton(page, 'next', (s) => (next ? s.guide.stepId === next : s.guide.finished), `Next from ${stepId}`);
  }
  return seen;
}

describe('Studio guide → technician in emulated AR', () => {
  it('writes three steps by clicking parts, branches step 1 after fixing its question, previews a hint, publishes, runs them in the headset with those parts lit, then publishes v2 with a diff', { timeout: 900_000 }, async () => {
    const author = await openPage(e2e.browser, `${base}/`, { viewport: { width: 1280, height: 800 } });
    const a = author.page;
    try {
      await signInThroughUi(a, base, 'author@demo.local', '/studio/guides?product=wheel-corner');
      await a.getByLabel('Guide id').fill(GUIDE);
      await a.getByRole('button', { name: 'Create the guide' }).click();
      await a.waitForURL((url) => url.pathname === EDITOR);
      await fillFields(a, { 'title.en': 'A quick look at the brakes', 'title.es': 'Un vistazo a los frenos', 'summary.en': 'Three things to look at.', 'summary.es': 'Tres cosas que mirar.' });
      for (const [index, [en, es]] of STEPS.entries()) {
        if (index > 0) {
          await a.getByRole('button', { name: 'Add a step' }).click();
          await a.getByRole('heading', { name: `Step ${index + 1} (step-${index + 1})` }).waitFor();
        }
        await writeStepWords(a, index, en, es);
        for (const partId of PARTS[index]!) await clickPartInEditor(a, 'wheel-corner', partId, index + 1);
      }
      // Step 1 asks where to look: the new question's empty prompt is named beside it, and publishing waits, until written.
      await a.getByRole('button', { name: /^1\. Look at the wheel/ }).click();
      await a.getByRole('button', { name: 'Ask a question here' }).click();
      await waitSaved(a);
      await a.locator('[data-issue-path="steps.0.question.prompt.en"]').filter({ hasText: 'Write something here.' }).waitFor();
      expect(await editorField(a, 'steps.0.question.prompt.en').getAttribute('aria-invalid')).toBe('true');
      expect(await a.getByRole('button', { name: 'Publish a new version' }).isDisabled()).toBe(true);
      await fillFields(a, { 'steps.0.question.prompt.en': 'What do you see first?', 'steps.0.question.prompt.es': '¿Qué ves primero?' });
      await fillFields(a, { 'steps.0.question.answers.0.label.en': 'The caliper', 'steps.0.question.answers.0.label.es': 'La pinza' });
      await a.getByLabel('Answer 1 leads to').selectOption({ label: '2. Find the caliper' });
      await a.getByRole('button', { name: 'Add an answer' }).click();
      await fillFields(a, { 'steps.0.question.answers.1.label.en': 'The disc', 'steps.0.question.answers.1.label.es': 'El disco' });
      await a.getByLabel('Answer 2 leads to').selectOption({ label: '3. Check the disc' });
      await waitSaved(a);
      await a.getByText('No issues: the guide can be published.').waitFor();
      expect(await a.locator('[data-issue-path="steps.0.question.prompt.en"]').count()).toBe(0);
      // Step 3's hint: a turn of the disc, played in the editor's 3D view.
      await a.getByRole('button', { name: /^3\. Check the disc/ }).click();
      await a.getByRole('heading', { name: 'Step 3 (step-3)' }).waitFor();
      await a.getByLabel('Hint on the first part').selectOption({ label: 'Turn it' });
      await waitSaved(a);
      await a.getByRole('button', { name: 'Preview hint' }).click();
      await a.getByTestId('guide-hint-status').filter({ hasText: 'Playing the hint on Ventilated brake disc…' }).waitFor();
      await a.getByRole('button', { name: 'Preview hint' }).waitFor({ timeout: 15_000 });
      await a.getByText('No issues: the guide can be published.').waitFor();

      // The open step (3) as the technician's runner shows it, beside the editor.
      const preview = a.getByTestId('guide-preview');
      await preview.getByRole('heading', { name: 'Check the disc' }).waitFor();
      expect(await preview.getByTestId('step-of').innerText()).toBe('Step 3 of 3');
      await preview.scrollIntoViewIfNeeded();
      await look(a, 'studio-guide-preview-inline-en-desktop');

      await a.getByRole('button', { name: 'Publish a new version' }).click();
      await a.getByText('Published as version 1.').waitFor();

      const tech = await openPage(e2e.browser, `${base}/`, { xr: true, viewport: { width: 480, height: 400 } });
      const t = tech.page;
      try {
        await signInThroughUi(t, base, 'tech@demo.local', `/assist/wheel-corner?guide=${GUIDE}`);
        await waitForTestState(t, (s) => s.guide.guideId === GUIDE && s.guide.stepId === 'step-1', 'the first step of the published guide');
        await setHeadPose(t, [0, 1.6, 0], [0, 0, 0, 1]);
        await t.getByTestId('enter-ar').click();
        await waitForTestState(t, (s) => s.ar.sessionActive && s.ar.domOverlay === null, 'the headset AR session');
        await placeOnOpenFloor(t);
        expect(await runInHeadset(t)).toEqual(PARTS.map((parts) => [...parts].sort()));
        await screenshot(t, 'studio-guide-to-ar-headset-finished');
      } finally {
        await tech.context.close();
      }

      // Version 2: step 2's text changes and it also points at the pads (hidden inside the caliper: ticked in the part list).
      await a.getByRole('button', { name: /^2\. Find the caliper/ }).click();
      await editorField(a, 'steps.1.text.en').fill('Find the caliper and the pads inside it.');
      await a.getByRole('checkbox', { name: /Brake pads/ }).check();
      await waitSaved(a);
      await a.getByRole('button', { name: 'Publish a new version' }).click();
      await a.getByText('Published as version 2.').waitFor();
      const diff = a.getByTestId('guide-diff');
      await diff.getByText('From version 1 to version 2').waitFor();
      await diff.getByText('Step changed: Find the caliper (step-2): text, parts pointed at').waitFor();

      // An edit not yet published: the previews show it, the published guide does not.
      await editorField(a, 'steps.1.title.en').fill('Find the caliper (draft)');
      await waitSaved(a);
      await a.getByTestId('guide-preview').getByRole('heading', { name: 'Find the caliper (draft)' }).waitFor();
      await a.getByTestId('guide-preview-ar').click();
      await a.waitForURL((url) => url.pathname === `${EDITOR}/preview` && url.searchParams.get('emulate') === '1' && url.searchParams.get('step') === 'step-2');
      await a.getByRole('heading', { level: 1, name: 'Preview: A quick look at the brakes' }).waitFor();
      await a.getByTestId('guide-runner').getByRole('heading', { name: 'Find the caliper (draft)' }).waitFor();
      const lit = await waitForTestState(a, (s) => s.guide.stepId === 'step-2' && s.guide.highlightedPartIds.length === 2, 'the draft step lit in the preview');
      expect([...lit.guide.highlightedPartIds].sort()).toEqual(['brake-pads', 'caliper']);
      await a.getByTestId('ar-emulated').waitFor();
      await look(a, 'studio-guide-preview-page-en-desktop');
      await a.getByLabel('Language').selectOption('es');
      await a.getByRole('heading', { level: 1, name: 'Vista previa: Un vistazo a los frenos' }).waitFor();
      await look(a, 'studio-guide-preview-page-es-desktop');
      await a.getByTestId('enter-ar').click();
      const inAr = await waitForTestState(a, (s) => s.ar.sessionActive && s.ar.frames > 5, 'the emulated AR session of the preview', 60_000);
      expect(inAr.ar.mode).toBe('immersive-ar');
      expect(inAr.guide.stepId).toBe('step-2');
      await screenshot(a, 'studio-guide-preview-ar-es-desktop');
    } finally {
      await author.context.close();
    }

    const published = (await (await fetch(`${e2e.server.url}/api/guides/${GUIDE}`)).json()) as { guide: { steps: Array<{ title: { en: string } }> }; version: number };
    expect(published.version).toBe(2);
    expect(published.guide.steps[1]?.title.en).toBe('Find the caliper');

    for (const language of ['en', 'es'] as const) {
      const phone = await openPage(e2e.browser, `${base}/`, { viewport: { width: 390, height: 844 } });
      try {
        await signInThroughUi(phone.page, base, 'author@demo.local', EDITOR);
        if (language === 'es') await phone.page.getByLabel('Language').selectOption('es');
        await phone.page.getByRole('button', { name: /^2\. / }).click();
        const section = phone.page.getByTestId('guide-preview');
        const title = language === 'en' ? 'Find the caliper (draft)' : 'Busca la pinza';
        await section.getByRole('heading', { name: title }).waitFor();
        await section.scrollIntoViewIfNeeded();
        await look(phone.page, `studio-guide-preview-inline-${language}-390`);
        await phone.page.goto(`${base}${EDITOR}/preview?step=step-2`);
        await phone.page.getByTestId('guide-runner').getByRole('heading', { name: title }).waitFor();
        await waitForTestState(phone.page, (s) => s.guide.highlightedPartIds.length === 2, 'the draft step lit on the phone');
        await look(phone.page, `studio-guide-preview-page-${language}-390`);
      } finally {
        await phone.context.close();
      }
    }
  });
});
