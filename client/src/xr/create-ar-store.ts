// The XR store for immersive AR: hit-test and anchors, offline input profiles, never the store's own emulator.
import { createXRStore } from '@react-three/xr';

export interface ArStoreOptions {
  domOverlayRoot?: Element;
}

export function createArStore(options: ArStoreOptions = {}) {
  return createXRStore({
    offerSession: false,
    enterGrantedSession: false,
    // The developer emulator is installed by ./emulator.ts (forced over a browser's own navigator.xr), never by the store.
    emulate: false,
    baseAssetPath: `${window.location.origin}/assets/input-profiles/`,
    hitTest: true,
    anchors: true,
    domOverlay: options.domOverlayRoot ?? true,
    handTracking: true,
    planeDetection: false,
    meshDetection: false,
    layers: false,
    bodyTracking: false,
    depthSensing: false,
  });
}

export type ArStore = ReturnType<typeof createArStore>;
