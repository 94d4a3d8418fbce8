// State of putting a product into the room: searching for a surface, ready, placed (anchored or not), being moved.
import { createStore } from 'zustand/vanilla';
import type { Placement } from '../../../core/catalog.ts';

export type PlacementPhase = 'searching' | 'ready' | 'placed' | 'moving';

export interface PlacementState {
  phase: PlacementPhase;
  /** Turn around the vertical axis added by the user, radians. */
  yaw: number;
  anchor: XRAnchor | null;
  /** World pose used until (or instead of) an anchor. */
  position: [number, number, number] | null;
  quaternion: [number, number, number, number] | null;
  surface: Placement | null;
  error: string | null;
  /** While set (e.g. during a landmark alignment), selects neither place nor drag the product. */
  paused: boolean;
  /** A pointer is over 3D UI (a step panel): a press there is a button press, not a drag. */
  uiHover: boolean;
  /** Placed at a known pose (an alignment) and waiting for its world anchor, created in the next XR frame. */
  anchorWanted: boolean;
}

export interface WorldPose {
  position: [number, number, number];
  quaternion: [number, number, number, number];
}

export function createPlacementStore() {
  const store = createStore<PlacementState>(() => ({
    phase: 'searching',
    yaw: 0,
    anchor: null,
    position: null,
    quaternion: null,
    surface: null,
    error: null,
    paused: false,
    uiHover: false,
    anchorWanted: false,
  }));
  return {
    ...store,
    rotateBy(radians: number) {
      store.setState((state) => ({ yaw: state.yaw + radians }));
    },
    startMoving() {
      store.getState().anchor?.delete();
      store.setState({ phase: 'moving', anchor: null });
    },
    /** Puts the product at a known world pose, unturned, and anchors it there in the next XR frame. */
    placeAt(pose: WorldPose, surface: Placement) {
      store.getState().anchor?.delete();
      store.setState({ phase: 'placed', surface, yaw: 0, anchor: null, anchorWanted: true, position: pose.position, quaternion: pose.quaternion });
    },
    /** Puts the product under an existing anchor (e.g. a persistent one restored from an earlier visit). */
    placeUnder(anchor: XRAnchor, pose: WorldPose, surface: Placement) {
      const previous = store.getState().anchor;
      if (previous && previous !== anchor) previous.delete();
      store.setState({ phase: 'placed', surface, yaw: 0, anchor, anchorWanted: false, position: pose.position, quaternion: pose.quaternion });
    },
    setPaused(paused: boolean) {
      if (store.getState().paused !== paused) store.setState({ paused });
    },
    setUiHover(uiHover: boolean) {
      if (store.getState().uiHover !== uiHover) store.setState({ uiHover });
    },
    destroy() {
      store.getState().anchor?.delete();
    },
  };
}

export type PlacementStore = ReturnType<typeof createPlacementStore>;
