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
    destroy() {
      store.getState().anchor?.delete();
    },
  };
}

export type PlacementStore = ReturnType<typeof createPlacementStore>;
