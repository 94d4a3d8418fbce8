// Wires the ordering feature: one pusher, the cart and order services, their routes and their socket events.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import type { RouteRegistry } from '../http/define-route.ts';
import { registerOrderRoutes } from '../http/routes/order-routes.ts';
import type { EventTable } from '../realtime/event-table.ts';
import type { SocketFeature } from '../realtime/realtime.ts';
import type { IoServer } from '../realtime/socket-types.ts';
import { createCartService, type CartService } from '../cart/cart-service.ts';
import { createOrderService, type OrderService } from './order-service.ts';
import { joinUserRoom, registerOrderEvents } from './order-socket.ts';
import { createUserPush } from './user-push.ts';
import { createSessionOrders } from './session-orders.ts';
import type { SessionHub } from '../sessions/session-hub.ts';

export interface Ordering {
  cart: CartService;
  orders: OrderService;
  registerRoutes(app: FastifyInstance, registry: RouteRegistry): void;
  socketFeature: SocketFeature;
  /** Lets HTTP-triggered changes reach the users' sockets; call once Socket.IO is up. */
  attach(io: IoServer): void;
  /** Lets agents propose carts in sessions and links orders placed for a session to its log. */
  linkSessions(hub: SessionHub): void;
}

export function createOrdering(ctx: AppContext, events: EventTable): Ordering {
  const push = createUserPush();
  const cart = createCartService(ctx.store.db, push);
  const sessions = createSessionOrders(ctx.store.db);
  const orders = createOrderService(ctx.store, push, cart, sessions);
  registerOrderEvents(events, { cart, orders, sessions });
  return {
    cart,
    orders,
    registerRoutes: (app, registry) => registerOrderRoutes(app, ctx, registry, { cart, orders }),
    socketFeature: joinUserRoom,
    attach: (io) => push.attach(io),
    linkSessions: (hub) => sessions.attach(hub),
  };
}
