// The XR store for immersive AR: hit-test and anchors, offline input profiles, never the store's own emulator.
import { createXRStore } from '@react-three/xr';

export interface ArStoreOptions {
  domOverlayRoot?: Element;
}

/**
 * A ray's press on a part is a click however long it lasts. The pointer's own 300 ms limit is measured between the
 * frames that carry the press and the release, so one frame stalled past it dropped the tap; ./ar-placement.tsx alone
 * decides when a press is a drag, and ./ar-experience.tsx picks no part with a press that dragged or put the product down.
 */
const rayPointer = { clickThresholdMs: Number.POSITIVE_INFINITY };

export function createArStore(options: ArStoreOptions = {}) {
  return createXRStore({
    offerSession: false,
    enterGrantedSession: false,
    // The developer emulator is installed by ./emulator.ts (forced over a browser's own navigator.xr), never by the store.
    emulate: false,
    baseAssetPath: `${window.location.origin}/assets/input-profiles/`,
    controller: { rayPointer },
    hand: { rayPointer },
    transientPointer: rayPointer,
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
