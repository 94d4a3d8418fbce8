// Moving a product between installations from Studio's own screens: an author opens a published product in Studio on
// one server and downloads it with the keyboard as a product file (its model, thumbnail, details and published guide);
// on a second server another author picks that file on Studio's first screen and is told, in Spanish on a phone, that
// the product is imported and published, and sees it among their products; the catalog there shows it with its guide.
// Picking the same file again (as a retry would) is refused in words, which follow the reader's language. axe finds
// nothing serious; screenshots at 1280×800 and 390×844 in en and es.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ProductArchive } from '../../core/studio.ts';
import { seriousViolations } from '../support/axe.ts';
import { openPage, screenshot, signInThroughUi } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { grinderLidGuide, publishGrinder, publishGuide, studioClient } from '../support/studio-api.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

const e2e = useServerAndBrowser();
let second: TestServer;
const downloads = fs.mkdtempSync(path.join(os.tmpdir(), 'xr-assist-archive-'));

beforeAll(async () => {
  second = await startTestServer();
  const author = await studioClient(e2e.server);
  expect((await publishGrinder(author, 'moving-grinder', 'MG-1')).status).toBe(200);
  await publishGuide(author, grinderLidGuide('lid'));
});
afterAll(async () => {
  await second?.close();
  fs.rmSync(downloads, { recursive: true, force: true });
});

async function look(page: Page, name: string): Promise<void> {
  expect(await seriousViolations(page)).toEqual([]);
  await screenshot(page, name);
}

describe('a product moved between installations from Studio', () => {
  it('is exported from its Studio page by keyboard and imported on another installation’s Studio, where the catalog shows it', async () => {
    const from = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: { width: 1280, height: 800 } });
    const to = await openPage(e2e.browser, `${second.url}/`, { viewport: { width: 390, height: 844 } });
    try {
      await signInThroughUi(from.page, e2e.server.url, 'author@demo.local', '/studio');
      await from.page.getByRole('link', { name: 'Moving grinder' }).click();
      const exportButton = from.page.getByRole('button', { name: 'Export with its guides as a product file (.zip)' });
      await exportButton.waitFor();
      expect(await seriousViolations(from.page)).toEqual([]);
      await exportButton.focus();
      const [download] = await Promise.all([from.page.waitForEvent('download'), from.page.keyboard.press('Enter')]);
      expect(download.suggestedFilename()).toBe('moving-grinder.zip');
      const file = path.join(downloads, download.suggestedFilename());
      await download.saveAs(file);
      const entries = unzipSync(new Uint8Array(fs.readFileSync(file)));
      expect(Object.keys(entries).sort()).toEqual(['model.glb', 'product.json', 'thumbnail.png']);
      const manifest = JSON.parse(Buffer.from(entries['product.json']!).toString('utf8')) as ProductArchive;
      expect(manifest.details).toMatchObject({ id: 'moving-grinder', sku: 'MG-1' });
      expect(manifest.guides.map((guide) => guide.id)).toEqual(['moving-grinder-lid']);
      await screenshot(from.page, 'studio-export-desktop-en');

      const page = to.page;
      await signInThroughUi(page, second.url, 'author@demo.local', '/studio');
      await page.getByLabel('Language').selectOption('es');
      const pick = page.getByLabel('Elegir un .zip de producto');
      await pick.setInputFiles(file);
      const imported = page.getByRole('status').filter({ hasText: 'Moving grinder (es) está importado y publicado.' });
      await imported.waitFor();
      await page.getByRole('region', { name: 'Sus productos' }).getByRole('link', { name: 'Moving grinder (es)' }).waitFor();
      await imported.scrollIntoViewIfNeeded();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'studio-import-phone-es');

      await pick.setInputFiles(file);
      const refused = page.getByRole('alert');
      await refused.waitFor();
      await refused.scrollIntoViewIfNeeded();
      expect(await refused.textContent()).toBe('Esta instalación ya tiene un producto «moving-grinder»: no se importa de nuevo.');
      await screenshot(page, 'studio-import-refused-phone-es');
      await page.getByLabel('Idioma').selectOption('en');
      await refused.filter({ hasText: 'This installation already has a product “moving-grinder”: it is not imported again.' }).waitFor();
      await look(page, 'studio-import-refused-phone-en');
      await page.setViewportSize({ width: 1280, height: 800 });
      await look(page, 'studio-import-refused-desktop-en');
      await page.getByLabel('Language').selectOption('es');
      await refused.filter({ hasText: 'Esta instalación ya tiene un producto «moving-grinder»' }).waitFor();
      await look(page, 'studio-import-refused-desktop-es');

      await page.goto(`${second.url}/products/moving-grinder`);
      await page.getByRole('heading', { level: 1, name: 'Moving grinder (es)' }).waitFor();
      await page.getByText('Clean the lid (es)').first().waitFor();
    } finally {
      await from.context.close();
      await to.context.close();
    }
  });
});
