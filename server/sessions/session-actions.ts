// Socket events for what members do in a session: chat, placement, step push/change, part highlight and ping.
import { AppError } from '../../core/errors.ts';
import { ChatSendSchema, PartHighlightSchema, PartPingSchema, PlacementUpdateSchema, StepRefSchema } from '../../core/session-events.ts';
import type { SessionEvent } from '../../core/session.ts';
import type { AppContext } from '../context.ts';
import type { IoSocket } from '../realtime/socket-types.ts';
import type { AssistSessionsTable } from '../db/schema.ts';
import type { EventTable } from '../realtime/event-table.ts';
import { requireActiveMember } from './session-access.ts';
import type { SessionHub } from './session-hub.ts';
import type { ProductParts } from './product-parts.ts';
import { updateSession } from './session-repository.ts';

const PLACEMENT_MAX_PER_SECOND = 10;

export function registerSessionActions(table: EventTable, ctx: AppContext, hub: SessionHub, parts: ProductParts): void {
  const db = ctx.store.db;
  const placementWindows = new WeakMap<IoSocket, { startedAt: number; count: number }>();

  /** Appends one event for the socket's user and answers its entry; `patch` updates session state in the same transaction. */
  const record = async (socket: IoSocket, sessionId: string, event: SessionEvent, patch?: Partial<AssistSessionsTable>) => {
    const { entries } = await hub.commit(sessionId, [{ event, actorId: socket.data.user?.id ?? null }], {
      exceptSocketId: socket.id,
      ...(patch ? { apply: (trx) => updateSession(trx, sessionId, patch) } : {}),
    });
    return { entry: entries[0] as (typeof entries)[number] };
  };

  table.on('chat:send', { schema: ChatSendSchema, limit: 'session-write' }, async (socket, { sessionId, text, clientId }) => {
    const { user } = await requireActiveMember(db, socket.data.user, sessionId);
    const { entries, duplicate } = await hub.commit(sessionId, [{ event: { type: 'chat', data: { text } }, actorId: user.id, clientId }], { exceptSocketId: socket.id });
    return { entry: entries[0] as (typeof entries)[number], duplicate };
  });

  table.on('placement:update', { schema: PlacementUpdateSchema, limit: 'none' }, async (socket, { sessionId, transform }) => {
    const now = Date.now();
    const window = placementWindows.get(socket) ?? { startedAt: now, count: 0 };
    if (now - window.startedAt >= 1000) Object.assign(window, { startedAt: now, count: 0 });
    placementWindows.set(socket, window);
    if (++window.count > PLACEMENT_MAX_PER_SECOND) {
      throw new AppError('rate_limited', `Send the placement when it changes, at most ${PLACEMENT_MAX_PER_SECOND} times a second.`);
    }
    const { user } = await requireActiveMember(db, socket.data.user, sessionId, 'requester');
    await updateSession(db, sessionId, { placement: JSON.stringify(transform) });
    hub.broadcast(sessionId, socket.id, 'session:placement', { sessionId, transform, by: user.id, at: now });
    return { at: now };
  });

  table.on('step:push', { schema: StepRefSchema, limit: 'session-write' }, async (socket, { sessionId, stepId }) => {
    await requireActiveMember(db, socket.data.user, sessionId, 'agent');
    return record(socket, sessionId, { type: 'step.pushed', data: { stepId } }, { current_step_id: stepId });
  });

  table.on('step:change', { schema: StepRefSchema, limit: 'session-write' }, async (socket, { sessionId, stepId }) => {
    await requireActiveMember(db, socket.data.user, sessionId, 'requester');
    return record(socket, sessionId, { type: 'step.changed', data: { stepId } }, { current_step_id: stepId });
  });

  table.on('part:highlight', { schema: PartHighlightSchema, limit: 'session-write' }, async (socket, { sessionId, partId }) => {
    const { session } = await requireActiveMember(db, socket.data.user, sessionId, 'agent');
    if (partId !== null) await parts.requirePart(session.product_id, partId);
    return record(socket, sessionId, { type: 'part.highlighted', data: { partId } }, { highlighted_part_id: partId });
  });

  table.on('part:ping', { schema: PartPingSchema, limit: 'session-write' }, async (socket, { sessionId, partId, localPoint }) => {
    const { session } = await requireActiveMember(db, socket.data.user, sessionId, 'requester');
    await parts.requirePart(session.product_id, partId);
    return record(socket, sessionId, { type: 'part.pinged', data: localPoint ? { partId, localPoint } : { partId } });
  });
}
