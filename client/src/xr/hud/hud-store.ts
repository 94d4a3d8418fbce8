// What the headset HUD shows: the tray's buttons (the AR view's own and those pages add) and the one sheet open.
import { createStore } from 'zustand/vanilla';
import type { PanelButton } from '../../three/panel-layout.ts';

/** Buttons a page adds to the tray, and what pressing one of them does. */
export interface HudTrayGroup {
  buttons: PanelButton[];
  /** Short words shown on the tray above the buttons (a finished alignment, a connection problem). */
  notes?: ReadonlyArray<{ text: string; tone: 'info' | 'warn' }>;
  onPress: (id: string) => void;
}

export interface HudState {
  /** The sheet shown above the tray (help, proposal, part card, order…); one at a time. */
  sheet: string | null;
  groups: ReadonlyArray<{ owner: string; group: HudTrayGroup }>;
}

export function createHudStore() {
  const store = createStore<HudState>(() => ({ sheet: null, groups: [] }));
  return {
    getState: store.getState,
    subscribe: store.subscribe,
    open(sheet: string) {
      store.setState({ sheet });
    },
    toggle(sheet: string) {
      store.setState((state) => ({ sheet: state.sheet === sheet ? null : sheet }));
    },
    /** Closes `sheet` if it is the one open (any sheet when omitted). */
    close(sheet?: string) {
      if (sheet === undefined || store.getState().sheet === sheet) store.setState({ sheet: null });
    },
    /** Sets `owner`'s tray buttons in place (keeping the tray's order), or removes them (null). */
    setTray(owner: string, group: HudTrayGroup | null) {
      const groups = store.getState().groups;
      const at = groups.findIndex((entry) => entry.owner === owner);
      if (!group) store.setState({ groups: groups.filter((entry) => entry.owner !== owner) });
      else if (at < 0) store.setState({ groups: [...groups, { owner, group }] });
      else store.setState({ groups: groups.map((entry, index) => (index === at ? { owner, group } : entry)) });
    },
    destroy() {
      store.setState({ sheet: null, groups: [] });
    },
  };
}

export type HudStore = ReturnType<typeof createHudStore>;
