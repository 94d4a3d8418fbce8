// The headset HUD of the AR view, for what pages put in it: its store, the placement, and leaving AR.
import { createContext, useContext, useEffect } from 'react';
import type { HudStore, HudTrayGroup } from './hud-store.ts';

/** What the HUD reads of the AR view's placement and does with it (the placement store has this shape). */
export interface HudPlacement {
  getState(): { phase: 'searching' | 'ready' | 'placed' | 'moving'; paused: boolean };
  subscribe(listener: (state: { phase: 'searching' | 'ready' | 'placed' | 'moving'; paused: boolean }) => void): () => void;
  rotateBy(radians: number): void;
  startMoving(): void;
  /** A pointer is over HUD panels: a press there is a button, never a placement or a drag. */
  setUiHover(over: boolean): void;
}

export interface HudContextValue {
  hud: HudStore;
  placement: HudPlacement;
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
