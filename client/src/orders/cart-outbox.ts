// The cart's outbox: changes sent in order as `cart:add-item` / `cart:set-item`. An add whose answer never came is
// checked against the server's line before it is sent again, so it is never added twice.
import type { Cart } from '../../../core/order.ts';
import type { ErrorCode } from '../../../core/errors.ts';
import { RealtimeError, type RealtimeClient } from '../realtime/realtime-client.ts';
import { createOutbox, type Outbox, type OutboxStorage } from '../realtime/outbox.ts';
import { isCartChange, lineQuantity, type CartChange } from './cart-changes.ts';

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
  /** The server's cart as last known: an add notes its line's quantity there when it is sent. */
  confirmed(): Cart | null;
  onSent(change: CartChange, cart: Cart): void;
  onRefused(change: CartChange, error: RealtimeError): void;
  onDrained(refused: number): void;
}

export function createCartOutbox(options: CartOutboxOptions): Outbox<CartChange> {
  const { client } = options;
  const send = async (change: CartChange): Promise<Cart> => {
    const { sku, quantity } = change;
    if (change.kind === 'set') return (await client().request('cart:set-item', { sku, quantity })).cart;
    if (change.sentOn !== undefined) {
      const { cart } = await client().request('cart:get', {});
      // The line moved since the add was sent: it arrived (or the cart changed elsewhere); either way, show the server's.
      if (lineQuantity(cart, sku) !== change.sentOn) return cart;
    }
    outbox.update({ ...change, sentOn: lineQuantity(options.confirmed(), sku) });
    return (await client().request('cart:add-item', { sku, quantity })).cart;
  };
  const outbox: Outbox<CartChange> = createOutbox<CartChange, Cart>({
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
  return outbox;
}
