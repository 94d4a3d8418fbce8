// Realtime cart events: read and change the cart from any device, and an agent's proposal of parts in a session.
import type { User } from '../../core/auth.ts';
import { AppError } from '../../core/errors.ts';
import { AddCartItemEventSchema, CartProposalSchema, SetCartItemEventSchema } from '../../core/cart-events.ts';
import { EmptyPayloadSchema } from '../../core/field-schemas.ts';
import type { EventTable } from '../realtime/event-table.ts';
import type { IoSocket } from '../realtime/socket-types.ts';
import type { CartProposals } from './cart-proposals.ts';
import type { CartService } from './cart-service.ts';

/** The cart's owner; the cart and ordering events share this refusal. */
export function shopper(socket: IoSocket): User {
  const { user } = socket.data;
  if (!user) throw new AppError('unauthorized', 'Please sign in to use the cart and to order.');
  return user;
}

export function registerCartEvents(events: EventTable, cart: CartService, proposals: CartProposals): void {
  events.on('cart:get', { schema: EmptyPayloadSchema, limit: 'read' }, async (socket) => ({ cart: await cart.get(shopper(socket).id) }));
  events.on('cart:set-item', { schema: SetCartItemEventSchema, limit: 'none' }, async (socket, { sku, quantity }) => ({ cart: await cart.setItem(shopper(socket).id, sku, quantity) }));
  events.on('cart:add-item', { schema: AddCartItemEventSchema, limit: 'none' }, async (socket, { sku, quantity, changeId }) => ({ cart: await cart.addItem(shopper(socket).id, sku, quantity, changeId) }));
  events.on('cart:clear', { schema: EmptyPayloadSchema, limit: 'none' }, async (socket) => ({ cart: await cart.clear(shopper(socket).id) }));
  events.on('cart:propose', { schema: CartProposalSchema, limit: 'session-write' }, (socket, proposal) => proposals.propose(socket.data.user, proposal, socket.id));
}
