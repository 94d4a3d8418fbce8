// Order operations for HTTP and realtime alike: placing, reading with access checks, status changes pushed live, reorders.
import type { User } from '../../core/auth.ts';
import { AppError } from '../../core/errors.ts';
import type { Cart } from '../../core/cart.ts';
import type { Order, OrderStatus, PlaceOrderRequest, UsualItem } from '../../core/order.ts';
import type { Kysely } from 'kysely';
import type { SessionLogEntry } from '../../core/session.ts';
import type { Store } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { CartService } from '../cart/cart-service.ts';
import { findOrderById, listOrdersOfUser } from './order-repository.ts';
import { lastOrderItems } from './order-history.ts';
import { productOfGuide, usualItems } from './usual-parts.ts';
import { changeOrderStatus } from './order-status.ts';
import { placeOrder, type PlacedOrder } from './place-order.ts';
import type { SessionOrders } from './session-orders.ts';
import type { UserPush } from '../realtime/user-push.ts';
import type { Metrics } from '../platform/metrics.ts';

export interface OrderService {
  place(user: User, idempotencyKey: string, request: PlaceOrderRequest): Promise<PlacedOrder>;
  list(user: User, limit: number): Promise<Order[]>;
  /** The order if the user may see it: its owner or an admin. Others get not_found, as if it did not exist. */
  get(user: User, orderId: string): Promise<Order>;
  setStatus(admin: User, orderId: string, status: OrderStatus): Promise<Order>;
  reorderLast(user: User): Promise<{ cart: Cart; fromOrder: { id: string; number: string } }>;
  /** "The usual" of the user; with a guide, only the parts of its product. */
  usual(user: User, guideId?: string): Promise<UsualItem[]>;
  reorderUsual(user: User): Promise<Cart>;
}

export function createOrderService(store: Store, push: UserPush, cart: CartService, sessions: SessionOrders, metrics?: Pick<Metrics, 'order'>): OrderService {
  const { db } = store;
  const mayRead = (user: User, order: Order) => order.userId === user.id || user.role === 'admin';
  return {
    async place(user, idempotencyKey, request) {
      const { sessionId } = request;
      if (sessionId) await sessions.requireBuyerInSession(user, sessionId);
      let linked: SessionLogEntry[] = [];
      const alsoWrite = sessionId
        ? async (trx: Kysely<Database>, order: Order, now: number) => {
            linked = await sessions.linkWithin(trx, user, sessionId, order.id, now);
          }
        : undefined;
      const announceLink = sessionId ? sessions.expectLink(sessionId) : undefined;
      let placed: PlacedOrder | undefined;
      try {
        placed = await placeOrder(store, { user, idempotencyKey, request, alsoWrite });
        metrics?.order(placed.replayed ? 'replayed' : 'placed');
      } catch (error) {
        metrics?.order(error instanceof AppError ? error.code : 'internal');
        throw error;
      } finally {
        // A replay's link was written by the first placing, and a failed one's was rolled back.
        announceLink?.(placed && !placed.replayed ? linked : []);
      }
      if (!placed.replayed) push.toUser(user.id, 'order:placed', { order: placed.order });
      if (placed.cartChanged) await cart.announce(user.id);
      return placed;
    },
    list: (user, limit) => listOrdersOfUser(db, user.id, limit),
    async get(user, orderId) {
      const order = await findOrderById(db, orderId);
      if (!order || !mayRead(user, order)) throw new AppError('not_found', `There is no order "${orderId}" of yours.`);
      return order;
    },
    async setStatus(admin, orderId, status) {
      const change = await changeOrderStatus(db, orderId, status, admin.id);
      const order = await findOrderById(db, orderId);
      if (!order) throw new AppError('not_found', `There is no order "${orderId}".`);
      if (change.changed && order.userId !== null) {
        push.toUser(order.userId, 'order:status', { orderId, number: order.number, status, previousStatus: change.previousStatus, at: change.at, order });
      }
      return order;
    },
    async reorderLast(user) {
      const last = await lastOrderItems(db, user.id);
      if (!last) throw new AppError('not_found', 'You have no orders yet, so there is nothing to reorder.');
      return { cart: await cart.setItems(user.id, last.items), fromOrder: { id: last.orderId, number: last.number } };
    },
    usual: async (user, guideId) => usualItems(db, { userId: user.id, productId: guideId === undefined ? undefined : await productOfGuide(db, guideId) }),
    async reorderUsual(user) {
      const usual = await usualItems(db, { userId: user.id });
      if (usual.length === 0) throw new AppError('not_found', 'There is no usual yet: consumables ordered at least twice show up here.');
      return cart.setItems(user.id, usual.map(({ sku, quantity }) => ({ sku, quantity })));
    },
  };
}
