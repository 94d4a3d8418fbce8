// Socket events of a session: open, join, page through and leave it (with presence and room checks after a recovery),
// and what members do in it: chat, placement, step push/change, part highlight and ping.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../../core/errors.ts';
import {
  ChatSendSchema,
  PartHighlightSchema,
  PartPingSchema,
  PlacementUpdateSchema,
  SessionCreateSchema,
  SessionJoinSchema,
  SessionLogPageSchema,
  SessionRefSchema,
  StepRefSchema,
} from '../../core/session-events.ts';
import type { SessionEvent } from '../../core/session.ts';
import type { AssistSessionsTable, Database } from '../db/schema.ts';
import type { AppContext } from '../platform/context.ts';
import { requireUser } from '../platform/signed-in.ts';
import { getProduct } from '../catalog/catalog-repository.ts';
import type { ProductParts } from '../catalog/product-parts.ts';
import type { ConnectionHooks } from '../realtime/realtime.ts';
import { sessionOfRoom, sessionRoom } from '../realtime/rooms.ts';
import type { IoSocket } from '../realtime/socket-types.ts';
import type { EventTable } from '../realtime/event-table.ts';
import { requireActiveMember, requireMember } from './session-access.ts';
import type { SessionHub } from './session-hub.ts';
import { findMember, insertSession, updateSession, upsertMember } from './session-repository.ts';
import { loadJoinResult, readLogPage } from './session-state.ts';

const PLACEMENT_MAX_PER_SECOND = 10;

function sessionIdsOf(socket: IoSocket): string[] {
  return [...socket.rooms].flatMap((room) => sessionOfRoom(room) ?? []);
}

async function announcePresence(socket: IoSocket, hub: SessionHub, sessionId: string, online: boolean): Promise<void> {
  const user = socket.data.user;
  if (!user) return;
  if (!online) {
    const others = await socket.nsp.in(sessionRoom(sessionId)).fetchSockets();
    if (others.some((other) => other.id !== socket.id && other.data.user?.id === user.id)) return;
  }
  hub.broadcast(sessionId, socket.id, 'session:presence', { sessionId, userId: user.id, online });
}

/** A recovered socket gets its rooms back; drop those of sessions the user is no longer a member of. */
async function dropStaleRooms(db: Kysely<Database>, socket: IoSocket): Promise<void> {
  const user = socket.data.user;
  for (const sessionId of sessionIdsOf(socket)) {
    const member = user ? await findMember(db, sessionId, user.id) : undefined;
    if (!member || member.left_at !== null) await socket.leave(sessionRoom(sessionId));
  }
}

/** What every connection needs: stale rooms dropped after a recovery, presence on the way out. */
export function sessionConnection(ctx: AppContext, hub: SessionHub): ConnectionHooks {
  return {
    connected(socket) {
      if (socket.recovered) dropStaleRooms(ctx.store.db, socket).catch((err: unknown) => ctx.log.error({ err }, 'checking recovered rooms failed'));
    },
    disconnecting(socket) {
      for (const sessionId of sessionIdsOf(socket)) void announcePresence(socket, hub, sessionId, false).catch(() => undefined);
    },
  };
}

export function registerSessionEvents(table: EventTable, ctx: AppContext, hub: SessionHub, parts: ProductParts): void {
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

  table.on('session:create', { schema: SessionCreateSchema, limit: 'session-write' }, async (socket, input) => {
    const requester = requireUser(socket.data.user);
    if (requester.role !== 'customer' && requester.role !== 'technician') {
      throw new AppError('forbidden', 'Sessions are opened by customers and technicians; agents join them from the queue.');
    }
    const product = await getProduct(db, input.productId);
    if (!product) throw new AppError('not_found', `There is no product "${input.productId}".`);
    const id = randomUUID();
    const language = input.language ?? requester.languages[0] ?? 'en';
    await hub.commit(id, [{ event: { type: 'member.joined', data: { userId: requester.id, name: requester.name, role: 'requester' } }, actorId: requester.id }], {
      apply: async (trx, now) => {
        await insertSession(trx, {
          id,
          requester_id: requester.id,
          product_id: product.id,
          product_line: product.productLine,
          installed_asset_id: input.installedAssetId ?? null,
          guide_id: input.guideId ?? null,
          language,
          status: 'open',
          current_step_id: null,
          placement: null,
          highlighted_part_id: null,
          active_call: null,
          last_seq: 0,
          created_at: now,
          ended_at: null,
        });
        await upsertMember(trx, id, requester.id, 'requester', now);
      },
    });
    await socket.join(sessionRoom(id));
    return loadJoinResult(db, id, 0);
  });

  table.on('session:join', { schema: SessionJoinSchema, limit: 'read' }, async (socket, { sessionId, sinceSeq }) => {
    await requireMember(db, socket.data.user, sessionId);
    await socket.join(sessionRoom(sessionId));
    void announcePresence(socket, hub, sessionId, true);
    return loadJoinResult(db, sessionId, sinceSeq ?? 0);
  });

  table.on('session:log', { schema: SessionLogPageSchema, limit: 'read' }, async (socket, { sessionId, sinceSeq }) => {
    await requireMember(db, socket.data.user, sessionId);
    return readLogPage(db, sessionId, sinceSeq);
  });

  table.on('session:leave', { schema: SessionRefSchema, limit: 'none' }, async (socket, { sessionId }) => {
    if (!socket.rooms.has(sessionRoom(sessionId))) return {};
    await announcePresence(socket, hub, sessionId, false);
    await socket.leave(sessionRoom(sessionId));
    return {};
  });

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
