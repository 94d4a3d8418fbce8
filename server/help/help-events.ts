// Socket events of the help lifecycle: queue, request, accept, decline, transfer (and to whom), end and cancel, what the
// request carried and the requester's orders for the helping agent, and session:end, which ends or withdraws the session's
// open help request as the session closes.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { User } from '../../core/auth.ts';
import { EmptyPayloadSchema } from '../../core/field-schemas.ts';
import { AppError } from '../../core/errors.ts';
import { HelpRefSchema, HelpRequestSchema, HelpTransferSchema } from '../../core/help-events.ts';
import { SessionRefSchema } from '../../core/session-events.ts';
import type { SessionEvent } from '../../core/session.ts';
import type { Database, HelpRequestsTable } from '../db/schema.ts';
import { findUserById } from '../auth/user-repository.ts';
import type { AppContext } from '../platform/context.ts';
import { requireUser } from '../platform/signed-in.ts';
import type { EventTable } from '../realtime/event-table.ts';
import type { ConnectionHooks } from '../realtime/realtime.ts';
import { AGENTS_ROOM, sessionRoom } from '../realtime/rooms.ts';
import { agentLeaving } from '../sessions/agent-leaving.ts';
import { requireActiveMember, requireSession } from '../sessions/session-access.ts';
import type { SessionHub } from '../sessions/session-hub.ts';
import { findOpenHelpRequest, updateSession, upsertMember, type PendingEvent } from '../sessions/session-repository.ts';
import { loadJoinResult } from '../sessions/session-state.ts';
import { HelpContextSchema, HelpHistoryItemSchema } from '../../core/help.ts';
import { changedByOthers, findRequest, insertRequest, productDataOf, requesterHistory, updateRequestIf } from './help-repository.ts';
import { helpSubject } from './help-subject.ts';
import { requesterOrders } from './requester-orders.ts';
import type { HelpQueue } from './help-queue.ts';
import { canTake, speaksAndKnows } from './routing.ts';
import type { ProductLine } from '../../core/catalog.ts';
import type { Language } from '../../core/languages.ts';

const HISTORY_LIMIT = 10;
const ORDERS_LIMIT = 5;

function requireAgent(user: User | null): User {
  const signedIn = requireUser(user);
  if (signedIn.role !== 'agent') throw new AppError('forbidden', 'Only support agents can take help requests.');
  return signedIn;
}

async function requireRequest(db: Kysely<Database>, requestId: string): Promise<HelpRequestsTable> {
  const request = await findRequest(db, requestId);
  if (!request) throw new AppError('not_found', `There is no help request "${requestId}".`);
  return request;
}

function routable(request: HelpRequestsTable) {
  return {
    productLine: request.product_line as ProductLine,
    language: request.language as Language,
    targetAgentId: request.target_agent_id,
    declinedBy: JSON.parse(request.declined_by) as string[],
  };
}

/** Agents join the queue room; their coming and going changes everybody's wait. */
export function helpConnection(queue: HelpQueue): ConnectionHooks {
  return {
    connected(socket) {
      if (socket.data.user?.role !== 'agent') return;
      void socket.join(AGENTS_ROOM);
      queue.refresh();
    },
    disconnected(socket) {
      if (socket.data.user?.role === 'agent') queue.refresh();
    },
  };
}

