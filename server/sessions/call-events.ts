// Relays WebRTC signaling between session members; the first offer of a call and its hangup are logged.
import type { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { CallHangupSchema, CallIceSchema, CallMuteSchema, CallSdpSchema } from '../../core/call-events.ts';
import type { CallState } from '../../core/session.ts';
import type { AppContext } from '../platform/context.ts';
import type { AssistSessionsTable } from '../db/schema.ts';
import type { EventAck, EventSpec, EventTable } from '../realtime/event-table.ts';
import { requireActiveMember } from './session-access.ts';
import type { SessionHub } from './session-hub.ts';
import { updateSession } from './session-repository.ts';

type Relayed = 'call:offer' | 'call:answer' | 'call:ice' | 'call:mute' | 'call:hangup';

function activeCall(session: AssistSessionsTable): CallState | null {
  return session.active_call ? (JSON.parse(session.active_call) as CallState) : null;
}

function requireCall(session: AssistSessionsTable, callId: string): CallState {
  const call = activeCall(session);
  if (!call || call.callId !== callId) throw new AppError('conflict', 'There is no such call in progress in this session.');
  return call;
}

export function registerCallEvents(table: EventTable, ctx: AppContext, hub: SessionHub): void {
  const db = ctx.store.db;

  const relay = <E extends Relayed, S extends z.ZodType<{ sessionId: string; callId: string }>>(
    event: E,
    spec: EventSpec<E, S>,
    before: (payload: z.output<S>, session: AssistSessionsTable, userId: string) => Promise<void>,
  ) => {
    table.on(event, spec, async (socket, payload) => {
      const { user, session } = await requireActiveMember(db, socket.data.user, payload.sessionId);
      await before(payload, session, user.id);
      (hub.broadcast as (sessionId: string, except: string, event: string, payload: unknown) => void)(payload.sessionId, socket.id, event, { ...payload, from: user.id });
      return {} as EventAck<E>;
    });
  };

  relay('call:offer', { schema: CallSdpSchema, limit: 'session-write' }, async ({ sessionId, callId }, session, userId) => {
    const call = activeCall(session);
    if (call?.callId === callId) return;
    if (call) throw new AppError('conflict', 'A call is already in progress in this session: hang it up first.');
    const started: CallState = { callId, startedBy: userId, startedAt: Date.now() };
    await hub.commit(sessionId, [{ event: { type: 'call.started', data: { callId } }, actorId: userId }], {
      apply: async (trx) => {
        const result = await trx.updateTable('assist_sessions').set({ active_call: JSON.stringify(started) }).where('id', '=', sessionId).where('active_call', 'is', null).executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) throw new AppError('conflict', 'Another call started at the same moment: answer it instead.');
      },
    });
  });
  relay('call:answer', { schema: CallSdpSchema, limit: 'none' }, async ({ callId }, session) => void requireCall(session, callId));
  relay('call:ice', { schema: CallIceSchema, limit: 'none' }, async ({ callId }, session) => void requireCall(session, callId));
  relay('call:mute', { schema: CallMuteSchema, limit: 'none' }, async ({ callId }, session) => void requireCall(session, callId));
  relay('call:hangup', { schema: CallHangupSchema, limit: 'session-write' }, async ({ sessionId, callId, reason }, session, userId) => {
    requireCall(session, callId);
    await hub.commit(sessionId, [{ event: { type: 'call.ended', data: reason ? { callId, reason } : { callId } }, actorId: userId }], {
      apply: (trx) => updateSession(trx, sessionId, { active_call: null }),
    });
  });
}
