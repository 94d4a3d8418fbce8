// The connection problem to tell the person about, or null: the page's realtime client and sign-in read through the
// pure view-model. Every UI that speaks of the connection (banner, header, console, cart, 3D HUD) reads this.
import { useMemo } from 'react';
import { useAppStores } from '../state/app-stores.ts';
import { useStore } from '../state/use-store.ts';
import { connectionProblemOf, type ConnectionProblem } from '../realtime/connection-problem.ts';

export function useConnectionProblem(): ConnectionProblem | null {
  const { auth, connection } = useAppStores();
  const client = useStore(connection, (state) => state.client);
  const status = useStore(client, (state) => state.status);
  const refusal = useStore(client, (state) => state.refusal);
  const signedIn = useStore(auth, (state) => state.user !== null);
  const signInExpired = useStore(auth, (state) => state.expired);
  return useMemo(() => connectionProblemOf({ status, refusal, signedIn, signInExpired }), [status, refusal, signedIn, signInExpired]);
}
