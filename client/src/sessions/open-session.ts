// Opens a page's live session: joins the one named in the URL or remembered for this person and product, else creates
// one, and remembers it, so guide and help run in one session per person and product, on any of their devices. An
// ended session is forgotten, and a job on another unit does not resume the last unit's session.
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
  /** The person named the unit (a new job): a remembered session about another unit is not resumed. @default false */
  sameUnitOnly?: boolean;
}

type RememberedSessions = Pick<Storage, 'getItem' | 'setItem'>;

export const rememberedSessionKey = (userId: string, productId: string) => `xr-assist.assist-session.${userId}.${productId}`;

/** Forgets the remembered session once it has ended, so the next job on this product starts clean. */
export function forgetSession(userId: string, productId: string, sessionId: string, storage: Pick<Storage, 'getItem' | 'removeItem'> = localStorage): void {
  const key = rememberedSessionKey(userId, productId);
  if (storage.getItem(key) === sessionId) storage.removeItem(key);
}

const isGone = (error: unknown) => error instanceof RealtimeError && ['not_found', 'forbidden', 'bad_request'].includes(error.body.code);

export async function openSession(client: RealtimeClient, input: OpenSessionInput, storage: RememberedSessions = localStorage): Promise<SessionJoinResult> {
  const key = rememberedSessionKey(input.userId, input.productId);
  const remembered = storage.getItem(key);
  for (const sessionId of new Set([input.sessionId, remembered].filter((id): id is string => id !== null))) {
    try {
      const joined = await client.request('session:join', { sessionId });
      const { status, productId, installedAssetId } = joined.state.session;
      const otherUnit = input.sameUnitOnly === true && sessionId !== input.sessionId && installedAssetId !== (input.installedAssetId ?? null);
      if (status === 'open' && productId === input.productId && !otherUnit) {
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
