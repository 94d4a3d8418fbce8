// Keeps one realtime connection per sign-in: reconnects with the new token when the user signs in or out.
import { createStore } from 'zustand/vanilla';
import { createRealtimeClient, type RealtimeClient } from './realtime-client.ts';

/** Who is signed in, as far as the connection cares: the token to connect with (the auth store is one). */
export interface TokenSource {
  getState(): { token: string | null };
  subscribe(listener: (state: { token: string | null }) => void): () => void;
}

export interface ConnectionState {
  client: RealtimeClient;
}

export function createConnectionStore(auth: TokenSource) {
  const store = createStore<ConnectionState>(() => ({ client: createRealtimeClient({ token: auth.getState().token }) }));
  let token = auth.getState().token;
  const unsubscribe = auth.subscribe((next) => {
    if (next.token === token) return;
    token = next.token;
    store.getState().client.destroy();
    store.setState({ client: createRealtimeClient({ token }) });
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
