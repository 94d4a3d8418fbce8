// The XR store for immersive AR: hit-test and anchors, offline input profiles, no built-in emulator in production.
import { createXRStore } from '@react-three/xr';

export interface ArStoreOptions {
  domOverlayRoot?: Element;
  /** Inject the IWER emulator (a developer on a desktop browser, `?emulate=1` on localhost). @default false */
  emulate?: boolean;
}

export function createArStore(options: ArStoreOptions = {}) {
  return createXRStore({
    offerSession: false,
    enterGrantedSession: false,
    emulate: options.emulate ? { type: 'metaQuest3', inject: true, syntheticEnvironment: 'living_room' } : false,
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