export function registerHelpEvents(table: EventTable, ctx: AppContext, hub: SessionHub, queue: HelpQueue): void {
  const db = ctx.store.db;
  const event = (e: SessionEvent, actorId: string): PendingEvent => ({ event: e, actorId });

  table.on('queue:get', { schema: EmptyPayloadSchema, limit: 'read' }, async (socket) => queue.queueOf(requireAgent(socket.data.user)));

  table.on('help:request', { schema: HelpRequestSchema, limit: 'session-write' }, async (socket, { sessionId, context }) => {
    const { user, session } = await requireActiveMember(db, socket.data.user, sessionId, 'requester');
    if (context.productId !== session.product_id) {
      throw new AppError('bad_request', `context.productId must be the product of this session (${session.product_id}).`, [{ path: 'context.productId', message: 'not the product of the session' }]);
    }
    const history = await requesterHistory(db, user.id, sessionId, HISTORY_LIMIT);
    const requestId = randomUUID();
    const data = context.stepId ? { requestId, stepId: context.stepId } : { requestId };
    const { entries } = await hub.commit(sessionId, [event({ type: 'help.requested', data }, user.id)], {
      exceptSocketId: socket.id,
      apply: async (trx, now) => {
        if (await findOpenHelpRequest(trx, sessionId)) throw new AppError('conflict', 'Help is already requested in this session.');
        await insertRequest(trx, {
          id: requestId,
          session_id: sessionId,
          requester_id: user.id,
          product_id: session.product_id,
          product_line: session.product_line,
          language: context.language,
          context: JSON.stringify(context),
          history: JSON.stringify(history),
          status: 'waiting',
          agent_id: null,
          target_agent_id: null,
          transferred_by: null,
          declined_by: '[]',
          created_at: now,
          accepted_at: null,
          ended_at: null,
        });
        await updateSession(trx, sessionId, {
          ...(context.guideId ? { guide_id: context.guideId } : {}),
          ...(context.installedAssetId ? { installed_asset_id: context.installedAssetId } : {}),
          ...(context.stepId ? { current_step_id: context.stepId } : {}),
        });
      },
    });
    queue.refresh();
    const place = (await queue.positionOf(requestId)) ?? { requestId, sessionId, position: 1, estimatedWaitSeconds: 0, agentsOnline: 0 };
    return { ...place, noAgentOnline: place.agentsOnline === 0, entry: entries[0] as (typeof entries)[number] };
  });

  table.on('help:accept', { schema: HelpRefSchema, limit: 'session-write' }, async (socket, { requestId }) => {
    const agent = requireAgent(socket.data.user);
    const request = await requireRequest(db, requestId);
    if (request.status !== 'waiting') throw new AppError('conflict', 'This request is no longer waiting: another agent took it or it was withdrawn.');
    if (!canTake(agent, routable(request))) throw new AppError('forbidden', 'This request is not routed to you.');
    await hub.commit(
      request.session_id,
      [
        event({ type: 'member.joined', data: { userId: agent.id, name: agent.name, role: 'agent' } }, agent.id),
        event({ type: 'help.accepted', data: { requestId, agentId: agent.id, agentName: agent.name } }, agent.id),
      ],
      {
        apply: async (trx, now) => {
          if (!(await updateRequestIf(trx, requestId, 'waiting', { status: 'active', agent_id: agent.id, target_agent_id: null, accepted_at: now }))) throw changedByOthers();
          await upsertMember(trx, request.session_id, agent.id, 'agent', now);
        },
      },
    );
    await socket.join(sessionRoom(request.session_id));
    queue.left(request.session_id);
    queue.refresh();
    return { requestId, ...(await loadJoinResult(db, request.session_id, 0)) };
  });

  table.on('help:decline', { schema: HelpRefSchema, limit: 'none' }, async (socket, { requestId }) => {
    const agent = requireAgent(socket.data.user);
    const request = await requireRequest(db, requestId);
    if (request.status !== 'waiting') throw new AppError('conflict', 'This request is no longer waiting.');
    const route = routable(request);
    if (!canTake(agent, route)) throw new AppError('forbidden', 'This request is not routed to you.');
    const patch = { declined_by: JSON.stringify([...route.declinedBy, agent.id]), target_agent_id: route.targetAgentId === agent.id ? null : route.targetAgentId };
    if (!(await updateRequestIf(db, requestId, 'waiting', patch))) throw changedByOthers();
    queue.refresh();
    return {};
  });

  table.on('help:transfer-targets', { schema: HelpRefSchema, limit: 'read' }, async (socket, { requestId }) => {
    const agent = requireAgent(socket.data.user);
    const request = await requireRequest(db, requestId);
    if (request.agent_id !== agent.id) throw new AppError('forbidden', 'Only the agent helping in this request can see who could take it.');
    if (request.status !== 'active') throw new AppError('conflict', 'This request is not in progress.');
    const { productLine, language } = routable(request);
    const agents = (await queue.onlineAgents()).filter((other) => other.id !== agent.id && speaksAndKnows(other, productLine, language));
    return { agents: agents.map(({ id, name }) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name)) };
  });

  table.on('help:context', { schema: HelpRefSchema, limit: 'read' }, async (socket, { requestId }) => {
    const agent = requireAgent(socket.data.user);
    const request = await requireRequest(db, requestId);
    if (request.agent_id !== agent.id) throw new AppError('forbidden', 'Only the agent helping in this request can read its context.');
    const context = HelpContextSchema.parse(JSON.parse(request.context));
    const subject = helpSubject(request.product_id, await productDataOf(db, request.product_id), context);
    return { context, subject, history: HelpHistoryItemSchema.array().parse(JSON.parse(request.history)) };
  });

  table.on('help:orders', { schema: HelpRefSchema, limit: 'read' }, async (socket, { requestId }) => {
    const agent = requireAgent(socket.data.user);
    const request = await requireRequest(db, requestId);
    if (request.agent_id !== agent.id) throw new AppError('forbidden', 'Only the agent helping in this request can read the requester’s orders.');
    return { orders: await requesterOrders(db, request.requester_id, ORDERS_LIMIT) };
  });

  table.on('help:transfer', { schema: HelpTransferSchema, limit: 'session-write' }, async (socket, input) => {
    const agent = requireAgent(socket.data.user);
    const request = await requireRequest(db, input.requestId);
    if (request.agent_id !== agent.id) throw new AppError('forbidden', 'Only the agent helping in this request can transfer it.');
    if (request.status !== 'active') throw new AppError('conflict', 'This request is not in progress.');
    const toAgentId = 'toAgentId' in input ? input.toAgentId : null;
    if (toAgentId !== null) {
      if (toAgentId === agent.id) throw new AppError('bad_request', 'Transfer to another agent, or to the queue.');
      const target = await findUserById(db, toAgentId);
      if (!target || target.role !== 'agent') throw new AppError('not_found', `There is no agent "${toAgentId}".`);
      const { productLine, language } = routable(request);
      if (!speaksAndKnows(target, productLine, language)) throw new AppError('conflict', `${target.name} does not cover ${productLine} in "${language}".`);
    }
    const session = await requireSession(db, request.session_id);
    const leaving = agentLeaving(session, agent.id, 'transferred', agent.id);
    const declinedBy = toAgentId === null ? [...routable(request).declinedBy, agent.id] : routable(request).declinedBy;
    const { entries } = await hub.commit(session.id, [event({ type: 'help.transferred', data: { requestId: request.id, fromAgentId: agent.id, toAgentId } }, agent.id), ...leaving.events], {
      exceptSocketId: socket.id,
      apply: async (trx, now) => {
        const patch = { status: 'waiting', agent_id: null, target_agent_id: toAgentId, transferred_by: agent.id, declined_by: JSON.stringify(declinedBy) };
        if (!(await updateRequestIf(trx, request.id, 'active', patch))) throw changedByOthers();
        await leaving.apply(trx, now);
      },
    });
    hub.evict(session.id, agent.id);
    queue.refresh();
    return { entries };
  });

  table.on('help:end', { schema: HelpRefSchema, limit: 'session-write' }, async (socket, { requestId }) => {
    const user = requireUser(socket.data.user);
    const request = await requireRequest(db, requestId);
    const session = await requireSession(db, request.session_id);
    if (user.id !== request.agent_id && user.id !== session.requester_id) throw new AppError('forbidden', 'Only the agent or the requester of this help can end it.');
    if (request.status !== 'active' || !request.agent_id) throw new AppError('conflict', 'This request is not in progress.');
    const agentId = request.agent_id;
    const leaving = agentLeaving(session, agentId, 'ended', user.id);
    const { entries } = await hub.commit(session.id, [event({ type: 'help.ended', data: { requestId } }, user.id), ...leaving.events], {
      exceptSocketId: socket.id,
      apply: async (trx, now) => {
        if (!(await updateRequestIf(trx, requestId, 'active', { status: 'ended', ended_at: now }))) throw changedByOthers();
        await leaving.apply(trx, now);
      },
    });
    hub.evict(session.id, agentId);
    queue.refresh();
    return { entries };
  });

  table.on('help:cancel', { schema: HelpRefSchema, limit: 'session-write' }, async (socket, { requestId }) => {
    const user = requireUser(socket.data.user);
    const request = await requireRequest(db, requestId);
    if (request.requester_id !== user.id) throw new AppError('forbidden', 'Only the person who asked for help can withdraw the request.');
    if (request.status !== 'waiting') throw new AppError('conflict', 'This request is not waiting any more.');
    const { entries } = await hub.commit(request.session_id, [event({ type: 'help.cancelled', data: { requestId } }, user.id)], {
      exceptSocketId: socket.id,
      apply: async (trx, now) => {
        if (!(await updateRequestIf(trx, requestId, 'waiting', { status: 'cancelled', ended_at: now }))) throw changedByOthers();
      },
    });
    queue.left(request.session_id);
    queue.refresh();
    return { entries };
  });

  table.on('session:end', { schema: SessionRefSchema, limit: 'session-write' }, async (socket, { sessionId }) => {
    const { user, session } = await requireActiveMember(db, socket.data.user, sessionId);
    const open = await findOpenHelpRequest(db, sessionId);
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
    if (open?.status === 'waiting') queue.left(sessionId);
    if (open) queue.refresh();
    return { entries };
  });
}
