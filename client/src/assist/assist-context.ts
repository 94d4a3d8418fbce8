// The assist session on screen (session, product, asset, guide, step) for anything that works beside the guide, such
// as a "Get help" button: read it with useAssistSession() anywhere under <AssistSessionContext.Provider>.
import { createContext, useContext } from 'react';
import { createStore } from 'zustand/vanilla';
import { useStore } from '../state/use-store.ts';

export interface AssistSessionInfo {
  sessionId: string;
  productId: string;
  assetId: string;
  guideId: string | null;
  stepId: string | null;
  /** True while the immersive AR view is on. */
  inAr: boolean;
  /** Moves the running guide to a step (e.g. one the agent suggested); null without a guide. */
  goToStep: ((stepId: string) => void) | null;
}

export function createAssistSessionStore(initial: AssistSessionInfo) {
  const store = createStore<AssistSessionInfo>(() => initial);
  return {
    getState: store.getState,
    subscribe: store.subscribe,
    update(patch: Partial<AssistSessionInfo>) {
      const current = store.getState();
      if (Object.entries(patch).some(([key, value]) => current[key as keyof AssistSessionInfo] !== value)) store.setState(patch);
    },
    destroy() {},
  };
}

export type AssistSessionStore = ReturnType<typeof createAssistSessionStore>;

export const AssistSessionContext = createContext<AssistSessionStore | null>(null);

const none = { getState: () => null, subscribe: () => () => {} };

/** The current assist session, or null outside an assist page. */
export function useAssistSession(): AssistSessionInfo | null {
  const store = useContext(AssistSessionContext);
  return useStore<AssistSessionInfo | null, AssistSessionInfo | null>(store ?? none, (state) => state);
}
