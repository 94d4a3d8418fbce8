// The developer XR emulator (Meta's IWER: a Quest 3 in a synthetic room, with its on-screen controls), loaded lazily.
// It replaces navigator.xr even where the browser has its own (every Chromium, Chrome and Edge does, without hardware).

export type EmulatorOutcome = { ok: true } | { ok: false; reason: 'not-localhost' | 'no-webgl2' | 'failed'; message?: string };

let installing: Promise<EmulatorOutcome> | null = null;

/** The emulator is opt-in on localhost only: `?emulate=1`. */
export function emulatorRequested(): boolean {
  return new URLSearchParams(window.location.search).get('emulate') === '1';
}

export function emulatorAllowedHere(): boolean {
  return ['localhost', '127.0.0.1', '[::1]'].includes(window.location.hostname);
}

async function install(): Promise<EmulatorOutcome> {
  if (!emulatorAllowedHere()) return { ok: false, reason: 'not-localhost' };
  if (typeof WebGL2RenderingContext === 'undefined') return { ok: false, reason: 'no-webgl2' };
  try {
    const [{ XRDevice, metaQuest3 }, { SyntheticEnvironmentModule }, { DevUI }] = await Promise.all([
      import('iwer'),
      import('@iwer/sem'),
      import('@iwer/devui'),
    ]);
    const device = new XRDevice(metaQuest3);
    device.primaryInputMode = 'controller';
    device.installRuntime({ forceInstall: true });
    device.installDevUI(DevUI);
    device.installSEM(SyntheticEnvironmentModule);
    // Typed as void by iwer's interface, a promise in @iwer/sem: the room must be there before the first hit test.
    await Promise.resolve(device.sem?.loadDefaultEnvironment('living_room'));
    const supported = await navigator.xr?.isSessionSupported('immersive-ar');
    return supported ? { ok: true } : { ok: false, reason: 'failed', message: 'immersive-ar is not offered' };
  } catch (error) {
    return { ok: false, reason: 'failed', message: error instanceof Error ? error.message : String(error) };
  }
}

/** Installs the emulator once per page; later calls get the same outcome. */
export function installEmulator(): Promise<EmulatorOutcome> {
  installing ??= install();
  return installing;
}
