// The AR view's placement store for scene content that moves the product itself (e.g. landmark alignment).
import { createContext, useContext } from 'react';
import type { PlacementStore } from './placement-store.ts';

export const PlacementContext = createContext<PlacementStore | null>(null);

export function usePlacement(): PlacementStore {
  const placement = useContext(PlacementContext);
  if (!placement) throw new Error('usePlacement must be used inside the AR view');
  return placement;
}

/** The placement store inside the AR view, null elsewhere (the inline viewer). */
export function useOptionalPlacement(): PlacementStore | null {
  return useContext(PlacementContext);
}
