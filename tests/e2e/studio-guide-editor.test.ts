// An author writes a guide in Studio's editor on the wheel corner: three steps, a part targeted by clicking it in the 3D
// view and another from the keyboard, a measurement whose min > max is named beside the field until fixed, a stray
// fourth step deleted, version 1 published (its measurement with unit and range), a step changed and version 2 published, the diff read; then a second author's save refused with a reload.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, screenshot, signInThroughUi, waitForTestState } from '../support/browser.ts';
import { seriousViolations } from '../support/axe.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { studioClient } from '../support/studio-api.ts';
import { clickPartInEditor, editorField, fillFields, waitSaved, writeStepWords } from '../support/guide-editor-e2e.ts';
import type { GuideDraft } from '../../core/guide-editing.ts';

const e2e = useServerAndBrowser();
const GUIDE = 'wheel-corner-pad-check';
const EDITOR = `/studio/guides/${GUIDE}`;
const issuesOf = (page: Page, path: string) => page.locator(`[data-issue-path="${path}"]`);
const field = editorField;
const fill = fillFields;
const saved = waitSaved;
const writeStep = writeStepWords;

async function look(page: Page, name: string) {
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, name);
}

describe('Studio: the guide editor', () => {
  it('writes a 3-step guide with parts from the 3D view, fixes a range, publishes two versions and reads the diff', async () => {
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: { width: 1280, height: 800 } });
    try {
      await signInThroughUi(page, e2e.server.url, 'author@demo.local', '/studio');
      await page.getByRole('link', { name: 'Write and publish guides for a product' }).click();
      await page.getByLabel('Product', { exact: true }).selectOption('wheel-corner');
      await page.getByRole('list', { name: 'Guides of this product' }).getByRole('link', { name: /brake pads/i }).waitFor();
      await look(page, 'studio-guides-en-desktop');
      await page.getByLabel('Guide id').fill(GUIDE);
      await page.getByRole('button', { name: 'Create the guide' }).click();
      await page.waitForURL((url) => url.pathname === EDITOR);
      await page.getByRole('heading', { level: 1, name: `Guide: ${GUIDE}` }).waitFor();

      await fill(page, { 'title.en': 'Check the brake pads', 'title.es': 'Revisar las pastillas', 'summary.en': 'Look at the pads and measure them.', 'summary.es': 'Mira las pastillas y mídelas.' });
      await writeStep(page, 0, 'Find the wheel', 'Busca la rueda');
      await clickPartInEditor(page, 'wheel-corner', 'wheel', 1);
      expect(await page.getByRole('checkbox', { name: /Wheel \(tyre and alloy rim\)/ }).isChecked()).toBe(true);

      await page.getByRole('button', { name: 'Add a step' }).click();
      await page.getByRole('heading', { name: 'Step 2 (step-2)' }).waitFor();
      await writeStep(page, 1, 'Measure the pads', 'Mide las pastillas');
      await field(page, 'steps.1.check').selectOption('measurement');
      await fill(page, { 'steps.1.check.label.en': 'Pad thickness', 'steps.1.check.label.es': 'Grosor de la pastilla', 'steps.1.check.min': '5', 'steps.1.check.max': '2' });
      await saved(page);
      await issuesOf(page, 'steps.1.check.max').filter({ hasText: 'The minimum is greater than the maximum.' }).waitFor();
      expect(await field(page, 'steps.1.check.max').getAttribute('aria-invalid')).toBe('true');
      expect(await page.getByRole('button', { name: 'Publish a new version' }).isDisabled()).toBe(true);
      await look(page, 'studio-guide-editor-issue-en-desktop');

      await page.getByRole('button', { name: 'Add a step' }).click();
      await writeStep(page, 2, 'Put the wheel back', 'Vuelve a montar la rueda');
      const pads = page.getByRole('checkbox', { name: /Brake pads/ });
      await pads.focus();
      await page.keyboard.press('Space');
      expect(await pads.isChecked()).toBe(true);
      await saved(page);
      // Validation runs as the author types, in the browser: with the network cut, a moved step takes its issue along.
      await context.setOffline(true);
      await page.getByRole('button', { name: 'Move step 2 down' }).click();
      await page.getByRole('button', { name: /^Step 3: The minimum is greater than the maximum\./ }).waitFor();
      expect(await page.getByRole('button', { name: /^Step 2: The minimum/ }).count()).toBe(0);
      await page.getByRole('button', { name: 'Move step 3 up' }).click();
      await page.getByRole('button', { name: /^Step 2: The minimum is greater than the maximum\./ }).waitFor();
      await context.setOffline(false);
      await saved(page);
      // The summary's button opens step 2 and focuses the field the issue is beside.
      await page.getByRole('button', { name: /^Step 2: The minimum is greater than the maximum\./ }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('gf-steps-1-check-max');
      await page.keyboard.press('ControlOrMeta+a');
      await page.keyboard.type('12');
      await saved(page);
      await page.getByText('No issues: the guide can be published.').waitFor();
      expect(await issuesOf(page, 'steps.1.check.max').count()).toBe(0);

      // A fourth step added by mistake is deleted again.
      await page.getByRole('button', { name: 'Add a step' }).click();
      await page.getByRole('heading', { name: 'Step 4 (step-4)' }).waitFor();
      await page.getByRole('button', { name: 'Delete step 4' }).click();
      await expect.poll(() => page.getByRole('list').locator('[data-step-id]').count()).toBe(3);
      await saved(page);
      await page.getByText('No issues: the guide can be published.').waitFor();

      await page.getByRole('button', { name: 'Publish a new version' }).click();
      await page.getByText('Published as version 1.').waitFor();
      const first = (await (await fetch(`${e2e.server.url}/api/guides/${GUIDE}`)).json()) as { guide: { steps: Array<{ id: string; check?: unknown }> } };
      expect(first.guide.steps.map((step) => step.id)).toEqual(['step-1', 'step-2', 'step-3']);
      expect(first.guide.steps[1]?.check).toMatchObject({ kind: 'measurement', unit: 'mm', min: 5, max: 12, label: { en: 'Pad thickness' } });
      await page.getByRole('button', { name: /^2\. Measure the pads/ }).click();
      await field(page, 'steps.1.text.en').fill('Measure both pads at their thinnest point.');
      await saved(page);
      await page.getByRole('button', { name: 'Publish a new version' }).click();
      await page.getByText('Published as version 2.').waitFor();
      const diff = page.getByTestId('guide-diff');
      await diff.getByText('From version 1 to version 2').waitFor();
      await diff.getByText('Step changed: Measure the pads (step-2): text').waitFor();
      await page.getByText(/Version 2: 3 steps, by Aurora Author/).waitFor();
      await look(page, 'studio-guide-editor-en-desktop');

      // Someone else saves in between: the author's next change is refused, names them, and a reload shows their words.
      const admin = await studioClient(e2e.server, 'admin@demo.local');
      const { body } = await admin.request<{ draft: GuideDraft }>('POST', `/api/studio/guides/${GUIDE}/draft`);
      await admin.request('PUT', `/api/studio/guides/${GUIDE}/draft`, { revision: body.draft.revision, guide: { ...body.draft.guide, title: { en: 'Brake pad check', es: 'Control de pastillas' } } });
      await field(page, 'summary.en').fill('Look at the pads, then measure them.');
      const conflict = page.getByRole('alert').filter({ hasText: 'saved this guide since you opened it' });
      await conflict.waitFor();
      expect(await conflict.innerText()).toMatch(/Admin/);
      await conflict.getByRole('button', { name: 'Reload their version' }).click();
      await expect.poll(() => field(page, 'title.en').inputValue()).toBe('Brake pad check');
      await saved(page);
      await page.getByLabel('Language').selectOption('es');
      await page.getByText('Paso cambiado: Mide las pastillas (step-2): texto').waitFor();
      expect(await page.getByTestId('guide-part-said').innerText()).toMatch(/añadida al paso 1\.$/);
      await look(page, 'studio-guide-editor-es-desktop');
    } finally {
      await context.close();
    }

    const phone = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: { width: 390, height: 844 } });
    try {
      await signInThroughUi(phone.page, e2e.server.url, 'author@demo.local', EDITOR);
      await phone.page.getByRole('heading', { level: 1, name: 'Guide: Brake pad check' }).waitFor();
      await waitForTestState(phone.page, (s) => s.studio.productView !== null, 'the product in the phone view');
      await look(phone.page, 'studio-guide-editor-en-390');
      await phone.page.getByLabel('Language').selectOption('es');
      await phone.page.getByRole('heading', { level: 1, name: 'Guía: Control de pastillas' }).waitFor();
      await look(phone.page, 'studio-guide-editor-es-390');
    } finally {
      await phone.context.close();
    }
  }, 240_000);
});
