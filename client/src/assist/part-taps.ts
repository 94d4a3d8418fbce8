// What a tap on a part of the product does on the assist page: open its card, or (once armed) point it out to the agent.
import { createStore } from 'zustand/vanilla';

export type PartTapMode = 'card' | 'ping';

export function createPartTaps() {
  const store = createStore<{ mode: PartTapMode }>(() => ({ mode: 'card' }));
  return {
    getState: store.getState,
    subscribe: store.subscribe,
    setMode(mode: PartTapMode) {
      store.setState({ mode });
    },
    /** The mode for this tap; a ping is used once. */
    take(): PartTapMode {
      const { mode } = store.getState();
      if (mode === 'ping') store.setState({ mode: 'card' });
      return mode;
    },
  };
}

export type PartTaps = ReturnType<typeof createPartTaps>;
