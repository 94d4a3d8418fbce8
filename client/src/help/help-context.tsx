// One requester's live-help stores for a session (mirror, help request, call), shared by context. Several providers of
// the same session (e.g. a panel inline and one over AR) share one set of stores, kept until the last one unmounts.
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { SessionJoinResult } from '../../../core/session-events.ts';
import type { RealtimeClient } from '../realtime/realtime-client.ts';
import { useAppStores } from '../state/app-stores.ts';
import { useStore } from '../state/use-store.ts';
import { createCallController, type CallController } from '../call/call-controller.ts';
import { createSessionMirror, type SessionMirror } from './session-mirror.ts';
import { createHelpStore, type HelpStore } from './help-store.ts';

export interface HelpBundle {
  client: RealtimeClient;
  sessionId: string;
  selfId: string;
  mirror: SessionMirror;
  help: HelpStore;
  call: CallController;
}

const HelpBundleContext = createContext<HelpBundle | null>(null);

/** The live-help stores of the surrounding <HelpProvider>, or null outside one. */
export function useHelpBundle(): HelpBundle | null {
  return useContext(HelpBundleContext);
}

const shared = new WeakMap<RealtimeClient, Map<string, { bundle: HelpBundle; users: number }>>();

function acquireBundle(client: RealtimeClient, sessionId: string, selfId: string, initial: SessionJoinResult | undefined): HelpBundle {
  const byKey = shared.get(client) ?? new Map<string, { bundle: HelpBundle; users: number }>();
  shared.set(client, byKey);
  const key = `${selfId}:${sessionId}`;
  const entry = byKey.get(key);
  if (entry) {
    entry.users += 1;
    return entry.bundle;
  }
  const mirror = createSessionMirror({ client, sessionId, ...(initial ? { initial } : {}) });
  const bundle = { client, sessionId, selfId, mirror, help: createHelpStore(client, mirror), call: createCallController({ client, mirror, selfId }) };
  byKey.set(key, { bundle, users: 1 });
  return bundle;
}

function releaseBundle(bundle: HelpBundle): void {
  const byKey = shared.get(bundle.client);
  const key = `${bundle.selfId}:${bundle.sessionId}`;
  const entry = byKey?.get(key);
  if (!entry || entry.bundle !== bundle || --entry.users > 0) return;
  byKey?.delete(key);
  bundle.call.destroy();
  bundle.help.destroy();
  bundle.mirror.destroy();
}

export interface HelpProviderProps {
  sessionId: string;
  /** A join or create answer already in hand (saves a round trip). */
  initial?: SessionJoinResult;
  children: ReactNode;
}

export function HelpProvider({ sessionId, initial, children }: HelpProviderProps) {
  const { connection, auth } = useAppStores();
  const client = useStore(connection, (state) => state.client);
  const selfId = useStore(auth, (state) => state.user?.id ?? '');
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `initial` only seeds the first mirror
  const bundle = useMemo(() => acquireBundle(client, sessionId, selfId, initial), [client, sessionId, selfId]);
  useEffect(() => () => releaseBundle(bundle), [bundle]);
  return <HelpBundleContext.Provider value={bundle}>{children}</HelpBundleContext.Provider>;
}
