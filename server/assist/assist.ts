// Wires live assistance: the session hub, the help queue, their socket handlers and HTTP routes.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import type { RouteRegistry } from '../http/define-route.ts';
import { registerSessionRoutes } from '../http/routes/session-routes.ts';
import type { SocketFeature } from '../realtime/realtime.ts';
import type { IoServer } from '../realtime/socket-types.ts';
import { createSessionHub, type SessionHub } from '../sessions/session-hub.ts';
import { createSessionFeature } from '../sessions/session-feature.ts';
import { createSessionActions } from '../sessions/session-actions.ts';
import { createProductParts } from '../sessions/product-parts.ts';
import { createHelpQueue } from './help-queue.ts';
import { createHelpFeature } from './help-feature.ts';
import { createAnnotationFeature } from './annotation-feature.ts';
import { createCallFeature } from './call-feature.ts';
import { createPoseRelay } from './pose-relay.ts';

export interface Assist {
  /** Other domains append to a session log through this (e.g. `cart.proposed`, `order.linked`, `step.changed`). */
  sessions: SessionHub;
  registerRoutes(app: FastifyInstance, registry: RouteRegistry): void;
  socketFeature: SocketFeature;
  /** Lets commits and the queue reach sockets; call once Socket.IO is up. */
  attach(io: IoServer): void;
  close(): void;
}

export function createAssist(ctx: AppContext): Assist {
  const sessions = createSessionHub(ctx.store.db);
  const queue = createHelpQueue(ctx.store.db, ctx.log);
  const parts = createProductParts(ctx.store.db);
  const features = [
    createSessionFeature(ctx, sessions),
    createSessionActions(ctx, sessions, parts),
    createHelpFeature(ctx, sessions, queue),
    createAnnotationFeature(ctx, sessions, parts),
    createCallFeature(ctx, sessions),
    createPoseRelay(),
  ];
  return {
    sessions,
    registerRoutes: (app, registry) => registerSessionRoutes(app, ctx, registry),
    socketFeature: (socket) => {
      for (const feature of features) feature(socket);
    },
    attach(io) {
      sessions.attach(io);
      queue.attach(io);
    },
    close: () => queue.close(),
  };
}
