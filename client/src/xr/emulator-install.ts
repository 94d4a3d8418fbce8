// Installs Meta's IWER runtime, its synthetic room and its on-screen controls; loaded only when ?emulate=1 asks for them.
export type EmulatorOutcome = { ok: true } | { ok: false; reason: 'not-localhost' | 'no-webgl2' | 'failed'; message?: string };

/** Replaces navigator.xr with IWER's Quest 3 in its living room; the caller has checked that it may run here. */
export async function installRuntime(): Promise<EmulatorOutcome> {
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
