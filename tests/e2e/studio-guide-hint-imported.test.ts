// A product imported through Studio (the fixtures' grinder, its body, hopper and lid made parts) and published: in the
// guide editor the author targets its body by clicking it in the 3D view, chooses a hint and previews it, and the hint's
// amber is drawn on the model until the preview is stopped; on the product's page the grinder, meant for the wall, stands
// on the view's floor by its shadow, and a click on the body opens its part card (desktop en, phone es).
import { beforeAll, describe, expect, it } from 'vitest';
import { Box3, type Object3D } from 'three';
import { openPage, screenshot, signInThroughUi, waitForTestState } from '../support/browser.ts';
import { seriousViolations } from '../support/axe.ts';
import { clickPartInEditor, fillFields, waitSaved, writeStepWords } from '../support/guide-editor-e2e.ts';
import { amberPixels } from '../support/hint-pixels.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { publishGrinder, studioClient } from '../support/studio-api.ts';
import { aimInTwin, loadProductScene } from '../support/twin-aim.ts';
import type { ProductDetail } from '../../core/catalog.ts';
import { readGlb, writeGlb } from '../../server/studio/glb-json.ts';

const e2e = useServerAndBrowser();
const PRODUCT = 'imported-grinder';
const GUIDE = 'imported-grinder-clean';
const EDITOR = `/studio/guides/${GUIDE}`;
/** The turn's ring on the body covers about 570 amber pixels of the 624 px view; with no hint drawn there are none. */
const HINT_DRAWN = 200;
const NO_HINT = 20;
let product: ProductDetail;
let scene: Object3D;

/** The GLB without its textures, which three's loader cannot decode in Node: only the geometry decides where to click. */
function withoutTextures(glb: Buffer): Buffer {
  const parts = readGlb(glb);
  for (const material of (parts.json.materials ?? []) as Array<{ pbrMetallicRoughness?: Record<string, unknown> } & Record<string, unknown>>) {
    for (const slot of ['normalTexture', 'occlusionTexture', 'emissiveTexture']) delete material[slot];
    delete material.pbrMetallicRoughness?.baseColorTexture;
    delete material.pbrMetallicRoughness?.metallicRoughnessTexture;
  }
  delete parts.json.textures;
  return writeGlb(parts);
}

/**
 * The published model as the test reads it: a part is the node named by its id (publishing names them so, with or
 * without the `extras.partId` the app relies on), so where to click does not depend on what is under test.
 */
async function publishedScene(detail: ProductDetail): Promise<Object3D> {
  const glb = Buffer.from(await (await fetch(new URL(detail.modelUrl, e2e.server.url))).arrayBuffer());
  const loaded = await loadProductScene(withoutTextures(glb));
  for (const part of detail.parts) {
    const node = loaded.getObjectByName(part.id);
    if (node) node.userData = { ...node.userData, partId: part.id };
  }
  return loaded;
}

/** The height above the inline view's floor (where the shadow lies) of the lowest point of the model so placed. */
function modelBottom(productMatrixWorld: number[]): number {
  scene.matrixAutoUpdate = false;
  scene.matrix.fromArray(productMatrixWorld);
  scene.updateMatrixWorld(true);
  return new Box3().setFromObject(scene).min.y;
}

beforeAll(async () => {
  const published = await publishGrinder(await studioClient(e2e.server, 'author@demo.local'), PRODUCT, 'IMP-GR');
  expect(published.status).toBe(200);
  product = (await (await fetch(`${e2e.server.url}/api/products/${PRODUCT}`)).json()) as ProductDetail;
  scene = await publishedScene(product);
}, 120_000);

