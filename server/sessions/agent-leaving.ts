// What an agent leaving a session writes: their member.left entry, an ongoing call's end, and the matching state.
import type { Kysely } from 'kysely';
import type { CallState } from '../../core/session.ts';
import type { AssistSessionsTable, Database } from '../db/schema.ts';
import { markMemberLeft, updateSession, type PendingEvent } from './session-repository.ts';

/** The log entries and state changes of an agent leaving a session; an ongoing call ends with them. */
export function agentLeaving(session: AssistSessionsTable, agentId: string, reason: 'ended' | 'transferred', actorId: string) {
  const call = session.active_call ? (JSON.parse(session.active_call) as CallState) : null;
  const events: PendingEvent[] = [{ event: { type: 'member.left', data: { userId: agentId, reason } }, actorId }];
  if (call) events.unshift({ event: { type: 'call.ended', data: { callId: call.callId, reason: 'agent left' } }, actorId });
  const apply = async (trx: Kysely<Database>, now: number) => {
    await markMemberLeft(trx, session.id, agentId, now);
    if (call) await updateSession(trx, session.id, { active_call: null });
  };
  return { events, apply };
}
