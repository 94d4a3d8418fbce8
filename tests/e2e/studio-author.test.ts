// An author brings the STEP assembly in through Studio (parts, SKU and stock, landmarks, orientation, thumbnail) and
// publishes it; a customer finds it in the catalog, sees it at its real size inline and placed in emulated AR, picks the
// part with the SKU with the controller's ray and orders it from its 3D part card (the page's card says the same); a
// technician then aligns its twin onto an installed unit by the author's landmarks with the headset's controller.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, readTestState, screenshot, setHeadPose, settle, signInThroughUi, waitForTestState } from '../support/browser.ts';
import { seriousViolations } from '../support/axe.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { signIn } from '../support/orders-api.ts';
import { fillAddress, placeOnOpenFloor, selectPartWithRay } from '../support/orders-e2e.ts';
import { aimAtPart } from '../support/part-aim.ts';
import { pressHud } from '../support/hud-e2e.ts';
import { loadProductScene } from '../support/twin-aim.ts';
import { distanceFromItsPart, enterArWithHud, expectNear, landmarkWorldPoint, panelWords, poseOf, touchLandmarks, trayWords, unitAt } from '../support/alignment-e2e.ts';
import type { ProductDetail } from '../../core/catalog.ts';
import type { AlignmentResponse } from '../../core/asset-alignment.ts';

const e2e = useServerAndBrowser();
const STEP_SAMPLE = path.resolve('tests/fixtures/samples/as1-oc-214.stp');
const IMPORT_TIMEOUT = 180_000;
/** The assembly turned a quarter about the vertical by the author: 15 × 8.4 × 20 cm. */
const PUBLISHED_SIZE: [number, number, number] = [0.15, 0.084, 0.2];
const AR_VIEWPORT = { width: 320, height: 260 };
/** The installed assembly on the emulated room's floor, turned 60° to the right; its asset id. */
const INSTALLED_UNIT = unitAt([-0.25, 0.05, -1.0], -60);
const ASSET_ID = 'as1-bench-3';

function expectSize(actual: number[] | null, expected: number[], tolerance = 0.002) {
  expect(actual).not.toBeNull();
  actual!.forEach((side, axis) => expect(Math.abs(side - expected[axis]!), `side ${axis} of ${JSON.stringify(actual)}`).toBeLessThan(tolerance));
}

/** The tree row whose own label (not its children's) reads `name`, e.g. "plate" or the first "l-bracket". */
const treeRow = (page: Page, name: string, nth = 0) =>
  page
    .getByRole('tree', { name: 'Model tree' })
    .locator('[role="treeitem"]')
    .filter({ has: page.locator(':scope > .tree-label', { hasText: new RegExp(`^[▸▾]?${name}( part [a-z0-9-]+)? \\d+ triangles?$`) }) })
    .nth(nth);

async function makePart(page: Page, row: ReturnType<typeof treeRow>, fields: { id: string; en: string; es: string; sku?: string; price?: string; stock?: string }): Promise<string> {
  await row.locator(':scope > .tree-label').click();
  const nodeId = (await row.getAttribute('data-node-id'))!;
  await page.getByLabel('Part id').fill(fields.id);
  await page.getByLabel('Name in English', { exact: true }).first().fill(fields.en);
  await page.getByLabel('Name in Spanish', { exact: true }).first().fill(fields.es);
  if (fields.sku) await page.getByLabel('SKU', { exact: true }).fill(fields.sku);
  if (fields.price) await page.getByLabel('Price (€)', { exact: true }).first().fill(fields.price);
  if (fields.stock) await page.getByLabel('Stock', { exact: true }).fill(fields.stock);
  await page.getByRole('button', { name: 'Make it a part' }).click();
  await page.locator(`[role="treeitem"][data-node-id="${nodeId}"] > .tree-label`).getByText(`part ${fields.id}`).waitFor();
  return nodeId;
}

async function placeLandmark(page: Page, nodeId: string, which: 'first' | 'last', expected: number) {
  const state = await waitForTestState(page, (s) => s.studio.ready && (s.studio.aims[nodeId]?.length ?? 0) > 0, `a line of sight to ${nodeId}`);
  const points = state.studio.aims[nodeId]!;
  const point = which === 'first' ? points[0]! : points[points.length - 1]!;
  await page.mouse.click(point.x, point.y);
  await page.getByRole('status').filter({ hasText: `landmark-${expected} placed on` }).waitFor();
  await page.getByRole('status').filter({ hasText: `${expected} landmark` }).waitFor();
}

