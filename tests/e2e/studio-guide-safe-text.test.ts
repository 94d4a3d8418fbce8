// Guide words stay words: an author types HTML (an <img onerror>, a <script>) into a step of the espresso machine's
// guide; the editor says beside each field that tags are not allowed, lists the title as the literal text and runs none
// of it; with **bold**, entities and a "<3" instead, the editor's preview and then the technician's runner show bold and
// the rest as typed, and a warning written in the editor must be acknowledged before the technician goes on. The
// technician is shown the door at the editor's address, and it asks nothing of Studio's API.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { seriousViolations } from '../support/axe.ts';
import { openPage, screenshot, signInThroughUi } from '../support/browser.ts';
import { editorField, fillFields, waitSaved } from '../support/guide-editor-e2e.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { saveNewGuide, studioClient } from '../support/studio-api.ts';

const e2e = useServerAndBrowser();
const GUIDE = 'espresso-safe-words';
const EDITOR = `/studio/guides/${GUIDE}`;
const text = (en: string, es: string) => ({ en, es });
const IMG_TITLE = '<img src=x onerror="window.__guideTextRan = 1"> Pull the tray';
const SCRIPT_TEXT = 'Press <script>window.__guideTextRan = 2</script> firmly.';
const SAFE_TEXT = 'Press **firmly** where the label says &lt;script&gt; & "tray <3".';
const SAFE_REST = 'where the label says &lt;script&gt; & "tray <3".';

/** A one-step guide of the espresso machine, published nowhere yet, for the editor to open. */
async function startGuide(): Promise<void> {
  const saved = await saveNewGuide(await studioClient(e2e.server), 'espresso-machine', GUIDE, (blank) => ({
    ...blank,
    title: text('Empty the drip tray', 'Vacía la bandeja de goteo'),
    summary: text('Pull the tray and empty it.', 'Saca la bandeja y vacíala.'),
    steps: [{ id: 'pull-tray', title: text('Pull the tray', 'Saca la bandeja'), text: text('Pull it towards you.', 'Tira de ella hacia ti.'), targetPartIds: ['drip-tray'], end: true }],
  }));
  expect(saved.issues).toEqual([]);
}

const ran = (page: Page) => page.evaluate(() => (window as unknown as { __guideTextRan?: number }).__guideTextRan ?? null);

async function look(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, name);
}

