// Drives the system Chromium with playwright-core; installs Meta's IWER emulator (a Quest 3 in a synthetic room).
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { TestState } from '../../client/src/test-hook.ts';

const require = createRequire(import.meta.url);

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const ARTIFACTS_DIR = path.resolve('tests/artifacts');

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
];

export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: FLAGS });
}

export type Room = 'office_small' | 'living_room' | 'meeting_room' | 'music_room' | 'office_large';

/**
 * Headset realism: a Quest or Android XR headset shows no page DOM during an immersive session, and IWER's Quest 3 grants
 * no `dom-overlay`; so while such a session runs the page is made inert (no clicks, no focus, out of the accessibility
 * tree) and every action must go through the emulated controller or hand on the 3D UI. A session that was granted a DOM
 * overlay leaves the page alone.
 */
const INERT_WITHOUT_DOM_OVERLAY = `;(() => {
  const wrap = (xr) => {
    const request = xr.requestSession.bind(xr);
    xr.requestSession = async (mode, ...rest) => {
      const session = await request(mode, ...rest);
      if (mode !== 'inline' && !session.domOverlayState) {
        document.body.inert = true;
        session.addEventListener('end', () => { document.body.inert = false; });
      }
      return session;
    };
  };
  const timer = setInterval(() => { if (navigator.xr) { wrap(navigator.xr); clearInterval(timer); } }, 0);
})();`;

function iwerInitScript(room: Room): string {
  const iwer = fs.readFileSync(require.resolve('iwer/build/iwer.min.js'), 'utf8');
  const sem = fs.readFileSync(require.resolve('@iwer/sem/build/iwer-sem.min.js'), 'utf8');
  const roomJson = fs.readFileSync(require.resolve(`@iwer/sem/captures/${room}.json`), 'utf8');
  return `${iwer}\n${sem}\n;(() => {
    const device = new IWER.XRDevice(IWER.metaQuest3);
    device.primaryInputMode = 'controller';
    device.installRuntime({ forceInstall: true });
    device.installSEM(IWER_SEM.SyntheticEnvironmentModule);
    device.sem.loadEnvironment(${roomJson});
    window.__iwerDevice = device;
  })();`;
}

export interface PageOptions {
  /** Install the emulated XR device before the page loads. @default false */
  xr?: boolean;
  room?: Room;
  locale?: string;
  viewport?: { width: number; height: number };
}

export async function openPage(browser: Browser, url: string, options: PageOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1000, height: 760 },
    locale: options.locale ?? 'en-US',
    permissions: ['microphone', 'camera'],
  });
  if (options.xr) await context.addInitScript({ content: iwerInitScript(options.room ?? 'office_small') });
  if (options.xr) await context.addInitScript({ content: INERT_WITHOUT_DOM_OVERLAY });
  const page = await context.newPage();
  page.on('pageerror', (error) => console.error(`[page error] ${error.message}`));
  await page.goto(url);
  return { context, page };
}

/** The app's read-only test state (window.__xrAssist). */
export function readTestState(page: Page): Promise<TestState> {
  return page.evaluate(() => (window as unknown as { __xrAssist: TestState }).__xrAssist);
}

export async function waitForTestState(page: Page, predicate: (state: TestState) => boolean, what: string, timeoutMs = 30_000): Promise<TestState> {
  const deadline = Date.now() + timeoutMs;
  let last: TestState | undefined;
  while (Date.now() < deadline) {
    last = await readTestState(page);
    if (last && predicate(last)) return last;
    await page.waitForTimeout(100);
  }
  throw new Error(`Timed out waiting for ${what}; last state: ${JSON.stringify(last, null, 1).slice(0, 2000)}`);
}

type Vec3 = [number, number, number];
type Quat = [number, number, number, number];

/** Moves the emulated headset (position in metres, orientation as a quaternion). */
export async function setHeadPose(page: Page, position: Vec3, quaternion: Quat): Promise<void> {
  await page.evaluate(
    ([p, q]) => {
      const device = (window as unknown as { __iwerDevice: { position: { set(x: number, y: number, z: number): void }; quaternion: { set(x: number, y: number, z: number, w: number): void } } }).__iwerDevice;
      device.position.set(p[0], p[1], p[2]);
      device.quaternion.set(q[0], q[1], q[2], q[3]);
    },
    [position, quaternion] as const,
  );
}

