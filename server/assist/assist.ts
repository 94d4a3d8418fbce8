// Wires live assistance: the session hub, the help queue, their socket events and HTTP routes.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import type { RouteRegistry } from '../http/define-route.ts';
import { registerSessionRoutes } from '../http/routes/session-routes.ts';
import type { SocketFeature } from '../realtime/realtime.ts';
import type { IoServer } from '../realtime/socket-types.ts';
import type { EventTable } from '../realtime/event-table.ts';
import { createSessionHub, type SessionHub } from '../sessions/session-hub.ts';
import { registerSessionEvents, sessionConnection } from '../sessions/session-feature.ts';
import { registerSessionActions } from '../sessions/session-actions.ts';
import { createProductParts } from '../sessions/product-parts.ts';
import { createHelpQueue } from './help-queue.ts';
import { helpConnection, registerHelpEvents } from './help-feature.ts';
import { registerSessionEnd } from './session-end.ts';
import { registerAnnotationEvents } from './annotation-feature.ts';
import { registerCallEvents } from './call-feature.ts';
import { createCallbackBoard } from './callback-board.ts';
import { registerCallbackEvents } from './callback-feature.ts';
import { poseConnection, registerPoseRelay } from './pose-relay.ts';
import { createSnapshotRevision } from './snapshot-revision.ts';

export interface Assist {
  /** Other domains append to a session log through this (e.g. `cart.proposed`, `order.linked`, `step.changed`). */
  sessions: SessionHub;
  registerRoutes(app: FastifyInstance, registry: RouteRegistry): void;
  socketFeature: SocketFeature;
  /** Lets commits and the queue reach sockets; call once Socket.IO is up. */
  attach(io: IoServer): void;
  close(): void;
}

export function createAssist(ctx: AppContext, table: EventTable): Assist {
  const sessions = createSessionHub(ctx.store.write);
  const nextRevision = createSnapshotRevision(ctx.store);
  const queue = createHelpQueue(ctx.store.db, nextRevision, ctx.log);
  const callbacks = createCallbackBoard(ctx.store.db, queue.onlineAgents, nextRevision, ctx.log);
  const parts = createProductParts(ctx.store.db);
  registerSessionEvents(table, ctx, sessions);
  registerSessionActions(table, ctx, sessions, parts);
  registerHelpEvents(table, ctx, sessions, queue);
  registerCallbackEvents(table, ctx, callbacks);
  registerSessionEnd(table, ctx, sessions, queue);
  registerAnnotationEvents(table, ctx, sessions, parts);
  registerCallEvents(table, ctx, sessions);
  registerPoseRelay(table);
  const onConnection = [sessionConnection(ctx, sessions), helpConnection(queue), poseConnection({ multiNode: Boolean(ctx.config.redisUrl) })];
  return {
    sessions,
    registerRoutes: (app, registry) => registerSessionRoutes(app, ctx, registry),
    socketFeature: (socket) => {
      for (const feature of onConnection) feature(socket);
    },
    attach(io) {
      sessions.attach(io);
      queue.attach(io);
      callbacks.attach(io);
    },
    close() {
      queue.close();
      callbacks.close();
    },
  };
}
