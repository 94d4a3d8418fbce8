// Opens (or resumes) a page's session once the realtime connection is up, retryable on failure, and keeps the URL's
// `?session=` on the opened session so another device of the same person opens the same one.
import { useCallback, useEffect, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import type { Language } from '../../../core/languages.ts';
import type { SessionJoinResult } from '../../../core/session-events.ts';
import { whenConnected } from '../realtime/when-online.ts';
import { useAppStores } from '../state/app-stores.ts';
import { useStore } from '../state/use-store.ts';
import { openSession, rememberedSessionKey } from './open-session.ts';
import { keptSession } from './offline-session.ts';
import { errorText } from '../i18n/error-text.ts';

export type SessionBoot =
  | { status: 'connecting' }
  | { status: 'opening' }
  | { status: 'ready'; joined: SessionJoinResult; startNew: () => void }
  | { status: 'error'; error: unknown; message: string; retry: () => void };

export interface OpenPageSessionInput {
  productId: string;
  userId: string;
  language: Language;
  installedAssetId?: string;
  /** The URL named the unit: a remembered session about another unit is not resumed. */
  sameUnitOnly?: boolean;
}

export function useOpenSession({ productId, userId, language, installedAssetId, sameUnitOnly = false }: OpenPageSessionInput): SessionBoot {
  const { connection } = useAppStores();
  const client = useStore(connection, (state) => state.client);
  const [location, navigate] = useLocation();
  const search = useSearch();
  const sessionParam = new URLSearchParams(search).get('session');
  const [attempt, setAttempt] = useState(0);
  const [boot, setBoot] = useState<SessionBoot>({ status: 'connecting' });
  const retry = useCallback(() => setAttempt((value) => value + 1), []);
  /** After the session ended: a fresh one, the ended id dropped from the URL. */
  const startNew = useCallback(() => {
    const params = new URLSearchParams(search);
    params.delete('session');
    navigate(params.size ? `${location}?${params.toString()}` : location, { replace: true });
    setAttempt((value) => value + 1);
  }, [search, location, navigate]);

  useEffect(() => {
    let cancelled = false;
    // Without a connection, a session kept by "Download for offline" opens the page; the mirror joins it once online.
    const kept = navigator.onLine ? null : keptSession(userId, productId, sessionParam ?? localStorage.getItem(rememberedSessionKey(userId, productId)));
    if (kept) {
      setBoot({ status: 'ready', joined: kept, startNew });
      return;
    }
    setBoot((current) => (current.status === 'ready' && current.joined.state.session.id === sessionParam ? current : { status: 'connecting' }));
    whenConnected(client)
      .then(() => {
        if (!cancelled) setBoot((current) => (current.status === 'ready' ? current : { status: 'opening' }));
        return openSession(client, { productId, userId, sessionId: sessionParam, language, sameUnitOnly, ...(installedAssetId ? { installedAssetId } : {}) });
      })
      .then(
        (joined) => {
          if (!cancelled) setBoot({ status: 'ready', joined, startNew });
        },
        (error: unknown) => {
          if (!cancelled) setBoot({ status: 'error', error, message: errorText(error), retry });
        },
      );
    return () => {
      cancelled = true;
    };
    // The session is opened once per client, person, product and unit; the URL then following the opened session is
    // not a new opening.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [client, productId, userId, installedAssetId, sameUnitOnly, attempt, retry]);

  const openedId = boot.status === 'ready' ? boot.joined.state.session.id : null;
  useEffect(() => {
    if (!openedId || sessionParam === openedId) return;
    const params = new URLSearchParams(search);
    params.set('session', openedId);
    navigate(`${location}?${params.toString()}`, { replace: true });
  }, [openedId, sessionParam, search, location, navigate]);

  return boot;
}
