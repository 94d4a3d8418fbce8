// Realtime ordering: place an order over the socket, and the pushes of placed orders and status changes to the buyer.
import type { z } from 'zod';
import type { Ack } from './ack.ts';
import { IdempotencyKeySchema, PlaceOrderRequestSchema, type Order, type OrderResponse, type OrderStatus, type PlaceOrderResponse } from './order.ts';

export const PlaceOrderEventSchema = PlaceOrderRequestSchema.extend({ idempotencyKey: IdempotencyKeySchema });
export type PlaceOrderEvent = z.infer<typeof PlaceOrderEventSchema>;

export interface OrderStatusEvent {
  orderId: string;
  number: string;
  status: OrderStatus;
  previousStatus: OrderStatus;
  at: number;
  order: Order;
}

export interface OrderClientToServerEvents {
  /** Same rules as `POST /api/orders`; the idempotency key travels in the payload. */
  'order:place': (payload: z.input<typeof PlaceOrderEventSchema>, ack: Ack<PlaceOrderResponse>) => void;
}

export interface OrderServerToClientEvents {
  /** To every socket of the buyer once an order is committed. */
  'order:placed': (payload: OrderResponse) => void;
  /** To every socket of the buyer when an order's status changes. */
  'order:status': (payload: OrderStatusEvent) => void;
}
