// Realtime cart and order events; every signed-in socket joins its user's room so changes reach all its devices.
import type { User } from '../../core/auth.ts';
import { AppError } from '../../core/errors.ts';
import { AddCartItemEventSchema, CartProposalSchema, SetCartItemEventSchema } from '../../core/cart-events.ts';
import { EmptyPayloadSchema } from '../../core/field-schemas.ts';
import { PlaceOrderEventSchema } from '../../core/order-events.ts';
import type { CartService } from '../cart/cart-service.ts';
import type { EventTable } from '../realtime/event-table.ts';
import type { SocketFeature } from '../realtime/realtime.ts';
import type { IoSocket } from '../realtime/socket-types.ts';
import type { OrderService } from './order-service.ts';
import type { SessionOrders } from './session-orders.ts';
import { userRoom } from './user-push.ts';

function signedIn(socket: IoSocket): User {
  const { user } = socket.data;
  if (!user) throw new AppError('unauthorized', 'Please sign in to use the cart and to order.');
  return user;
}

export function registerOrderEvents(events: EventTable, services: { cart: CartService; orders: OrderService; sessions: SessionOrders }): void {
  const { cart, orders, sessions } = services;
  events.on('cart:get', { schema: EmptyPayloadSchema, limit: 'none' }, async (socket) => ({ cart: await cart.get(signedIn(socket).id) }));
  events.on('cart:set-item', { schema: SetCartItemEventSchema, limit: 'none' }, async (socket, { sku, quantity }) => ({ cart: await cart.setItem(signedIn(socket).id, sku, quantity) }));
  events.on('cart:add-item', { schema: AddCartItemEventSchema, limit: 'none' }, async (socket, { sku, quantity, changeId }) => ({ cart: await cart.addItem(signedIn(socket).id, sku, quantity, changeId) }));
  events.on('cart:clear', { schema: EmptyPayloadSchema, limit: 'none' }, async (socket) => ({ cart: await cart.clear(signedIn(socket).id) }));
  events.on('order:place', { schema: PlaceOrderEventSchema, limit: 'none' }, async (socket, { idempotencyKey, ...request }) => {
    const { order, replayed } = await orders.place(signedIn(socket), idempotencyKey, request);
    return { order, replayed };
  });
  events.on('cart:propose', { schema: CartProposalSchema, limit: 'session-write' }, (socket, proposal) => sessions.propose(socket.data.user, proposal, socket.id));
}

export const joinUserRoom: SocketFeature = (socket) => {
  const { user } = socket.data;
  if (user) void socket.join(userRoom(user.id));
};
