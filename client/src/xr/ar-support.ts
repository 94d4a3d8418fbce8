// What kind of AR this browser offers: WebXR immersive-ar, iOS Quick Look, or none (desktop and others).
import { useEffect, useState } from 'react';

function supportsQuickLook(): boolean {
  return document.createElement('a').relList.supports('ar');
}

export type ArSupport = 'checking' | 'webxr' | 'emulated' | 'quick-look' | 'none';

/** The developer emulator is opt-in on localhost only: `?emulate=1`. */
export function wantsEmulator(): boolean {
  return ['localhost', '127.0.0.1'].includes(window.location.hostname) && new URLSearchParams(window.location.search).get('emulate') === '1';
}

export function useArSupport(): ArSupport {
  const [support, setSupport] = useState<ArSupport>('checking');
  useEffect(() => {
    let cancelled = false;
    const decide = async (): Promise<ArSupport> => {
      if (navigator.xr && (await navigator.xr.isSessionSupported('immersive-ar').catch(() => false))) return 'webxr';
      if (wantsEmulator()) return 'emulated';
      if (supportsQuickLook()) return 'quick-look';
      return 'none';
    };
    void decide().then((value) => {
      if (!cancelled) setSupport(value);
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return support;
}
