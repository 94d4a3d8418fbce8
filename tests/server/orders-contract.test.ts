// The order and cart events are typed once in core/: wrong payloads do not compile, and the schemas agree with the types.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { PlaceOrderEventSchema, type OrderStatusEvent } from '../../core/order-events.ts';
import type { CartResponse } from '../../core/cart.ts';
import type { PlaceOrderResponse } from '../../core/order.ts';
import type { AckResponse } from '../../core/ack.ts';
import type { ClientSocket } from '../support/test-server.ts';

describe('order event contract', () => {
  it('types the payloads and acks of the cart and order events', () => {
    const typeOnly = (socket: ClientSocket) => {
      socket.emit('cart:set-item', { sku: 'WC-PAD-01', quantity: 0 }, (response) => expectTypeOf(response).toEqualTypeOf<AckResponse<CartResponse>>());
      socket.emit('order:place', { idempotencyKey: 'key-12345', items: [{ sku: 'WC-PAD-01', quantity: 1 }], addressId: 'a1' }, (response) =>
        expectTypeOf(response).toEqualTypeOf<AckResponse<PlaceOrderResponse>>(),
      );
      // @ts-expect-error quantity is a number
      socket.emit('cart:set-item', { sku: 'WC-PAD-01', quantity: '2' }, () => undefined);
      // @ts-expect-error an order needs its idempotency key
      socket.emit('order:place', { items: [{ sku: 'WC-PAD-01', quantity: 1 }] }, () => undefined);
      // @ts-expect-error line totals are the server's to compute
      socket.emit('order:place', { idempotencyKey: 'key-12345', items: [{ sku: 'WC-PAD-01', quantity: 1, lineTotalCents: 1 }] }, () => undefined);
      socket.on('order:status', (event) => expectTypeOf(event).toEqualTypeOf<OrderStatusEvent>());
      socket.on('cart:updated', (event) => expectTypeOf(event).toEqualTypeOf<CartResponse>());
    };
    expect(typeof typeOnly).toBe('function');
  });

  it('the place-order schema refuses what the type refuses', () => {
    expect(PlaceOrderEventSchema.safeParse({ items: [{ sku: 'WC-PAD-01', quantity: 1 }], address: undefined }).success).toBe(false);
    expect(PlaceOrderEventSchema.safeParse({ idempotencyKey: 'key-12345', items: [{ sku: 'WC-PAD-01', quantity: 1, lineTotalCents: 1 }] }).success).toBe(false);
    expect(PlaceOrderEventSchema.safeParse({ idempotencyKey: 'key-12345', items: [{ sku: 'WC-PAD-01', quantity: 1 }], addressId: 'a1' }).success).toBe(true);
  });
});
