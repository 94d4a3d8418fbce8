// The page's live session, shared by context: the page mounts one provider above everything that shows the session
// (inline view, AR, panels), so the mirror and what features attach to it (help request, call) live as long as the page.
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { SessionJoinResult } from '../../../core/session-events.ts';
import { useExposed } from '../observe/use-exposed.ts';
import { useAppStores } from '../state/app-stores.ts';
import { useStore } from '../state/use-store.ts';
import { createLiveSession, type LiveSession } from './live-session.ts';

declare module '../observe/registry.ts' {
  interface Observables {
    session: LiveSession;
  }
}

const LiveSessionContext = createContext<LiveSession | null>(null);
const StartNewContext = createContext<(() => void) | null>(null);

/** The live session of the surrounding <SessionProvider>, or null outside one. */
export function useLiveSession(): LiveSession | null {
  return useContext(LiveSessionContext);
}

/** Opens a fresh session on this page once the current one has ended, or null when the page offers none. */
export function useStartNewSession(): (() => void) | null {
  return useContext(StartNewContext);
}

export interface SessionProviderProps {
  sessionId: string;
  /** A join or create answer already in hand (saves a round trip). */
  initial?: SessionJoinResult;
  /** Opens a fresh session after this one ended (the page's `useOpenSession` boot has it). */
  startNew?: () => void;
  children: ReactNode;
}

export function SessionProvider({ sessionId, initial, startNew, children }: SessionProviderProps) {
  const { connection, auth } = useAppStores();
  const client = useStore(connection, (state) => state.client);
  const selfId = useStore(auth, (state) => state.user?.id ?? '');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `initial` only seeds the first mirror
  const session = useMemo(() => createLiveSession({ client, sessionId, selfId, ...(initial ? { initial } : {}) }), [client, sessionId, selfId]);
  useEffect(() => () => session.destroy(), [session]);
  useExposed('session', session);
  return (
    <LiveSessionContext.Provider value={session}>
      <StartNewContext.Provider value={startNew ?? null}>{children}</StartNewContext.Provider>
    </LiveSessionContext.Provider>
  );
}
