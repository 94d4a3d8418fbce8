// Opens (or resumes) the assist session for a page once the realtime connection is up; retryable on failure.
import { useCallback, useEffect, useState } from 'react';
import type { SessionState } from '../../../core/session.ts';
import type { ConnectionStore } from '../realtime/connection-store.ts';
import { useStore } from '../state/use-store.ts';
import { openAssistSession, whenConnected, type OpenAssistSessionInput } from './open-assist-session.ts';

export type AssistBoot = { status: 'connecting' } | { status: 'opening' } | { status: 'ready'; state: SessionState } | { status: 'error'; message: string; retry: () => void };

export function useAssistBoot(connection: ConnectionStore, input: OpenAssistSessionInput): AssistBoot {
  const client = useStore(connection, (state) => state.client);
  const [attempt, setAttempt] = useState(0);
  const [boot, setBoot] = useState<AssistBoot>({ status: 'connecting' });
  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  const { productId, userId, sessionId, assetId, language } = input;

  useEffect(() => {
    let cancelled = false;
    setBoot((current) => (current.status === 'ready' && current.state.session.id === sessionId ? current : { status: 'connecting' }));
    whenConnected(client)
      .then(() => {
        if (!cancelled) setBoot((current) => (current.status === 'ready' ? current : { status: 'opening' }));
        return openAssistSession(client, { productId, userId, sessionId, assetId, language }, localStorage);
      })
      .then(
        (state) => {
          if (!cancelled) setBoot({ status: 'ready', state });
        },
        (error: unknown) => {
          if (!cancelled) setBoot({ status: 'error', message: error instanceof Error ? error.message : String(error), retry });
        },
      );
    return () => {
      cancelled = true;
    };
    // The session is opened once per client and product; a later URL change to the opened session id is not a new boot.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, productId, userId, assetId, attempt, retry]);

  return boot;
}
