// Wires the cart: the service that pushes each change to the owner's sockets, proposals in sessions, routes and events.
import type { RouteTable } from '../http/define-route.ts';
import type { AppContext } from '../platform/context.ts';
import type { EventTable } from '../realtime/event-table.ts';
import type { UserPush } from '../realtime/user-push.ts';
import type { SessionHub } from '../sessions/session-hub.ts';
import { registerCartEvents } from './cart-events.ts';
import { createCartProposals } from './cart-proposals.ts';
import { registerCartRoutes } from './cart-routes.ts';
import { createCartService, type CartService } from './cart-service.ts';

export interface CartDeps {
  events: EventTable;
  routes: RouteTable;
  push: UserPush;
  hub: SessionHub;
}

/** Returns the cart service, which ordering uses to empty and refill carts. */
export function createCart(ctx: AppContext, { events, routes, push, hub }: CartDeps): CartService {
  const cart = createCartService(ctx.store.db, push);
  registerCartRoutes(routes, cart);
  registerCartEvents(events, cart, createCartProposals(ctx.store.db, hub));
  return cart;
}
