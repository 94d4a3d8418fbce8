// Runs a callback each time a realtime client comes online (first connect and every reconnect), to catch up on missed pushes.
import type { RealtimeClient } from '../realtime/realtime-client.ts';

export function whenOnline(client: RealtimeClient, callback: () => void): () => void {
  let online = client.getState().status === 'online';
  if (online) callback();
  return client.subscribe((state) => {
    const now = state.status === 'online';
    if (now && !online) callback();
    online = now;
  });
}
