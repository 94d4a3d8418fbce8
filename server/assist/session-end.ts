// Ending a session: its open help request is withdrawn or ended, its agent leaves, and nothing more can be written.
import { SessionRefSchema } from '../../core/session-events.ts';
import type { SessionEvent } from '../../core/session.ts';
import type { AppContext } from '../context.ts';
import type { EventTable } from '../realtime/event-table.ts';
import { requireActiveMember } from '../sessions/session-access.ts';
import type { SessionHub } from '../sessions/session-hub.ts';
import { updateSession, type PendingEvent } from '../sessions/session-repository.ts';
import { changedByOthers, findOpenRequest, updateRequestIf } from './help-repository.ts';
import type { HelpQueue } from './help-queue.ts';
import { agentLeaving } from './agent-leaving.ts';

export function registerSessionEnd(table: EventTable, ctx: AppContext, hub: SessionHub, queue: HelpQueue): void {
  const db = ctx.store.db;
  const event = (e: SessionEvent, actorId: string): PendingEvent => ({ event: e, actorId });

  table.on('session:end', { schema: SessionRefSchema, limit: 'session-write' }, async (socket, { sessionId }) => {
    const { user, session } = await requireActiveMember(db, socket.data.user, sessionId);
    const open = await findOpenRequest(db, sessionId);
    const leaving = open?.status === 'active' && open.agent_id ? agentLeaving(session, open.agent_id, 'ended', user.id) : null;
    const events: PendingEvent[] = [];
    if (open) events.push(event(open.status === 'active' ? { type: 'help.ended', data: { requestId: open.id } } : { type: 'help.cancelled', data: { requestId: open.id } }, user.id));
    events.push(...(leaving?.events ?? []), event({ type: 'session.ended', data: {} }, user.id));
    const { entries } = await hub.commit(sessionId, events, {
      exceptSocketId: socket.id,
      apply: async (trx, now) => {
        if (open && !(await updateRequestIf(trx, open.id, open.status as 'waiting' | 'active', { status: open.status === 'active' ? 'ended' : 'cancelled', ended_at: now }))) throw changedByOthers();
        await leaving?.apply(trx, now);
        await updateSession(trx, sessionId, { status: 'ended', ended_at: now, active_call: null });
      },
    });
    if (open?.agent_id) hub.evict(sessionId, open.agent_id);
    if (open) queue.refresh();
    return { entries };
  });
}