/** Moves the emulated controller (world position in metres, orientation as a quaternion). */
export async function setControllerPose(page: Page, hand: 'left' | 'right', position: Vec3, quaternion: Quat): Promise<void> {
  await page.evaluate(
    ([h, p, q]) => {
      type Pose = { position: { set(x: number, y: number, z: number): void }; quaternion: { set(x: number, y: number, z: number, w: number): void } };
      const controller = (window as unknown as { __iwerDevice: { controllers: Record<string, Pose> } }).__iwerDevice.controllers[h];
      controller?.position.set(p[0], p[1], p[2]);
      controller?.quaternion.set(q[0], q[1], q[2], q[3]);
    },
    [hand, position, quaternion] as const,
  );
}

/** Opens the app's sign-in form and signs in as a demo user; the app then goes to `next`. */
export async function signInThroughUi(page: Page, baseUrl: string, email: string, next: string): Promise<void> {
  await page.goto(`${baseUrl}/sign-in?next=${encodeURIComponent(next)}`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill('demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === next.split('?')[0]);
}

/** A quaternion that pitches the head down by `degrees` (looking at the floor ahead). */
export function pitchDown(degrees: number): Quat {
  return yawPitch(0, degrees);
}

/** Turns the head by `yawDegrees` around the vertical (left is positive), then pitches it down by `pitchDegrees`. */
export function yawPitch(yawDegrees: number, pitchDegrees: number): Quat {
  const y = (yawDegrees * Math.PI) / 360;
  const p = (-pitchDegrees * Math.PI) / 360;
  const [sy, cy, sp, cp] = [Math.sin(y), Math.cos(y), Math.sin(p), Math.cos(p)];
  return [cy * sp, sy * cp, -sy * sp, cy * cp];
}

/** Sets how far a controller's trigger is pulled (0 to 1); the emulator applies it at the next frame's start. */
function setTrigger(page: Page, hand: 'left' | 'right', value: number): Promise<void> {
  return page.evaluate(
    ([h, v]) => {
      const device = (window as unknown as { __iwerDevice: { controllers: Record<string, { updateButtonValue(id: string, value: number): void }> } }).__iwerDevice;
      device.controllers[h]?.updateButtonValue('trigger', v);
    },
    [hand, value] as const,
  );
}

/** Presses and releases a controller's trigger, which the app sees as selectstart / selectend / select. */
export async function pressTrigger(page: Page, hand: 'left' | 'right' = 'right', holdMs = 150): Promise<void> {
  await setTrigger(page, hand, 1);
  await page.waitForTimeout(holdMs);
  await setTrigger(page, hand, 0);
  await page.waitForTimeout(100);
}

/** Waits until the XR session has drawn `frames` more frames, and returns the state then. */
export async function settle(page: Page, frames = 5): Promise<TestState> {
  const start = (await readTestState(page)).ar.frames;
  return waitForTestState(page, (s) => s.ar.frames >= start + frames, `${frames} more XR frames`);
}

/**
 * Turns the head until the app's reticle is on the open floor of the emulated room (not a desk), then taps to place the
 * product there. A placement that still lands off the floor is taken up again with `move` (the app's Move button, pressed
 * as the page offers it), and the search goes on. `anchored: false` is for a device without anchors.
 */
export async function placeOnOpenFloor(page: Page, options: { tolerance?: number; move?: (page: Page) => Promise<unknown>; anchored?: boolean } = {}): Promise<TestState> {
  const tolerance = options.tolerance ?? 0.1;
  const anchored = options.anchored ?? true;
  for (const yaw of [0, 45, -45, 90, -90, 135, -135, 180]) {
    for (const pitch of [55, 45, 65]) {
      await setHeadPose(page, [0, 1.6, 0], yawPitch(yaw, pitch));
      const seen = await settle(page, 5);
      const reticle = seen.ar.reticlePosition;
      if (!seen.ar.reticleVisible || seen.ar.reticleSurface !== 'floor' || !reticle || Math.abs(reticle[1]) > tolerance) continue;
      await tapTrigger(page, 'right');
      const placed = await waitForTestState(page, (s) => s.ar.placed && s.ar.anchored === anchored, anchored ? 'the product to be placed under an anchor' : 'the product to be placed');
      if (Math.abs(placed.ar.productMatrixWorld?.[13] ?? 1) < tolerance) return placed;
      if (options.move) await options.move(page);
    }
  }
  throw new Error('the reticle never reached the open floor of the emulated room');
}

/**
 * Presses the trigger for exactly one XR frame, as a quick tap. The emulator applies button changes at frame starts, so a
 * fixed hold time would be several frames on a slow software renderer and read as a long press (a drag), not a tap.
 * `stallMs` blocks the page's main thread that long between the press and the release, as one stalled frame would.
 */
export async function tapTrigger(page: Page, hand: 'left' | 'right' = 'right', stallMs = 0): Promise<void> {
  await page.evaluate(
    async ([h, stall]) => {
      type Controller = { updateButtonValue(id: string, value: number): void; inputSource: { gamepad: { buttons: Array<{ pressed: boolean }> } } };
      const controller = (window as unknown as { __iwerDevice: { controllers: Record<string, Controller> } }).__iwerDevice.controllers[h];
      if (!controller) throw new Error(`no ${h} controller`);
      controller.updateButtonValue('trigger', 1);
      const deadline = performance.now() + 10_000;
      while (!controller.inputSource.gamepad.buttons[0]?.pressed && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 2));
      const stalledUntil = performance.now() + stall;
      while (performance.now() < stalledUntil);
      controller.updateButtonValue('trigger', 0);
    },
    [hand, stallMs] as const,
  );
}

/** Holds the trigger down (one long press, as the app sees it) while `whileHeld` runs, then lets it go. */
export async function holdTrigger(page: Page, hand: 'left' | 'right', whileHeld: () => Promise<unknown>): Promise<void> {
  await setTrigger(page, hand, 1);
  try {
    await whileHeld();
  } finally {
    await setTrigger(page, hand, 0);
  }
}

export async function screenshot(page: Page, name: string): Promise<Buffer> {
  fs.mkdirSync(ARTIFACTS_DIR, { recursive: true });
  return page.screenshot({ path: path.join(ARTIFACTS_DIR, `${name}.png`) });
}

export interface PixelCount {
  total: number;
  /** Pixels that are opaque and differ from the background colour by more than a small tolerance. */
  drawn: number;
}

/** Counts pixels of a WebGL canvas that show something other than its clear colour (the canvas keeps its buffer). */
export function countDrawnPixels(page: Page, canvasSelector: string, background: [number, number, number] | null): Promise<PixelCount> {
  return page.evaluate(
    async ([selector, bg]) => {
      const canvas = document.querySelector(selector) as HTMLCanvasElement | null;
      if (!canvas) return { total: 0, drawn: 0 };
      const image = new Image();
      image.src = canvas.toDataURL('image/png');
      await image.decode();
      const scratch = document.createElement('canvas');
      scratch.width = image.width;
      scratch.height = image.height;
      const context = scratch.getContext('2d');
      if (!context) return { total: 0, drawn: 0 };
      context.drawImage(image, 0, 0);
      const { data } = context.getImageData(0, 0, image.width, image.height);
      let drawn = 0;
      for (let i = 0; i < data.length; i += 4) {
        const alpha = data[i + 3] ?? 0;
        if (alpha < 16) continue;
        if (!bg) {
          drawn += 1;
          continue;
        }
        const diff = Math.abs((data[i] ?? 0) - bg[0]) + Math.abs((data[i + 1] ?? 0) - bg[1]) + Math.abs((data[i + 2] ?? 0) - bg[2]);
        if (diff > 30) drawn += 1;
      }
      return { total: data.length / 4, drawn };
    },
    [canvasSelector, background] as const,
  );
}
