// Socket events to open, join, page through and leave sessions, with presence and room checks after a recovery.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { AppError } from '../../core/errors.ts';
import { SessionCreateSchema, SessionJoinSchema, SessionLogPageSchema, SessionRefSchema } from '../../core/session-events.ts';
import type { Database } from '../db/schema.ts';
import type { AppContext } from '../context.ts';
import { getProduct } from '../catalog/catalog-repository.ts';
import type { SocketFeature } from '../realtime/realtime.ts';
import type { IoSocket } from '../realtime/socket-types.ts';
import type { EventTable } from '../realtime/event-table.ts';
import { requireMember, requireUser } from './session-access.ts';
import { sessionRoom, userRoom, type SessionHub } from './session-hub.ts';
import { findMember, insertSession, upsertMember } from './session-repository.ts';
import { loadJoinResult, readLogPage } from './session-state.ts';

const SESSION_ROOM_PREFIX = 'session:';

function sessionIdsOf(socket: IoSocket): string[] {
  return [...socket.rooms].filter((room) => room.startsWith(SESSION_ROOM_PREFIX)).map((room) => room.slice(SESSION_ROOM_PREFIX.length));
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

/** What every connection needs: its user room, stale rooms dropped after a recovery, presence on the way out. */
export function sessionConnection(ctx: AppContext, hub: SessionHub): SocketFeature {
  return (socket) => {
    const user = socket.data.user;
    if (user) void socket.join(userRoom(user.id));
    if (socket.recovered) dropStaleRooms(ctx.store.db, socket).catch((err: unknown) => ctx.log.error({ err }, 'checking recovered rooms failed'));
    socket.on('disconnecting', () => {
      for (const sessionId of sessionIdsOf(socket)) void announcePresence(socket, hub, sessionId, false).catch(() => undefined);
    });
  };
}

export function registerSessionEvents(table: EventTable, ctx: AppContext, hub: SessionHub): void {
  const db = ctx.store.db;

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

  table.on('session:join', { schema: SessionJoinSchema, limit: 'none' }, async (socket, { sessionId, sinceSeq }) => {
    await requireMember(db, socket.data.user, sessionId);
    await socket.join(sessionRoom(sessionId));
    void announcePresence(socket, hub, sessionId, true);
    return loadJoinResult(db, sessionId, sinceSeq ?? 0);
  });

  table.on('session:log', { schema: SessionLogPageSchema, limit: 'none' }, async (socket, { sessionId, sinceSeq }) => {
    await requireMember(db, socket.data.user, sessionId);
    return readLogPage(db, sessionId, sinceSeq);
  });

  table.on('session:leave', { schema: SessionRefSchema, limit: 'none' }, async (socket, { sessionId }) => {
    if (!socket.rooms.has(sessionRoom(sessionId))) return {};
    await announcePresence(socket, hub, sessionId, false);
    await socket.leave(sessionRoom(sessionId));
    return {};
  });
}
