// A customer browses the catalog, opens a product, and places it in an emulated room at true scale (Chromium + IWER).
import { describe, expect, it } from 'vitest';
import { Matrix4, Quaternion, Vector3 } from 'three';
import type { Page } from 'playwright-core';
import { countDrawnPixels, openPage, pitchDown, pressTrigger, readTestState, screenshot, setHeadPose, settle, waitForTestState, yawPitch } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { pressHud } from '../support/hud-e2e.ts';

const e2e = useServerAndBrowser();

/** Lets the app render a few XR frames after the device moved (software rendering makes frames slow). */
/** Turns the emulated head until the app's reticle sits on the floor itself (not a desk or a sofa); returns that point. */
async function lookAtOpenFloor(page: Page): Promise<Vector3> {
  for (const yaw of [90, -90, 135, -135, 180, 0, 45, -45]) {
    await setHeadPose(page, [0, 1.6, 0], yawPitch(yaw, 60));
    await settle(page, 10);
    const { ar } = await readTestState(page);
    if (ar.reticleVisible && ar.reticleSurface === 'floor' && ar.reticlePosition && ar.reticlePosition[1] < FLOOR_MAX_Y) {
      return new Vector3(...ar.reticlePosition);
    }
  }
  throw new Error('the reticle never reached the floor of the emulated room');
}

/** The app's AR canvas (IWER moves it into its own container during a session, above the room it draws). */
const XR_CANVAS = 'canvas[data-view="ar"]';

/** The synthetic room's floor lies at about y = 0.05 m; a desk is at 0.75 m. */
const FLOOR_MAX_Y = 0.1;

function decompose(elements: number[]) {
  const position = new Vector3();
  const quaternion = new Quaternion();
  const scale = new Vector3();
  new Matrix4().fromArray(elements).decompose(position, quaternion, scale);
  return { position, quaternion, scale };
}

describe('catalog and inline product view (no WebXR)', () => {
  it('lists the products with price and real dimensions, and shows the product in 3D within the draw-call budget', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.server.url);
    try {
      const cards = page.locator('[data-testid="product-list"] li');
      await cards.first().waitFor();
      expect(await cards.count()).toBeGreaterThanOrEqual(3);
      const firstCard = await cards.first().innerText();
      expect(firstCard).toMatch(/€/);
      expect(firstCard).toMatch(/cm/);
      const images = await page.locator('[data-testid="product-list"] img').evaluateAll((imgs) => imgs.map((img) => (img as HTMLImageElement).naturalWidth));
      await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="product-list"] img')].every((img) => (img as HTMLImageElement).complete));
      expect(images.length).toBeGreaterThanOrEqual(3);

      await page.getByRole('link', { name: /wheel corner/i }).click();
      await page.getByRole('heading', { level: 1, name: /wheel corner/i }).waitFor();
      const viewer = await waitForTestState(page, (s) => s.viewer.modelLoaded && s.viewer.frames > 20, 'the 3D model to render');
      expect(viewer.viewer.productId).toBe('wheel-corner');
      expect(viewer.viewer.drawCalls).toBeGreaterThan(0);
      expect(viewer.viewer.drawCalls).toBeLessThanOrEqual(50);

      const pixels = await countDrawnPixels(page, '[data-testid="product-canvas"] canvas', [0xee, 0xf2, 0xf7]);
      expect(pixels.drawn / pixels.total).toBeGreaterThan(0.03);
      await screenshot(page, 'inline-viewer-wheel-corner');

      const unsupported = page.getByTestId('ar-unsupported');
      await unsupported.waitFor();
      expect(await unsupported.innerText()).toMatch(/isn't available/);
      await page.getByTestId('show-qr').click();
      await page.getByTestId('qr-code').waitFor();
    } finally {
      await context.close();
    }
  });

  it('speaks Spanish when the browser does, and switches language on request', async () => {
    const { context, page } = await openPage(e2e.browser, e2e.server.url, { locale: 'es-ES' });
    try {
      await page.getByRole('heading', { level: 1, name: 'Productos' }).waitFor();
      await page.getByLabel('Idioma').selectOption('en');
      await page.getByRole('heading', { level: 1, name: 'Products' }).waitFor();
    } finally {
      await context.close();
    }
  });
});

describe('AR placement with the emulated Quest 3', () => {
  it('places the wheel corner on the floor at scale 1 under an anchor, and it stays put when the headset moves', async () => {
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/products/wheel-corner`, { xr: true });
    try {
      await setHeadPose(page, [0, 1.6, 0], [0, 0, 0, 1]);
      await page.getByTestId('enter-ar').click();
      await waitForTestState(page, (s) => s.ar.sessionActive, 'the AR session to start');
      const started = await readTestState(page);
      expect(started.ar.enabledFeatures).toEqual(expect.arrayContaining(['hit-test', 'anchors']));

      const aimed = await lookAtOpenFloor(page);
      await pressTrigger(page, 'right');
      await waitForTestState(page, (s) => s.ar.placed && s.ar.anchored, 'the product to be placed under an anchor');
      await settle(page, 5);
      const placed = await readTestState(page);

      const pose = decompose(placed.ar.productMatrixWorld!);
      expect(pose.scale.x).toBeCloseTo(1, 3);
      expect(pose.scale.y).toBeCloseTo(1, 3);
      expect(pose.scale.z).toBeCloseTo(1, 3);
      expect(pose.position.y).toBeLessThan(FLOOR_MAX_Y);
      expect(pose.position.distanceTo(aimed)).toBeLessThan(0.02);
      const up = new Vector3(0, 1, 0).applyQuaternion(pose.quaternion);
      expect(up.y).toBeGreaterThan(0.999);

      await settle(page, 3);
      const pixels = await countDrawnPixels(page, XR_CANVAS, null);
      expect(pixels.drawn).toBeGreaterThan(500);
      await screenshot(page, 'ar-wheel-corner-placed');

      await setHeadPose(page, [0.8, 1.5, 0.6], pitchDown(30));
      await settle(page, 10);
      const after = await readTestState(page);
      const moved = decompose(after.ar.productMatrixWorld!);
      expect(moved.position.distanceTo(pose.position)).toBeLessThan(0.001);
      expect(after.ar.anchored).toBe(true);

      // The page is inert in the headset: Exit AR is a button of the 3D HUD, pressed with the controller's ray.
      expect(after.ar.domOverlay).toBeNull();
      expect(await page.getByTestId('enter-ar').click({ timeout: 1000 }).then(() => 'clicked', () => 'refused')).toBe('refused');
      await pressHud(page, 'ar:leave', (s) => !s.ar.sessionActive);
      await page.getByTestId('enter-ar').waitFor();
    } finally {
      await context.close();
    }
  });
});
