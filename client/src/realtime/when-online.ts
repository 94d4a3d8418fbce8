// Waits on a realtime client's connection: once it is up (opening a session), and each time it comes online (first
// connect and every reconnect), to catch up on missed pushes.
import { RealtimeError, type RealtimeClient } from './realtime-client.ts';

export function whenOnline(client: RealtimeClient, callback: () => void): () => void {
  let online = client.getState().status === 'online';
  if (online) callback();
  return client.subscribe((state) => {
    const now = state.status === 'online';
    if (now && !online) callback();
    online = now;
  });
}

/** Resolves once the client is connected; rejects when the server refuses the connection. */
export function whenConnected(client: Pick<RealtimeClient, 'getState' | 'subscribe'>): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (status: string) => {
      if (status === 'online') resolve();
      else if (status === 'refused') reject(new RealtimeError(client.getState().refusal ?? { code: 'unavailable', message: 'refused' }));
      else return false;
      return true;
    };
    if (check(client.getState().status)) return;
    const off = client.subscribe((state) => {
      if (check(state.status)) off();
    });
  });
}
