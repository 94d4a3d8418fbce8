// The developer XR emulator (Meta's IWER: a Quest 3 in a synthetic room, with its on-screen controls), loaded lazily.
// It replaces navigator.xr even where the browser has its own (every Chromium, Chrome and Edge does, without hardware).

import type { EmulatorOutcome } from './emulator-install.ts';

export type { EmulatorOutcome };

let installing: Promise<EmulatorOutcome> | null = null;

/** The emulator is opt-in (`?emulate=1`, see ar-support.ts) on localhost only. */
export function emulatorAllowedHere(): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(window.location.hostname);
}

/** Installs the emulator once per page; later calls get the same outcome. */
export function installEmulator(): Promise<EmulatorOutcome> {
  if (!emulatorAllowedHere()) return Promise.resolve({ ok: false, reason: 'not-localhost' });
  if (typeof WebGL2RenderingContext === 'undefined') return Promise.resolve({ ok: false, reason: 'no-webgl2' });
  installing ??= import('./emulator-install.ts').then(
    ({ installRuntime }) => installRuntime(),
    (error: unknown) => ({ ok: false, reason: 'failed', message: error instanceof Error ? error.message : String(error) }) as const,
  );
  return installing;
}