describe('Studio: guide words are plain text with **bold**', () => {
  it('refuses HTML beside the field and runs none of it; bold, entities and a warning reach the preview and the technician as written', { timeout: 240_000 }, async () => {
    await startGuide();
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: { width: 1280, height: 800 } });
    try {
      await signInThroughUi(page, e2e.server.url, 'author@demo.local', EDITOR);
      await page.getByRole('heading', { level: 1, name: 'Guide: Empty the drip tray' }).waitFor();
      const hint = page.getByText('Plain text: put **two asterisks** around words to make them bold. HTML tags are not allowed');
      await hint.waitFor();
      const hintId = await hint.getAttribute('id');
      expect(await editorField(page, 'steps.0.text.en').getAttribute('aria-describedby')).toBe(hintId);

      await fillFields(page, { 'steps.0.title.en': IMG_TITLE, 'steps.0.text.en': SCRIPT_TEXT });
      await waitSaved(page);
      for (const path of ['steps.0.title.en', 'steps.0.text.en']) {
        await page.locator(`[data-issue-path="${path}"]`).filter({ hasText: 'Write plain text: no HTML tags.' }).waitFor();
        expect(await editorField(page, path).getAttribute('aria-invalid')).toBe('true');
        expect((await editorField(page, path).getAttribute('aria-describedby'))?.split(' ')).toEqual([hintId, expect.stringMatching(/issues/)]);
      }
      await page.getByRole('button', { name: `1. ${IMG_TITLE}` }).waitFor();
      expect(await page.getByRole('button', { name: 'Publish a new version' }).isDisabled()).toBe(true);
      await page.getByTestId('guide-preview').getByText('The preview shows once').waitFor();
      expect(await page.locator('img[src="x"], main script').count()).toBe(0);
      expect(await ran(page)).toBeNull();
      await look(page, 'studio-guide-safe-text-issue-en-desktop');

      await fillFields(page, { 'steps.0.title.en': 'Pull the tray', 'steps.0.text.en': SAFE_TEXT, 'steps.0.text.es': 'Tira **con fuerza** donde la etiqueta dice &lt;script&gt;.' });
      await page.getByRole('button', { name: 'Add a warning' }).click();
      await fillFields(page, { 'steps.0.warnings.0.en': 'Hot water **scalds**: let it cool.', 'steps.0.warnings.0.es': 'El agua caliente **quema**: deja que se enfríe.' });
      await waitSaved(page);
      await page.getByText('No issues: the guide can be published.').waitFor();
      const preview = page.getByTestId('guide-preview').getByTestId('guide-runner');
      await preview.locator('strong', { hasText: /^firmly$/ }).waitFor();
      expect(await preview.innerText()).toContain(SAFE_REST);
      await preview.locator('strong', { hasText: /^scalds$/ }).waitFor();
      await look(page, 'studio-guide-safe-text-en-desktop');
      await page.getByLabel('Language').selectOption('es');
      await page.getByText('Texto simple: rodea palabras con **dos asteriscos**').waitFor();
      await preview.locator('strong', { hasText: /^quema$/ }).waitFor();
      await look(page, 'studio-guide-safe-text-es-desktop');
      await page.getByLabel('Idioma').selectOption('en');

      await page.getByRole('button', { name: 'Publish a new version' }).click();
      await page.getByText('Published as version 1.').waitFor();
      expect(await ran(page)).toBeNull();
    } finally {
      await context.close();
    }

    const phone = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: { width: 390, height: 844 } });
    try {
      await signInThroughUi(phone.page, e2e.server.url, 'author@demo.local', EDITOR);
      const hint = phone.page.getByText('Plain text: put **two asterisks**');
      await hint.scrollIntoViewIfNeeded();
      await look(phone.page, 'studio-guide-safe-text-en-390');
      await phone.page.getByLabel('Language').selectOption('es');
      await phone.page.getByText('Texto simple: rodea palabras con **dos asteriscos**').scrollIntoViewIfNeeded();
      await look(phone.page, 'studio-guide-safe-text-es-390');
    } finally {
      await phone.context.close();
    }

    const tech = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: { width: 1280, height: 800 } });
    try {
      const page = tech.page;
      const draftReads: string[] = [];
      page.on('request', (request) => {
        if (request.url().includes('/api/studio/')) draftReads.push(request.url());
      });
      await signInThroughUi(page, e2e.server.url, 'tech@demo.local', EDITOR);
      await page.getByRole('alert').filter({ hasText: 'Studio is for admins and authors.' }).waitFor();
      expect(await page.getByRole('heading', { name: /^Guide:/ }).count()).toBe(0);
      expect(draftReads).toEqual([]);
      await page.goto(`${e2e.server.url}/assist/espresso-machine?guide=${GUIDE}`);
      const runner = page.getByTestId('guide-runner');
      await runner.getByTestId('step-title').getByText('Pull the tray').waitFor();
      await runner.locator('strong', { hasText: /^firmly$/ }).waitFor();
      expect(await runner.innerText()).toContain(SAFE_REST);
      await runner.locator('strong', { hasText: /^scalds$/ }).waitFor();
      expect(await runner.getByTestId('guide-next').getAttribute('aria-disabled')).toBe('true');
      await runner.getByTestId('step-title').focus();
      await page.keyboard.press('ArrowRight');
      await page.getByText('Acknowledge the safety warnings to go on.').waitFor();
      await runner.getByTestId('acknowledge-0').check();
      await expect.poll(() => runner.getByTestId('guide-next').getAttribute('aria-disabled')).toBe('false');
      expect(await ran(page)).toBeNull();
      await screenshot(page, 'studio-guide-safe-text-technician-en-desktop');
    } finally {
      await tech.context.close();
    }
  });
});
