// For a downloaded product and a signed-in person: their assist session for it (the assist page's own, when downloaded
// there), opened now and kept for offline use.
import type { Language } from '../../../core/languages.ts';
import type { RealtimeClient } from '../realtime/realtime-client.ts';
import { whenConnected } from '../realtime/when-online.ts';
import { keepSessionForOffline } from '../sessions/offline-session.ts';
import { assetIdFor } from '../guides/guide-api.ts';

const CONNECT_WAIT_MS = 15_000;

export async function keepAssistSession(client: RealtimeClient, input: { productId: string; userId: string; language: Language; sessionId: string | null }): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const gaveUp = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('no realtime connection')), CONNECT_WAIT_MS);
  });
  try {
    await Promise.race([whenConnected(client), gaveUp]);
    await keepSessionForOffline(client, { ...input, installedAssetId: assetIdFor(input.productId, null) });
    return true;
  } catch (error) {
    console.warn('the assist session was not kept for offline use', error);
    return false;
  } finally {
    clearTimeout(timer);
  }
}
