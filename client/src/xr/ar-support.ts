// What kind of AR this browser offers: WebXR immersive-ar, the developer emulator, iOS Quick Look, or none.
import { useEffect, useState } from 'react';
import type { EmulatorOutcome } from './emulator.ts';

/** The developer emulator is asked for with `?emulate=1`; its code loads only then. */
export function emulatorRequested(): boolean {
  return new URLSearchParams(window.location.search).get('emulate') === '1';
}

function supportsQuickLook(): boolean {
  return document.createElement('a').relList.supports('ar');
}

export type ArSupport = 'checking' | 'webxr' | 'emulated' | 'quick-look' | 'none';

/** Why `?emulate=1` gave no emulator (null when it was not asked for or it runs). */
export type EmulatorProblem = Exclude<EmulatorOutcome, { ok: true }> | null;

export interface ArAvailability {
  support: ArSupport;
  emulatorProblem: EmulatorProblem;
}

async function decide(): Promise<ArAvailability> {
  let emulatorProblem: EmulatorProblem = null;
  if (emulatorRequested()) {
    const { installEmulator } = await import('./emulator.ts');
    const outcome = await installEmulator();
    if (outcome.ok) return { support: 'emulated', emulatorProblem };
    emulatorProblem = outcome;
  }
  if (navigator.xr && (await navigator.xr.isSessionSupported('immersive-ar').catch(() => false))) return { support: 'webxr', emulatorProblem };
  return { support: supportsQuickLook() ? 'quick-look' : 'none', emulatorProblem };
}

export function useArSupport(): ArAvailability {
  const [availability, setAvailability] = useState<ArAvailability>({ support: 'checking', emulatorProblem: null });
  useEffect(() => {
    let cancelled = false;
    void decide().then((value) => {
      if (!cancelled) setAvailability(value);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return availability;
}
