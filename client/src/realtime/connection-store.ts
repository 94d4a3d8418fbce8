// Keeps one realtime connection per signed-in user: a new one when someone signs in or out, the same one across token
// renewals (each reconnect reads the current token).
import { createStore } from 'zustand/vanilla';
import { createRealtimeClient, type RealtimeClient } from './realtime-client.ts';

/** Who is signed in, as far as the connection cares: the user, the token to connect with and its renewal (the auth store is one). */
export interface TokenSource {
  getState(): { token: string | null; user: { id: string } | null };
  subscribe(listener: (state: { token: string | null; user: { id: string } | null }) => void): () => void;
  renew(): Promise<string | null>;
}

export interface ConnectionState {
  client: RealtimeClient;
}

export function createConnectionStore(auth: TokenSource) {
  const connect = () => createRealtimeClient({ getToken: () => auth.getState().token, renew: () => auth.renew() });
  const store = createStore<ConnectionState>(() => ({ client: connect() }));
  let userId = auth.getState().user?.id ?? null;
  const unsubscribe = auth.subscribe((next) => {
    const nextUserId = next.user?.id ?? null;
    if (nextUserId === userId) return;
    userId = nextUserId;
    store.getState().client.destroy();
    store.setState({ client: connect() });
  });
  return {
    getState: store.getState,
    subscribe: store.subscribe,
    destroy() {
      unsubscribe();
      store.getState().client.destroy();
    },
  };
}

export type ConnectionStore = ReturnType<typeof createConnectionStore>;
