// The cart's outbox: changes sent in order as `cart:add-item` / `cart:set-item`. An add carries its change id, so the
// server applies an add sent again after a lost answer only once.
import type { Cart } from '../../../core/cart.ts';
import type { ErrorCode } from '../../../core/ack.ts';
import { RealtimeError, type RealtimeClient } from '../realtime/realtime-client.ts';
import { createOutbox, type Outbox, type OutboxStorage } from '../realtime/outbox.ts';
import { isCartChange, type CartChange } from './cart-changes.ts';

/** Refusals a retry cannot fix: the change is dropped and the server's cart shown. */
const REFUSALS: ReadonlySet<ErrorCode> = new Set(['bad_request', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'out_of_stock']);

export function cartQueueKey(userId: string): string {
  return `xr-assist.cart-queue.${userId}`;
}

export interface CartOutboxOptions {
  userId: string;
  storage: OutboxStorage;
  retryMs?: number;
  client(): RealtimeClient;
  canSend(): boolean;
  onSent(change: CartChange, cart: Cart): void;
  onRefused(change: CartChange, error: RealtimeError): void;
  onDrained(refused: number): void;
}

export function createCartOutbox(options: CartOutboxOptions): Outbox<CartChange> {
  const { client } = options;
  const send = async (change: CartChange): Promise<Cart> => {
    const { sku, quantity, changeId } = change;
    if (change.kind === 'set') return (await client().request('cart:set-item', { sku, quantity })).cart;
    return (await client().request('cart:add-item', { sku, quantity, changeId })).cart;
  };
  return createOutbox<CartChange, Cart>({
    key: cartQueueKey(options.userId),
    storage: options.storage,
    ...(options.retryMs === undefined ? {} : { retryMs: options.retryMs }),
    isEntry: isCartChange,
    idOf: (change) => change.changeId,
    canSend: options.canSend,
    send,
    isRefusal: (error) => error instanceof RealtimeError && REFUSALS.has(error.body.code),
    onSent: options.onSent,
    onRefused: (change, error) => options.onRefused(change, error as RealtimeError),
    onDrained: options.onDrained,
  });
}
