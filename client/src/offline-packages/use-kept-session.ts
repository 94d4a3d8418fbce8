// A downloaded product and a signed-in person whose assist session is not kept on this device (they downloaded it
// signed out): once online, the session is opened and kept, so the product's guides run offline with their progress.
import { useEffect, useState } from 'react';
import { useLanguage } from '../components/use-language.ts';
import { useOnline } from '../components/use-online.ts';
import { keptSession } from '../sessions/offline-session.ts';
import { useAppStores } from '../state/app-stores.ts';
import { useStore } from '../state/use-store.ts';
import { keepAssistSession } from './keep-session.ts';

/** True until the session is kept (or keeping it failed). */
export function useKeptSession(productId: string, userId: string | null, downloaded: boolean): boolean {
  const online = useOnline();
  const language = useLanguage();
  const { connection } = useAppStores();
  const client = useStore(connection, (state) => state.client);
  /** What the last attempt for a person and product came to. */
  const [attempts, setAttempts] = useState(new Map<string, 'kept' | 'failed'>());
  const key = `${userId}:${productId}`;
  const missing = userId !== null && downloaded && attempts.get(key) !== 'kept' && keptSession(userId, productId, null) === null;

  useEffect(() => {
    if (!missing || !online || userId === null) return;
    let current = true;
    void keepAssistSession(client, { productId, userId, language, sessionId: null }).then((kept) => {
      if (current) setAttempts((map) => new Map(map).set(key, kept ? 'kept' : 'failed'));
    });
    return () => {
      current = false;
    };
    // The language only names a new session; a switch does not keep another one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [missing, online, client, productId, userId, key]);

  return missing && online && attempts.get(key) !== 'failed';
}
