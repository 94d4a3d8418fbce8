// Resumes the assist session named in the URL or remembered for this product, or opens a new one.
import type { Language } from '../../../core/languages.ts';
import type { SessionState } from '../../../core/session.ts';
import { RealtimeError, type RealtimeClient } from '../realtime/realtime-client.ts';

export interface OpenAssistSessionInput {
  productId: string;
  userId: string;
  /** From the URL: another device of the same person opens the same session. */
  sessionId: string | null;
  assetId: string;
  language: Language;
}

type Storage = Pick<globalThis.Storage, 'getItem' | 'setItem'>;

export function rememberedSessionKey(userId: string, productId: string): string {
  return `xr-assist.assist-session.${userId}.${productId}`;
}

/** Resolves once the client is connected; rejects when the server refuses the connection. */
export function whenConnected(client: Pick<RealtimeClient, 'getState' | 'subscribe'>): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = (status: string) => {
      if (status === 'online') resolve();
      else if (status === 'refused') reject(new Error(client.getState().refusal?.message ?? 'refused'));
      else return false;
      return true;
    };
    if (check(client.getState().status)) return;
    const off = client.subscribe((state) => {
      if (check(state.status)) off();
    });
  });
}

const isGone = (error: unknown) => error instanceof RealtimeError && ['not_found', 'forbidden', 'bad_request'].includes(error.body.code);

export async function openAssistSession(client: RealtimeClient, input: OpenAssistSessionInput, storage: Storage): Promise<SessionState> {
  const key = rememberedSessionKey(input.userId, input.productId);
  const candidates = [...new Set([input.sessionId, storage.getItem(key)].filter((id): id is string => id !== null))];
  for (const sessionId of candidates) {
    try {
      const { state } = await client.request('session:join', { sessionId });
      if (state.session.status === 'open' && state.session.productId === input.productId) {
        storage.setItem(key, sessionId);
        return state;
      }
    } catch (error) {
      if (!isGone(error)) throw error;
    }
  }
  const { state } = await client.request('session:create', { productId: input.productId, installedAssetId: input.assetId, language: input.language });
  storage.setItem(key, state.session.id);
  return state;
}