describe('Studio: a refused upload', () => {
  it('says in words why a file was refused, in the chosen language, and offers to try again', async () => {
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`);
    try {
      await signInThroughUi(page, e2e.server.url, 'author@demo.local', '/studio');
      await page.getByRole('heading', { level: 1, name: 'Studio' }).waitFor();
      await page.getByLabel('Language').selectOption('es');
      await page.getByRole('heading', { level: 1, name: 'Estudio' }).waitFor();
      await page.locator('input[type="file"][multiple]').setInputFiles({ name: 'broken.glb', mimeType: 'model/gltf-binary', buffer: Buffer.from('this is not a model') });
      const alert = page.getByRole('alert').filter({ hasText: 'La subida fue rechazada.' });
      await alert.waitFor();
      expect(await alert.innerText()).toMatch(/broken\.glb|GLB|glTF/i);
      await alert.getByRole('button', { name: 'Volver a subir' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'studio-home-es-desktop-refused');
    } finally {
      await context.close();
    }
  });
});

describe('Studio: an author brings in the STEP assembly and a customer orders one of its parts', () => {
  it('upload → parts, SKU, landmarks, orientation → publish → catalog, real size inline and in AR → part card in AR → order → aligned by its landmarks', async () => {
    const author = await openPage(e2e.browser, `${e2e.server.url}/`);
    const page = author.page;
    let draftUrl: string;
    try {
      await signInThroughUi(page, e2e.server.url, 'author@demo.local', '/studio');
      await page.getByRole('heading', { level: 1, name: 'Studio' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'studio-home-en-desktop');

      await page.locator('input[type="file"][multiple]').setInputFiles(STEP_SAMPLE);
      await page.getByRole('heading', { level: 1, name: /^Studio: / }).waitFor({ timeout: IMPORT_TIMEOUT });
      draftUrl = page.url();
      expect(await page.getByTestId('studio-dimensions').innerText()).toBe('W 20 × H 8.4 × D 15 cm');
      const tree = page.getByRole('tree', { name: 'Model tree' });
      for (const name of ['rod-assembly', 'l-bracket-assembly', 'plate', 'nut', 'bolt', 'l-bracket']) await treeRow(page, name).waitFor();

      // The tree answers the keyboard: from the root, Down moves to the assembly and Enter selects it.
      await tree.locator('[role="treeitem"][tabindex="0"]').focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await tree.locator('[role="treeitem"][aria-selected="true"]').filter({ has: page.locator(':scope > .tree-label', { hasText: /^▾as1 / }) }).waitFor();

      // A click on the model selects the node under it in the tree too.
      const plateRow = treeRow(page, 'plate');
      const plateId = (await plateRow.getAttribute('data-node-id'))!;
      const inView = await waitForTestState(page, (s) => s.studio.ready && (s.studio.aims[plateId]?.length ?? 0) > 0, 'a line of sight to the plate');
      await page.mouse.click(inView.studio.aims[plateId]![0]!.x, inView.studio.aims[plateId]![0]!.y);
      await page.locator(`[role="treeitem"][data-node-id="${plateId}"][aria-selected="true"]`).waitFor();

      const plate = await makePart(page, plateRow, { id: 'base-plate', en: 'Base plate', es: 'Placa base', sku: 'AS1-PLATE', price: '42.50', stock: '7' });
      const bracketA = await makePart(page, treeRow(page, 'l-bracket', 0), { id: 'left-bracket', en: 'Left bracket', es: 'Escuadra izquierda' });
      const bracketB = await makePart(page, treeRow(page, 'l-bracket', 1), { id: 'right-bracket', en: 'Right bracket', es: 'Escuadra derecha' });

      await treeRow(page, 'plate').scrollIntoViewIfNeeded();
      await screenshot(page, 'studio-parts-en-desktop');
      await page.getByRole('button', { name: 'Place landmarks' }).click();
      await placeLandmark(page, plate, 'first', 1);
      await placeLandmark(page, bracketA, 'first', 2);
      await placeLandmark(page, bracketB, 'first', 3);
      await placeLandmark(page, plate, 'last', 4);
      await page.getByRole('button', { name: 'Stop placing landmarks' }).click();
      await page.getByText('4 landmarks.').waitFor();
      expect(await page.getByText('The landmarks are nearly in a line').count()).toBe(0);

      await page.getByRole('button', { name: 'Turn the front 90°' }).click();
      await page.getByTestId('studio-dimensions').filter({ hasText: 'W 15 × H 8.4 × D 20 cm' }).waitFor();

      await page.getByRole('button', { name: 'Capture from the 3D view' }).click();
      await page.getByRole('img', { name: "The product's catalog picture" }).waitFor();

      await page.getByLabel('Product id').fill('as1-assembly');
      await page.getByLabel('Product SKU').fill('AS1-ASM');
      await page.getByLabel('Name in English').last().fill('AS1 bracket assembly');
      await page.getByLabel('Name in Spanish').last().fill('Conjunto de escuadras AS1');
      await page.getByLabel('Description in English').fill('A plate with two L-brackets and a rod, bolted together.');
      await page.getByLabel('Description in Spanish').fill('Una placa con dos escuadras y una varilla, atornilladas.');
      await page.getByLabel('Price (€)').last().fill('180');
      await page.getByRole('button', { name: 'Save the details' }).click();
      await page.getByText('Everything is ready.').waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await page.evaluate(() => window.scrollTo(0, 0));
      await screenshot(page, 'studio-editor-en-desktop');

      await page.getByRole('button', { name: 'Publish to the catalog' }).click();
      await page.getByRole('link', { name: 'Open it in the catalog' }).waitFor();
    } finally {
      await author.context.close();
    }

    // The same draft on a phone, switched to Spanish (Studio's own translations follow the switch).
    const phone = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: { width: 390, height: 844 } });
    try {
      await signInThroughUi(phone.page, e2e.server.url, 'author@demo.local', new URL(draftUrl).pathname);
      await phone.page.getByRole('heading', { level: 1, name: 'Studio: AS1 bracket assembly' }).waitFor();
      await screenshot(phone.page, 'studio-editor-en-390');
      await phone.page.getByLabel('Language').selectOption('es');
      await phone.page.getByRole('heading', { level: 1, name: 'Estudio: Conjunto de escuadras AS1' }).waitFor();
      await phone.page.getByText('An 15 × Al 8,4 × Pr 20 cm').waitFor();
      await waitForTestState(phone.page, (s) => s.studio.ready, 'the draft model in the phone view');
      expect(await seriousViolations(phone.page)).toEqual([]);
      await screenshot(phone.page, 'studio-editor-es-390');
    } finally {
      await phone.context.close();
    }

    const product = (await (await fetch(`${e2e.server.url}/api/products/as1-assembly`)).json()) as ProductDetail;
    const publishedModel = Buffer.from(await (await fetch(new URL(product.modelUrl, e2e.server.url))).arrayBuffer());
    const customer = await openPage(e2e.browser, `${e2e.server.url}/`, { xr: true });
    try {
      await signInThroughUi(customer.page, e2e.server.url, 'customer@demo.local', '/');
      await customer.page.getByRole('link', { name: /AS1 bracket assembly/ }).first().click();
      await customer.page.getByRole('heading', { level: 1, name: 'AS1 bracket assembly' }).waitFor();
      const inline = await waitForTestState(customer.page, (s) => s.viewer.productId === 'as1-assembly' && s.viewer.modelSize !== null, 'the product in the inline view');
      expectSize(inline.viewer.modelSize, PUBLISHED_SIZE);

      await customer.page.setViewportSize(AR_VIEWPORT);
      await setHeadPose(customer.page, [0, 1.6, 0], [0, 0, 0, 1]);
      await customer.page.getByTestId('enter-ar').click();
      await waitForTestState(customer.page, (s) => s.ar.sessionActive, 'the AR session to start');
      const placed = await placeOnOpenFloor(customer.page);
      expectSize(placed.ar.productWorldSize, PUBLISHED_SIZE);
      placed.ar.productWorldScale!.forEach((scale) => expect(scale).toBeCloseTo(1, 3));
      // In the headset the customer picks the plate with the controller's ray and adds it from the 3D part card.
      await selectPartWithRay(customer.page, await aimAtPart(publishedModel, 'base-plate'), 'base-plate');
      const picked = await waitForTestState(customer.page, (s) => s.orders.partCard !== null, 'the part card');
      expect(picked.orders.partCard).toEqual({ partId: 'base-plate', sku: 'AS1-PLATE', stock: 7, inAr: true });
      const sheet = await waitForTestState(customer.page, (s) => s.ar.hud?.shown?.id === 'part' && s.ar.hud.shown.buttons.some((button) => button.id === 'part:add'), 'the part card sheet');
      expect(sheet.ar.hud!.shown!.texts.join(' ')).toMatch(/Base plate[\s\S]*AS1-PLATE[\s\S]*€42\.50[\s\S]*In stock \(7\)/);
      expect(sheet.ar.hud!.shown!.buttons.find((button) => button.id === 'part:add')?.label).toBe('Add 1 × Base plate — €42.50');
      await pressHud(customer.page, 'part:add', (s) => s.orders.cartCount === 1);
      await waitForTestState(customer.page, (s) => s.ar.hud?.shown?.texts.includes('Added 1 × Base plate to your cart.') ?? false, 'the added note on the sheet');
      await screenshot(customer.page, 'studio-product-part-card-ar');
      // The page is inert in the headset: the customer leaves through the 3D HUD's button, pressed with the controller.
      await pressHud(customer.page, 'ar:leave', (s) => !s.ar.sessionActive);
      await customer.page.setViewportSize({ width: 1000, height: 760 });
      // Back on the page, the plate's card is still open and says the same.
      const card = customer.page.getByRole('dialog', { name: 'Base plate' });
      await card.waitFor();
      expect(await card.innerText()).toMatch(/AS1-PLATE[\s\S]*42,50|AS1-PLATE[\s\S]*42\.50/);
      expect(await card.innerText()).toMatch(/In stock \(7\)/);
      await card.getByRole('button', { name: 'Add Base plate to cart — €42.50', exact: true }).waitFor();
      await customer.page.getByRole('link', { name: 'Cart, 1 item' }).click();
      await customer.page.getByTestId('go-checkout').click();
      await fillAddress(customer.page, { name: 'Clara Cliente', street: 'Gran Vía 1', city: 'Madrid', postalCode: '28013', country: 'Spain' });
      await customer.page.getByTestId('place-order').click();
      await customer.page.getByRole('heading', { level: 1, name: /Order XR-\d{6} is placed/ }).waitFor();
      const orderId = await customer.page.locator('[data-order-id]').getAttribute('data-order-id');
      const api = await signIn(e2e.server, 'customer@demo.local');
      const stored = await api.get<{ order: { items: Array<{ sku: string; quantity: number; unitPriceCents: number }> } }>(`/api/orders/${orderId}`);
      expect(stored.body.order.items).toEqual([expect.objectContaining({ sku: 'AS1-PLATE', quantity: 1, unitPriceCents: 4250 })]);
      expect((await readTestState(customer.page)).orders.cartCount).toBe(0);
    } finally {
      await customer.context.close();
    }

    const tech = await openPage(e2e.browser, `${e2e.server.url}/`, { xr: true, viewport: { width: 480, height: 400 } });
    try {
      expect(product.landmarks.map((landmark) => landmark.partId)).toEqual(['base-plate', 'left-bracket', 'right-bracket', 'base-plate']);
      // The published landmarks sit on their parts in the published model (the same frame, turned and centred as sold).
      const scene = await loadProductScene(publishedModel);
      for (const landmark of product.landmarks) expect(distanceFromItsPart(scene, landmark), `${landmark.id} off ${landmark.partId}`).toBeLessThan(0.001);

      await signInThroughUi(tech.page, e2e.server.url, 'tech@demo.local', `/assist/as1-assembly?asset=${ASSET_ID}`);
      await tech.page.getByRole('heading', { level: 1, name: /AS1 bracket assembly/ }).waitFor();
      await enterArWithHud(tech.page);
      const collecting = await pressHud(tech.page, 'assist:align', (s) => s.guide.alignment.phase === 'collecting');
      expect(collecting.guide.alignment.total).toBe(4);
      await waitForTestState(tech.page, (s) => panelWords(s).startsWith('Point 1 of 4'), 'the 3D panel to ask for the first landmark');
      const asked = await touchLandmarks(tech.page, (id) => landmarkWorldPoint(INSTALLED_UNIT, product.landmarks, id));
      expect(asked).toEqual(product.landmarks.map((landmark) => landmark.id));
      const solved = await waitForTestState(tech.page, (s) => s.guide.alignment.phase === 'saved' && s.ar.placed && s.ar.anchored, 'the alignment to be placed and saved');
      expectNear(solved.guide.alignment.transform!, 'solved', INSTALLED_UNIT);
      expect(solved.guide.alignment.rmsError).toBeLessThan(0.001);
      await settle(tech.page, 5);
      expectNear(poseOf((await readTestState(tech.page)).ar.productMatrixWorld!), 'the twin', INSTALLED_UNIT);
      await waitForTestState(tech.page, (s) => trayWords(s).includes(`Saved for unit ${ASSET_ID}`), 'the HUD to say the alignment is saved');
      await screenshot(tech.page, 'studio-product-aligned');
      const { body: stored } = await (await signIn(e2e.server, 'tech@demo.local')).get<AlignmentResponse>(`/api/assets/${ASSET_ID}/alignment`);
      expect(stored.alignment.productId).toBe('as1-assembly');
      expectNear(stored.alignment.transform, 'stored', INSTALLED_UNIT);
    } finally {
      await tech.context.close();
    }
  }, 600_000);
});