describe('Studio: hints and part picking on an imported product', () => {
  it('targets the body by clicking it in the guide editor, previews a turn on it and stops the preview', async () => {
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: { width: 1280, height: 800 } });
    try {
      await signInThroughUi(page, e2e.server.url, 'author@demo.local', `/studio/guides?product=${PRODUCT}`);
      await page.getByLabel('Guide id').fill(GUIDE);
      await page.getByRole('button', { name: 'Create the guide' }).click();
      await page.waitForURL((url) => url.pathname === EDITOR);
      await fillFields(page, { 'title.en': 'Clean the grinder', 'title.es': 'Limpia el molinillo', 'summary.en': 'Open it and clean it.', 'summary.es': 'Ábrelo y límpialo.' });
      await writeStepWords(page, 0, 'Loosen the body', 'Afloja el cuerpo');
      await clickPartInEditor(page, scene, 'body', 1);
      expect(await page.getByRole('checkbox', { name: 'Body' }).isChecked()).toBe(true);

      await page.getByLabel('Hint on the first part').selectOption({ label: 'Turn it' });
      await waitSaved(page);
      const before = await amberPixels(page);
      expect(before).toBeLessThan(NO_HINT);
      await page.getByRole('button', { name: 'Preview hint' }).click();
      await page.getByTestId('guide-hint-status').filter({ hasText: 'Playing the hint on Body…' }).waitFor();
      await expect.poll(() => amberPixels(page, 'studio-guide-hint-imported-en-desktop'), { timeout: 5_000 }).toBeGreaterThan(HINT_DRAWN);
      await page.getByRole('button', { name: 'Stop the preview' }).click();
      await page.getByRole('button', { name: 'Preview hint' }).waitFor();
      expect(await page.getByTestId('guide-hint-status').innerText()).toBe('');
      await expect.poll(() => amberPixels(page), { timeout: 5_000 }).toBeLessThan(NO_HINT);
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'studio-guide-hint-imported-editor-en-desktop');
      await page.setViewportSize({ width: 390, height: 844 });
      await page.getByLabel('Language').selectOption('es');
      await page.getByRole('heading', { level: 1, name: 'Guía: Limpia el molinillo' }).waitFor();
      await page.locator('.guide-stage').scrollIntoViewIfNeeded();
      await screenshot(page, 'studio-guide-hint-imported-editor-es-390');
    } finally {
      await context.close();
    }
  }, 180_000);

  it("opens the body's part card when the body is clicked in the product page's 3D view", async () => {
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/products/${PRODUCT}`, { viewport: { width: 1280, height: 800 } });
    try {
      await page.getByRole('heading', { level: 1, name: 'Moving grinder' }).waitFor();
      const shown = await waitForTestState(page, (s) => s.viewer.productId === PRODUCT && s.viewer.view !== null && s.viewer.view.frames > 2, 'the product in the inline view');
      expect(modelBottom(shown.viewer.view!.productMatrixWorld), 'the wall product stands on the floor of the view, by its shadow').toBeCloseTo(0, 3);
      const aim = aimInTwin(scene, 'body', shown.viewer.view!);
      await page.mouse.click(aim.x, aim.y);
      const card = page.getByRole('dialog', { name: 'Body' });
      await card.waitFor();
      expect(await card.innerText()).toMatch(/IMP-GR-BODY/);
      await screenshot(page, 'studio-imported-part-card-en-desktop');
    } finally {
      await context.close();
    }
    const phone = await openPage(e2e.browser, `${e2e.server.url}/products/${PRODUCT}`, { viewport: { width: 390, height: 844 } });
    try {
      await phone.page.getByLabel('Language').selectOption('es');
      await phone.page.getByRole('heading', { level: 1, name: 'Moving grinder (es)' }).waitFor();
      await phone.page.getByText('Piezas', { exact: true }).click();
      await phone.page.getByRole('button', { name: 'Body (es)' }).click();
      await phone.page.getByRole('dialog', { name: 'Body (es)' }).waitFor();
      expect(await seriousViolations(phone.page)).toEqual([]);
      await screenshot(phone.page, 'studio-imported-part-card-es-390');
    } finally {
      await phone.context.close();
    }
  }, 120_000);
});
