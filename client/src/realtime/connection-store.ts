// Keeps one realtime connection per sign-in: reconnects with the new token when the user signs in or out.
import { createStore } from 'zustand/vanilla';
import type { AuthStore } from '../state/auth-store.ts';
import { createRealtimeClient, type RealtimeClient } from './realtime-client.ts';

export interface ConnectionState {
  client: RealtimeClient;
}

export function createConnectionStore(auth: AuthStore) {
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
