// What a page shows of its session (product, unit, guide step, whether AR is on) for anything that works beside the
// guide, such as a "Get help" button: read it with useSessionScreen() anywhere under <SessionScreenContext.Provider>.
import { createContext, useContext } from 'react';
import { createStore } from 'zustand/vanilla';
import { useStore } from '../state/use-store.ts';

export interface SessionScreen {
  sessionId: string;
  productId: string;
  assetId: string;
  guideId: string | null;
  stepId: string | null;
  /** Where the person is in the guide, in their language, for the agent (see progress-summary.ts); null without a guide. */
  progressSummary: string | null;
  /** True while the immersive AR view is on. */
  inAr: boolean;
  /** Moves the running guide to a step (e.g. one the agent suggested); null without a guide. */
  goToStep: ((stepId: string) => void) | null;
}

export function createSessionScreenStore(initial: SessionScreen) {
  const store = createStore<SessionScreen>(() => initial);
  return {
    getState: store.getState,
    subscribe: store.subscribe,
    update(patch: Partial<SessionScreen>) {
      const current = store.getState();
      if (Object.entries(patch).some(([key, value]) => current[key as keyof SessionScreen] !== value)) store.setState(patch);
    },
    destroy() {},
  };
}

export type SessionScreenStore = ReturnType<typeof createSessionScreenStore>;

export const SessionScreenContext = createContext<SessionScreenStore | null>(null);

const none = { getState: () => null, subscribe: () => () => {} };

/** What the page shows of its session, or null outside a page that says. */
export function useSessionScreen(): SessionScreen | null {
  const store = useContext(SessionScreenContext);
  return useStore<SessionScreen | null, SessionScreen | null>(store ?? none, (state) => state);
}
