// One requester's live-help stores for a session (mirror, help request, call), created together and shared by context.
import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import type { ProductDetail } from '../../../core/catalog.ts';
import type { SessionJoinResult } from '../../../core/session.ts';
import type { RealtimeClient } from '../realtime/realtime-client.ts';
import { useAppStores } from '../state/app-stores.ts';
import { useStore } from '../state/use-store.ts';
import { createCallController, type CallController } from '../call/call-controller.ts';
import { CallAudio } from '../call/call-controls.tsx';
import { createSessionMirror, type SessionMirror } from './session-mirror.ts';
import { createHelpStore, type HelpStore } from './help-store.ts';

export interface HelpBundle {
  client: RealtimeClient;
  sessionId: string;
  selfId: string;
  product: ProductDetail;
  mirror: SessionMirror;
  help: HelpStore;
  call: CallController;
}

const HelpBundleContext = createContext<HelpBundle | null>(null);

/** The live-help stores of the surrounding <HelpProvider>, or null outside one. */
export function useHelpBundle(): HelpBundle | null {
  return useContext(HelpBundleContext);
}

export interface HelpProviderProps {
  sessionId: string;
  product: ProductDetail;
  /** A join or create answer already in hand (saves a round trip). */
  initial?: SessionJoinResult;
  children: ReactNode;
}

export function HelpProvider({ sessionId, product, initial, children }: HelpProviderProps) {
  const { connection, auth } = useAppStores();
  const client = useStore(connection, (state) => state.client);
  const selfId = useStore(auth, (state) => state.user?.id ?? '');
  const bundle = useMemo(() => {
    const mirror = createSessionMirror({ client, sessionId, ...(initial ? { initial } : {}) });
    return { client, sessionId, selfId, product, mirror, help: createHelpStore(client, mirror), call: createCallController({ client, mirror, selfId }) };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `initial` only seeds the first mirror
  }, [client, sessionId, selfId, product]);
  useEffect(
    () => () => {
      bundle.call.destroy();
      bundle.help.destroy();
      bundle.mirror.destroy();
    },
    [bundle],
  );
  return (
    <HelpBundleContext.Provider value={bundle}>
      {children}
      <CallAudio controller={bundle.call} />
    </HelpBundleContext.Provider>
  );
}
