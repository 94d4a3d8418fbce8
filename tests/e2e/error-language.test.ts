// A refusal from the server is told in the reader's language: a Studio upload of a broken file says why in Spanish
// (from the error's stable reason), never the server's English sentence, on a phone and a desktop.
import { describe, expect, it } from 'vitest';
import { openPage, screenshot, signInThroughUi } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';

const e2e = useServerAndBrowser();
const ENGLISH_WORDS = /\b(the|is|could|not|was|read|file)\b/i;

const cases = [
  { name: 'es-phone', language: 'es', viewport: { width: 390, height: 844 }, studio: 'Estudio', refused: 'La subida fue rechazada.', reason: /broken\.glb está dañado o incompleto|No es un formato de modelo 3D/ },
  { name: 'es-desktop', language: 'es', viewport: { width: 1280, height: 800 }, studio: 'Estudio', refused: 'La subida fue rechazada.', reason: /broken\.glb está dañado o incompleto|No es un formato de modelo 3D/ },
  { name: 'en-phone', language: 'en', viewport: { width: 390, height: 844 }, studio: 'Studio', refused: 'The upload was refused.', reason: /broken\.glb is damaged|This is not a 3D model format/ },
  { name: 'en-desktop', language: 'en', viewport: { width: 1280, height: 800 }, studio: 'Studio', refused: 'The upload was refused.', reason: /broken\.glb is damaged|This is not a 3D model format/ },
] as const;

describe('a server refusal in the reader’s language', () => {
  for (const c of cases) {
    it(`says why a Studio upload was refused (${c.name})`, async () => {
      const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: c.viewport });
      try {
        await signInThroughUi(page, e2e.server.url, 'author@demo.local', '/studio');
        await page.getByRole('heading', { level: 1, name: 'Studio' }).waitFor();
        if (c.language === 'es') await page.getByLabel('Language').selectOption('es');
        await page.getByRole('heading', { level: 1, name: c.studio }).waitFor();
        const answered = page.waitForResponse((response) => response.url().includes('/api/studio/') && response.request().method() === 'POST');
        await page.locator('input[type="file"][multiple]').setInputFiles({ name: 'broken.glb', mimeType: 'model/gltf-binary', buffer: Buffer.from('this is not a model') });
        const body = (await (await answered).json()) as { error: { code: string; message: string; reason?: string } };
        expect(body.error.reason, 'the server says why with a stable reason').toMatch(/^import\./);
        const alert = page.getByRole('alert').filter({ hasText: c.refused });
        await alert.waitFor();
        const text = await alert.innerText();
        expect(text).toMatch(c.reason);
        if (c.language === 'es') {
          expect(text).not.toContain(body.error.message);
          expect(text.replace(/broken\.glb/g, ''), 'no English sentence in the Spanish page').not.toMatch(ENGLISH_WORDS);
        }
        await screenshot(page, `error-language-studio-${c.name}`);
      } finally {
        await context.close();
      }
    });
  }
});
