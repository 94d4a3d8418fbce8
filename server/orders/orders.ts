// Wires ordering: the order service (with its session links), its routes and its socket events.
import type { CartService } from '../cart/cart-service.ts';
import type { RouteTable } from '../http/define-route.ts';
import type { AppContext } from '../platform/context.ts';
import type { EventTable } from '../realtime/event-table.ts';
import type { UserPush } from '../realtime/user-push.ts';
import type { SessionHub } from '../sessions/session-hub.ts';
import { registerOrderEvents } from './order-events.ts';
import { registerOrderRoutes } from './order-routes.ts';
import { createOrderService } from './order-service.ts';
import { createSessionOrders } from './session-orders.ts';

export interface OrdersDeps {
  events: EventTable;
  routes: RouteTable;
  push: UserPush;
  hub: SessionHub;
  cart: CartService;
}

export function createOrders(ctx: AppContext, { events, routes, push, hub, cart }: OrdersDeps): void {
  const orders = createOrderService(ctx.store, push, cart, createSessionOrders(ctx.store.db, hub), ctx.metrics);
  registerOrderRoutes(routes, ctx.store.db, orders);
  registerOrderEvents(events, orders);
}
