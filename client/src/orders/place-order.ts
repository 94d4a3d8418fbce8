// Places an order over the socket under the attempt's idempotency key (a retry never orders twice): the one action
// behind the checkout form on the page and the one-press checkout in the headset.
import type { Address, Order, OrderOrigin } from '../../../core/order.ts';
import type { RealtimeClient } from '../realtime/realtime-client.ts';
import type { CheckoutKey } from './checkout-key.ts';
import { isDefinitiveRefusal } from './order-problem.ts';
import type { OrdersStore } from './orders-store.ts';

export interface OrderLine {
  sku: string;
  quantity: number;
  /** The server's price, as shown; the server refuses the order if it changed. */
  unitPriceCents: number;
}

export type OrderDestination = { addressId: string } | { address: Address; saveAddress: boolean };

export interface PlaceOrderRequest {
  lines: readonly OrderLine[];
  totalCents: number;
  destination: OrderDestination;
  sessionId?: string;
  /** Where the person places it: `ar` in an immersive session (the HUD or the AR overlay), `page` otherwise. */
  origin: OrderOrigin;
  /** Removes the ordered parts from the cart in the same transaction. */
  fromCart?: boolean;
}

/** Resolves with the placed order (also given to the orders store); rejects with the server's refusal or a timeout. */
export async function placeOrder(client: RealtimeClient, orders: OrdersStore, key: CheckoutKey, request: PlaceOrderRequest): Promise<Order> {
  try {
    const { order } = await client.request(
      'order:place',
      {
        idempotencyKey: key.current(),
        items: request.lines.map(({ sku, quantity, unitPriceCents }) => ({ sku, quantity, unitPriceCents })),
        totalCents: request.totalCents,
        ...request.destination,
        origin: request.origin,
        ...(request.sessionId ? { sessionId: request.sessionId } : {}),
        ...(request.fromCart ? { clearCart: true } : {}),
      },
      15_000,
    );
    key.settle();
    orders.receive(order);
    return order;
  } catch (error) {
    if (isDefinitiveRefusal(error)) key.settle();
    throw error;
  }
}
