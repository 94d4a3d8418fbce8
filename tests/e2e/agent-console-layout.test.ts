// The agent console built around the twin: a technician in emulated AR (IWER Quest 3) on the brake-pad guide asks for
// help; at 1280×800 the agent's twin is the largest thing on the page, framed on the product and the technician; the
// fit and requester's-view keys change the view (not while typing); a click on the product's centre places an arrow the
// technician receives; the side tabs move by keyboard; the call state is in view; axe finds nothing serious; and after
// the agent reloads, the restored tab shows where they asked for help and their history. Screenshots in en and es.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { Box3, Matrix4, PerspectiveCamera, Vector3 } from 'three';
import { openPage, placeOnOpenFloor, readTestState, screenshot, setHeadPose, signInThroughUi, waitForTestState } from '../support/browser.ts';
import type { TestState } from '../../client/src/test-hook.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { pressHud } from '../support/hud-e2e.ts';
import { seriousViolations } from '../support/axe.ts';
import { modelPath } from '../support/asset-paths.ts';
import { loadProductScene } from '../support/twin-aim.ts';
import { endedSession } from '../support/test-server.ts';

const e2e = useServerAndBrowser();
const GUIDE = 'wheel-corner-brake-pads';
let base: string;

beforeAll(async () => {
  base = e2e.server.url.replace('127.0.0.1', 'localhost');
});

type Twin = NonNullable<TestState['assist']['twin']>;

/** The page pixel where the product's bounding-box centre shows in the twin. */
function productCentreOnScreen(productBox: Box3, twin: Twin): { x: number; y: number } {
  const centre = productBox.getCenter(new Vector3()).applyMatrix4(new Matrix4().fromArray(twin.productMatrixWorld));
  const camera = new PerspectiveCamera();
  camera.matrixWorld.fromArray(twin.cameraMatrixWorld);
  camera.matrixWorldInverse.copy(camera.matrixWorld).invert();
  camera.projectionMatrix.fromArray(twin.projectionMatrix);
  const ndc = centre.project(camera);
  return { x: twin.canvas.left + ((ndc.x + 1) / 2) * twin.canvas.width, y: twin.canvas.top + ((1 - ndc.y) / 2) * twin.canvas.height };
}

/** The on-screen area of the twin canvas and of the largest element that neither holds it nor is inside it. */
function areas(page: Page): Promise<{ twin: number; largestOther: number; other: string }> {
  return page.evaluate(() => {
    const canvas = document.querySelector('.twin-view canvas');
    const visible = (element: Element) => {
      const rect = element.getBoundingClientRect();
      const width = Math.max(0, Math.min(rect.right, innerWidth) - Math.max(rect.left, 0));
      const height = Math.max(0, Math.min(rect.bottom, innerHeight) - Math.max(rect.top, 0));
      return width * height;
    };
    let largestOther = 0;
    let other = '';
    for (const element of document.querySelectorAll('body *')) {
      if (!canvas || element.contains(canvas) || canvas.contains(element) || element.closest('.twin-view')) continue;
      const area = visible(element);
      if (area > largestOther) [largestOther, other] = [area, `${element.tagName.toLowerCase()}.${element.className}`];
    }
    return { twin: canvas ? visible(canvas) : 0, largestOther, other };
  });
}

const unfocus = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
const twinPixels = (page: Page) => page.locator('.twin-view canvas').screenshot();

