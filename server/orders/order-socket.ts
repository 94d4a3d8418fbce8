// Realtime cart and order events; every signed-in socket joins its user's room so changes reach all its devices.
import type { User } from '../../core/auth.ts';
import { AppError } from '../../core/errors.ts';
import { CartItemSchema, CartProposalSchema, EmptyPayloadSchema, PlaceOrderEventSchema, SetCartItemEventSchema } from '../../core/order.ts';
import type { AppContext } from '../context.ts';
import type { CartService } from '../cart/cart-service.ts';
import { onEvent } from '../realtime/on-event.ts';
import type { SocketFeature } from '../realtime/realtime.ts';
import type { OrderService } from './order-service.ts';
import type { SessionOrders } from './session-orders.ts';
import { userRoom } from './user-push.ts';

export function createOrderSocketFeature(ctx: AppContext, services: { cart: CartService; orders: OrderService; sessions: SessionOrders }): SocketFeature {
  const { cart, orders, sessions } = services;
  return (socket) => {
    const user = socket.data.user;
    if (user) void socket.join(userRoom(user.id));
    const signedIn = (): User => {
      if (!user) throw new AppError('unauthorized', 'Please sign in to use the cart and to order.');
      return user;
    };
    onEvent(socket, 'cart:get', EmptyPayloadSchema, async () => ({ cart: await cart.get(signedIn().id) }), ctx.log);
    onEvent(socket, 'cart:set-item', SetCartItemEventSchema, async ({ sku, quantity }) => ({ cart: await cart.setItem(signedIn().id, sku, quantity) }), ctx.log);
    onEvent(socket, 'cart:add-item', CartItemSchema, async ({ sku, quantity }) => ({ cart: await cart.addItem(signedIn().id, sku, quantity) }), ctx.log);
    onEvent(socket, 'cart:clear', EmptyPayloadSchema, async () => ({ cart: await cart.clear(signedIn().id) }), ctx.log);
    onEvent(
      socket,
      'order:place',
      PlaceOrderEventSchema,
      async ({ idempotencyKey, ...request }) => {
        const { order, replayed } = await orders.place(signedIn(), idempotencyKey, request);
        return { order, replayed };
      },
      ctx.log,
    );
    onEvent(socket, 'cart:propose', CartProposalSchema, (proposal) => sessions.propose(user, proposal, socket.id), ctx.log);
  };
}
