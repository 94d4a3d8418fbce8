// Socket events of callback requests: a requester leaves one, agents list the open ones they cover and mark one done.
import { randomUUID } from 'node:crypto';
import type { User } from '../../core/auth.ts';
import { EmptyPayloadSchema } from '../../core/field-schemas.ts';
import { AppError } from '../../core/errors.ts';
import { CallbackRefSchema, HelpCallbackSchema } from '../../core/help-events.ts';
import type { AppContext } from '../platform/context.ts';
import { requireUser } from '../platform/signed-in.ts';
import type { EventTable } from '../realtime/event-table.ts';
import { requireActiveMember } from '../sessions/session-access.ts';
import type { CallbackBoard } from './callback-board.ts';
import { findCallback, insertCallback, markCallbackDone, toCallback } from './help-repository.ts';
import { speaksAndKnows } from './routing.ts';

function requireAgent(user: User | null): User {
  const signedIn = requireUser(user);
  if (signedIn.role !== 'agent') throw new AppError('forbidden', 'Only support agents can see and make callbacks.');
  return signedIn;
}

export function registerCallbackEvents(table: EventTable, ctx: AppContext, board: CallbackBoard): void {
  const db = ctx.store.db;

  table.on('help:callback', { schema: HelpCallbackSchema, limit: 'session-write' }, async (socket, { sessionId, phone, note }) => {
    const { user, session } = await requireActiveMember(db, socket.data.user, sessionId, 'requester');
    const row = {
      id: randomUUID(),
      session_id: sessionId,
      requester_id: user.id,
      product_id: session.product_id,
      product_line: session.product_line,
      language: session.language,
      phone: phone ?? null,
      note,
      created_at: Date.now(),
      done_at: null,
      done_by: null,
    };
    await insertCallback(db, row);
    board.refresh();
    return { callback: toCallback(row, user.name) };
  });

  table.on('callbacks:get', { schema: EmptyPayloadSchema, limit: 'read' }, async (socket) => board.callbacksOf(requireAgent(socket.data.user)));

  table.on('help:callback-done', { schema: CallbackRefSchema, limit: 'none' }, async (socket, { callbackId }) => {
    const agent = requireAgent(socket.data.user);
    const callback = await findCallback(db, callbackId);
    if (!callback) throw new AppError('not_found', `There is no callback request "${callbackId}".`);
    if (!speaksAndKnows(agent, callback.productLine, callback.language)) throw new AppError('forbidden', `This callback is for agents who cover ${callback.productLine} in "${callback.language}".`);
    const now = Date.now();
    if (callback.doneAt === null && (await markCallbackDone(db, callbackId, agent.id, now))) {
      board.refresh();
      return { callback: { ...callback, doneAt: now, doneBy: agent.id } };
    }
    const done = callback.doneAt === null ? await findCallback(db, callbackId) : callback;
    if (done?.doneBy === agent.id) return { callback: done };
    throw new AppError('conflict', 'Another agent has already marked this callback done.');
  });
}
