// Opens a page's live session: joins the one named in the URL or remembered for this person and product, else creates
// one, and remembers it, so guide and help run in one session per person and product, on any of their devices.
import type { Language } from '../../../core/languages.ts';
import type { SessionJoinResult } from '../../../core/session-events.ts';
import { RealtimeError, type RealtimeClient } from '../realtime/realtime-client.ts';

export interface OpenSessionInput {
  productId: string;
  userId: string;
  /** From the URL: another device of the same person opens the same session. */
  sessionId: string | null;
  language: Language;
  /** The unit the session is about, for a new session. */
  installedAssetId?: string;
}

type RememberedSessions = Pick<Storage, 'getItem' | 'setItem'>;

export const rememberedSessionKey = (userId: string, productId: string) => `xr-assist.assist-session.${userId}.${productId}`;

const isGone = (error: unknown) => error instanceof RealtimeError && ['not_found', 'forbidden', 'bad_request'].includes(error.body.code);

export async function openSession(client: RealtimeClient, input: OpenSessionInput, storage: RememberedSessions = localStorage): Promise<SessionJoinResult> {
  const key = rememberedSessionKey(input.userId, input.productId);
  for (const sessionId of new Set([input.sessionId, storage.getItem(key)].filter((id): id is string => id !== null))) {
    try {
      const joined = await client.request('session:join', { sessionId });
      if (joined.state.session.status === 'open' && joined.state.session.productId === input.productId) {
        storage.setItem(key, sessionId);
        return joined;
      }
    } catch (error) {
      if (!isGone(error)) throw error;
    }
  }
  const { productId, language, installedAssetId } = input;
  const created = await client.request('session:create', { productId, language, ...(installedAssetId ? { installedAssetId } : {}) });
  storage.setItem(key, created.state.session.id);
  return created;
}
