// Browser helpers for Studio's guide editor: fields by the path the editor gives them, the "saved" state, a step's words
// in both languages, and a click on a part where the editor's 3D view shows it (projected from the view's own camera).
import type { Page } from 'playwright-core';
import type { Object3D } from 'three';
import type { TestState } from '../../client/src/test-hook.ts';
import { waitForTestState } from './browser.ts';
import { modelPath } from './asset-paths.ts';
import { aimInTwin, loadProductScene } from './twin-aim.ts';

export const editorField = (page: Page, path: string) => page.locator(`#gf-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`);

export async function fillFields(page: Page, values: Record<string, string>): Promise<void> {
  for (const [path, value] of Object.entries(values)) await editorField(page, path).fill(value);
}

export async function waitSaved(page: Page): Promise<void> {
  await page.getByTestId('guide-save-status').filter({ hasText: /^Saved|^Guardado/ }).waitFor();
}

export async function writeStepWords(page: Page, index: number, en: string, es: string): Promise<void> {
  await fillFields(page, { [`steps.${index}.title.en`]: en, [`steps.${index}.title.es`]: es, [`steps.${index}.text.en`]: `${en}, then go on.`, [`steps.${index}.text.es`]: `${es} y sigue.` });
}

const scenes = new Map<string, Promise<Object3D>>();

type EditorView = NonNullable<TestState['studio']['productView']>;

/**
 * The editor's 3D view once drawn, saved and where it will stay: the page settles as a save returns (the issue list
 * redrawn, the scroll anchored again), so a click aimed from an earlier read of its place would land beside the part.
 */
export async function settledEditorView(page: Page): Promise<EditorView> {
  let last = '';
  for (;;) {
    await waitSaved(page);
    const state = await waitForTestState(page, (s) => s.studio.productView !== null && s.studio.productView.frames > 2 && s.studio.productView.canvas.width > 0, 'the product in the editor view');
    const view = state.studio.productView!;
    const place = JSON.stringify([view.canvas, view.cameraMatrixWorld, view.projectionMatrix]);
    if (place === last) return view;
    last = place;
    await page.waitForTimeout(300);
  }
}

/**
 * Clicks `partId` where the editor's 3D view shows it; waits until the editor says it was added. `product` is a demo
 * product's id or the scene of the product's model.
 */
export async function clickPartInEditor(page: Page, product: string | Object3D, partId: string, stepNumber: number): Promise<void> {
  if (typeof product === 'string' && !scenes.has(product)) scenes.set(product, loadProductScene(modelPath(product)));
  const scene = typeof product === 'string' ? await scenes.get(product)! : product;
  const aim = aimInTwin(scene, partId, await settledEditorView(page));
  await page.mouse.click(aim.x, aim.y);
  await page.getByTestId('guide-part-said').filter({ hasText: `added to step ${stepNumber}` }).waitFor();
}