describe('the agent console around the twin', () => {
  it('twin largest and framed, fit and requester’s-view keys, click the centre to annotate, keyboard tabs, restored tab with context and history', { timeout: 360_000 }, async () => {
    await endedSession(e2e.server, 'tech@demo.local', 'wheel-corner');
    const productBox = new Box3().setFromObject(await loadProductScene(modelPath('wheel-corner')));
    const tech = await openPage(e2e.browser, `${base}/`, { xr: true, viewport: { width: 480, height: 400 } });
    const agent = await openPage(e2e.browser, `${base}/`, { viewport: { width: 1280, height: 800 } });
    const a = tech.page;
    const b = agent.page;
    try {
      await signInThroughUi(b, base, 'agent@demo.local', '/agent');
      await b.getByTestId('call-state').getByText('Waiting for a request').waitFor();
      await signInThroughUi(a, base, 'tech@demo.local', `/assist/wheel-corner?guide=${GUIDE}`);
      await waitForTestState(a, (s) => s.guide.stepId === 'prepare-vehicle', 'the first step of the guide');
      await setHeadPose(a, [0, 1.6, 0], [0, 0, 0, 1]);
      await a.getByTestId('enter-ar').click();
      await waitForTestState(a, (s) => s.ar.sessionActive && s.ar.hud?.tray !== null, 'the AR session with its HUD');
      await placeOnOpenFloor(a);
      await setHeadPose(a, [0.3, 1.6, 0.4], [0, 0, 0, 1]);
      await pressHud(a, 'assist:help', (s) => s.assist.help?.phase === 'waiting' && s.ar.hud?.sheet === 'help');

      await b.getByRole('button', { name: 'Accept Tomás Technician' }).click();
      await b.getByTestId('call-state').getByText('Connected with Tomás Technician').waitFor();
      const placed = (await readTestState(a)).ar.productMatrixWorld!;
      const at = (m: number[]) => new Vector3().setFromMatrixPosition(new Matrix4().fromArray(m));
      const framed = await waitForTestState(b, (s) => s.assist.twin !== null && s.assist.twin.head !== null && at(s.assist.twin.productMatrixWorld).distanceTo(at(placed)) < 0.01 && s.assist.twin.frames > 20, 'the twin framed on the product and the technician');
      await b.getByText('asked for help at “Make the car safe”').waitFor();
      await b.getByText('1 earlier session').waitFor();

      const size = await areas(b);
      expect(size.twin, `twin ${size.twin} px² vs ${size.other} ${size.largestOther} px²`).toBeGreaterThan(size.largestOther);
      expect(size.twin).toBeGreaterThan(1280 * 800 * 0.25);
      const twin = framed.assist.twin!;
      const project = (point: Vector3) => {
        const camera = new PerspectiveCamera();
        camera.matrixWorld.fromArray(twin.cameraMatrixWorld);
        camera.matrixWorldInverse.copy(camera.matrixWorld).invert();
        camera.projectionMatrix.fromArray(twin.projectionMatrix);
        return point.clone().project(camera);
      };
      for (const ndc of [project(at(placed)), project(new Vector3(...twin.head!.position))]) {
        expect(Math.abs(ndc.x)).toBeLessThan(1);
        expect(Math.abs(ndc.y)).toBeLessThan(1);
      }
      await screenshot(b, 'agent-console-1280-en');
      expect(await seriousViolations(b)).toEqual([]);

      const box = (await b.locator('.twin-view canvas').boundingBox())!;
      await b.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
      await b.mouse.down();
      await b.mouse.move(box.x + box.width * 0.8, box.y + box.height * 0.45, { steps: 8 });
      await b.mouse.up();
      const orbited = await twinPixels(b);
      const orbitedCamera = (await readTestState(b)).assist.twin!.cameraMatrixWorld;
      expect(at(orbitedCamera).distanceTo(at(twin.cameraMatrixWorld))).toBeGreaterThan(0.05);

      await b.getByRole('textbox', { name: /message/i }).first().fill('');
      await b.getByRole('textbox', { name: /message/i }).first().pressSequentially('fv');
      await new Promise((resolve) => setTimeout(resolve, 300));
      const typed = (await readTestState(b)).assist.twin!;
      expect(typed.snapped).toBe(false);
      expect(at(typed.cameraMatrixWorld).distanceTo(at(orbitedCamera))).toBeLessThan(1e-6);

      await unfocus(b);
      await b.keyboard.press('f');
      const refit = await waitForTestState(b, (s) => s.assist.twin !== null && at(s.assist.twin.cameraMatrixWorld).distanceTo(at(orbitedCamera)) > 0.05, 'the fit key to frame the view again');
      expect(at(refit.assist.twin!.cameraMatrixWorld).distanceTo(at(twin.cameraMatrixWorld))).toBeLessThan(0.05);
      await waitForTestState(b, (s) => (s.assist.twin?.frames ?? 0) > refit.assist.twin!.frames + 3, 'the fitted view to render');
      expect((await twinPixels(b)).equals(orbited)).toBe(false);

      const fitted = await twinPixels(b);
      await b.keyboard.press('v');
      const snapped = await waitForTestState(b, (s) => s.assist.twin?.snapped === true && s.assist.twin.head !== null && at(s.assist.twin.cameraMatrixWorld).distanceTo(new Vector3(...s.assist.twin.head.position)) < 0.02, 'the requester’s view');
      await waitForTestState(b, (s) => (s.assist.twin?.frames ?? 0) > snapped.assist.twin!.frames + 3, 'the requester’s view to render');
      expect((await twinPixels(b)).equals(fitted)).toBe(false);
      await expect.poll(() => b.getByRole('button', { name: /Requester's view/ }).getAttribute('aria-pressed')).toBe('true');
      await b.keyboard.press('f');
      await waitForTestState(b, (s) => s.assist.twin?.snapped === false, 'fit to leave the requester’s view');

      await b.getByRole('radio', { name: 'Arrow' }).check();
      await unfocus(b);
      await b.keyboard.press('f');
      const ready = await waitForTestState(b, (s) => s.assist.twin?.snapped === false && at(s.assist.twin.cameraMatrixWorld).distanceTo(at(twin.cameraMatrixWorld)) < 0.05, 'the fitted view');
      await waitForTestState(b, (s) => (s.assist.twin?.frames ?? 0) > ready.assist.twin!.frames + 3, 'the fitted view to render');
      const centre = productCentreOnScreen(productBox, (await readTestState(b)).assist.twin!);
      await b.mouse.click(centre.x, centre.y);
      await b.getByRole('heading', { name: '1 annotation' }).waitFor();
      const received = await waitForTestState(a, (s) => (s.assist.scenes.ar?.items.length ?? 0) === 1, 'the arrow in the technician’s AR view');
      expect(received.assist.scenes.ar!.items[0]!.kind).toBe('arrow');

      const steps = b.getByRole('tab', { name: 'Guide steps' });
      await expect.poll(() => steps.getAttribute('aria-selected')).toBe('true');
      await steps.focus();
      await b.keyboard.press('ArrowRight');
      const parts = b.getByRole('tab', { name: 'Parts' });
      await expect.poll(() => parts.getAttribute('aria-selected')).toBe('true');
      expect(await b.evaluate(() => document.activeElement?.textContent)).toBe('Parts');
      const firstPart = b.getByRole('tabpanel', { name: 'Parts' }).getByRole('listitem').first();
      const firstName = firstPart.locator('span').first();
      expect((await firstName.textContent())?.trim().length).toBeGreaterThan(2);
      await expect.poll(() => firstName.isVisible()).toBe(true);
      const nameBox = (await firstName.boundingBox())!;
      const topmost = await b.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.textContent ?? '', [nameBox.x + 4, nameBox.y + nameBox.height / 2]);
      expect(topmost.trim()).toBe((await firstName.textContent())!.trim());
      await b.keyboard.press('End');
      await expect.poll(() => b.getByRole('tab', { name: 'Cart' }).getAttribute('aria-selected')).toBe('true');
      await b.keyboard.press('Home');
      await expect.poll(() => steps.getAttribute('aria-selected')).toBe('true');
      await unfocus(b);
      await b.keyboard.press('2');
      await expect.poll(() => parts.getAttribute('aria-selected')).toBe('true');
      await b.keyboard.press('?');
      await b.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
      expect(await seriousViolations(b)).toEqual([]);
      await b.keyboard.press('Escape');
      await b.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor({ state: 'hidden' });

      await b.reload();
      await b.getByRole('tab', { name: /Tomás Technician/ }).waitFor();
      await b.getByText('asked for help at “Make the car safe”').waitFor();
      await b.getByText('1 earlier session').waitFor();
      await b.getByTestId('call-state').getByText('Connected with Tomás Technician').waitFor();
      await waitForTestState(b, (s) => s.assist.twin !== null && s.assist.twin.frames > 10, 'the restored twin');
      await screenshot(b, 'agent-console-restored-1280-en');
      await b.setViewportSize({ width: 390, height: 844 });
      await screenshot(b, 'agent-console-390-en');
      expect(await seriousViolations(b)).toEqual([]);
      await b.locator('.app-header select').selectOption('es');
      await b.getByText('pidió ayuda en «Prepara el vehículo»').or(b.getByText(/pidió ayuda en «/)).first().waitFor();
      await b.getByTestId('call-state').getByText('Conectado con Tomás Technician').waitFor();
      await screenshot(b, 'agent-console-390-es');
      await b.setViewportSize({ width: 1280, height: 800 });
      await screenshot(b, 'agent-console-1280-es');
      expect(await seriousViolations(b)).toEqual([]);
    } finally {
      await tech.context.close();
      await agent.context.close();
    }
  });
});
