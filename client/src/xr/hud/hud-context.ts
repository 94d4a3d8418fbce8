// The headset HUD of the AR view, for what pages put in it: its store, the placement, and leaving AR.
import { createContext, useContext, useEffect } from 'react';
import type { PlacementStore } from '../placement-store.ts';
import type { HudStore, HudTrayGroup } from './hud-store.ts';

export interface HudContextValue {
  hud: HudStore;
  placement: PlacementStore;
  leave: () => void;
}

export const HudContext = createContext<HudContextValue | null>(null);

export function useHud(): HudContextValue {
  const value = useContext(HudContext);
  if (!value) throw new Error('useHud outside the AR HUD');
  return value;
}

/** Adds `group`'s buttons to the tray while the calling component is mounted (null: none now). */
export function useHudTray(owner: string, group: HudTrayGroup | null): void {
  const { hud } = useHud();
  useEffect(() => {
    hud.setTray(owner, group);
  }, [hud, owner, group]);
  useEffect(() => () => hud.setTray(owner, null), [hud, owner]);
}
