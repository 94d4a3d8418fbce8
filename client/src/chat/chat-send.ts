// Sends one chat line of a session: the server stores it once per client id (a retry never doubles it) and the mirror
// takes the stored entry. Used by the chat form and the headset's quick replies.
import { RealtimeError, type RealtimeClient } from '../realtime/realtime-client.ts';
import type { SessionMirror } from '../sessions/session-mirror.ts';

export const newChatClientId = (): string => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`);

/** Which message to show when a line was not sent. */
export type ChatSendProblem = 'too-fast' | 'not-sent';

export async function sendChatMessage(client: RealtimeClient, mirror: SessionMirror, text: string, clientId: string = newChatClientId()): Promise<void> {
  const { entry } = await client.request('chat:send', { sessionId: mirror.sessionId, text, clientId });
  mirror.take(entry);
}

export function chatProblemOf(error: unknown): ChatSendProblem {
  return error instanceof RealtimeError && error.body.code === 'rate_limited' ? 'too-fast' : 'not-sent';
}
