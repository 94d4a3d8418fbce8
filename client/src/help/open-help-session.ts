// Joins the session named in the URL or remembered for this product (the same one the assist page uses), or opens one.
import type { Language } from '../../../core/languages.ts';
import type { SessionJoinResult } from '../../../core/session-events.ts';
import { RealtimeError, type RealtimeClient } from '../realtime/realtime-client.ts';

/** Shared with the assist page, so help and guide run in one session per person and product. */
export const rememberedSessionKey = (userId: string, productId: string) => `xr-assist.assist-session.${userId}.${productId}`;

const gone = (error: unknown) => error instanceof RealtimeError && ['not_found', 'forbidden', 'bad_request'].includes(error.body.code);

export async function openHelpSession(client: RealtimeClient, input: { productId: string; userId: string; sessionId: string | null; language: Language }): Promise<SessionJoinResult> {
  const key = rememberedSessionKey(input.userId, input.productId);
  for (const sessionId of new Set([input.sessionId, localStorage.getItem(key)].filter((id): id is string => id !== null))) {
    try {
      const joined = await client.request('session:join', { sessionId });
      if (joined.state.session.status === 'open' && joined.state.session.productId === input.productId) {
        localStorage.setItem(key, sessionId);
        return joined;
      }
    } catch (error) {
      if (!gone(error)) throw error;
    }
  }
  const created = await client.request('session:create', { productId: input.productId, language: input.language });
  localStorage.setItem(key, created.state.session.id);
  return created;
}
