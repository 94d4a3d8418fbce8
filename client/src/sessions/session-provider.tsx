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

/** The live session of the surrounding <SessionProvider>, or null outside one. */
export function useLiveSession(): LiveSession | null {
  return useContext(LiveSessionContext);
}

export interface SessionProviderProps {
  sessionId: string;
  /** A join or create answer already in hand (saves a round trip). */
  initial?: SessionJoinResult;
  children: ReactNode;
}

export function SessionProvider({ sessionId, initial, children }: SessionProviderProps) {
  const { connection, auth } = useAppStores();
  const client = useStore(connection, (state) => state.client);
  const selfId = useStore(auth, (state) => state.user?.id ?? '');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `initial` only seeds the first mirror
  const session = useMemo(() => createLiveSession({ client, sessionId, selfId, ...(initial ? { initial } : {}) }), [client, sessionId, selfId]);
  useEffect(() => () => session.destroy(), [session]);
  useExposed('session', session);
  return <LiveSessionContext.Provider value={session}>{children}</LiveSessionContext.Provider>;
}
