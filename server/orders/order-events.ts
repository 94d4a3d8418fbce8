// Realtime ordering: place an order over the socket, with the same rules as `POST /api/orders`.
import { PlaceOrderEventSchema } from '../../core/order-events.ts';
import { shopper } from '../cart/cart-events.ts';
import type { EventTable } from '../realtime/event-table.ts';
import type { OrderService } from './order-service.ts';

export function registerOrderEvents(events: EventTable, orders: OrderService): void {
  events.on('order:place', { schema: PlaceOrderEventSchema, limit: 'none' }, async (socket, { idempotencyKey, ...request }) => {
    const { order, replayed } = await orders.place(shopper(socket), idempotencyKey, request);
    return { order, replayed };
  });
}
