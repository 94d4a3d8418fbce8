// The signed-in user's server-side cart: loaded when the connection comes up, changed by acked requests, synced by `cart:updated`.
import { createStore } from 'zustand/vanilla';
import type { Cart, CartItem } from '../../../core/order.ts';
import type { AuthStore } from '../state/auth-store.ts';
import type { ConnectionStore } from '../realtime/connection-store.ts';
import type { RealtimeClient } from '../realtime/realtime-client.ts';
import { publishTestState } from '../test-hook.ts';
import { whenOnline } from './when-online.ts';

export interface CartState {
  status: 'signed-out' | 'loading' | 'ready' | 'error';
  cart: Cart | null;
  error: unknown;
}

export interface CartStore {
  getState(): CartState;
  subscribe(listener: (state: CartState) => void): () => void;
  /** Adds each item's quantity to its line. */
  add(items: readonly CartItem[]): Promise<Cart>;
  /** Sets a line's quantity; 0 removes it. */
  setQuantity(sku: string, quantity: number): Promise<Cart>;
  refresh(): Promise<void>;
  /** Takes a cart the server answered elsewhere (e.g. a reorder over HTTP). */
  receive(cart: Cart): void;
  destroy(): void;
}

export function cartItemCount(cart: Cart | null): number {
  return cart?.items.reduce((sum, line) => sum + line.quantity, 0) ?? 0;
}

export function createCartStore(auth: AuthStore, connection: ConnectionStore): CartStore {
  const signedIn = () => auth.getState().token !== null;
  const initial = (): CartState => ({ status: signedIn() ? 'loading' : 'signed-out', cart: null, error: null });
  const store = createStore<CartState>(initial);
  const client = (): RealtimeClient => connection.getState().client;

  const receive = (cart: Cart) => store.setState({ status: 'ready', cart, error: null });
  const refresh = async () => {
    if (!signedIn()) return store.setState({ status: 'signed-out', cart: null, error: null });
    try {
      receive((await client().request('cart:get', {})).cart);
    } catch (error) {
      if (!store.getState().cart) store.setState({ status: 'error', error });
    }
  };

  let detach = () => {};
  const wire = (current: RealtimeClient) => {
    detach();
    const offPush = current.on('cart:updated', ({ cart }) => receive(cart));
    const offOnline = whenOnline(current, () => void refresh());
    detach = () => {
      offPush();
      offOnline();
    };
  };
  wire(client());
  const offConnection = connection.subscribe((next) => {
    store.setState(initial());
    wire(next.client);
  });
  const offTestState = store.subscribe(({ cart }) =>
    publishTestState('orders', { cartCount: cartItemCount(cart), cartLines: cart?.items.map(({ sku, quantity }) => ({ sku, quantity })) ?? [] }),
  );

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    async add(items) {
      let cart = store.getState().cart;
      for (const { sku, quantity } of items) {
        cart = (await client().request('cart:add-item', { sku, quantity })).cart;
        receive(cart);
      }
      if (!cart) throw new Error('nothing to add');
      return cart;
    },
    async setQuantity(sku, quantity) {
      const { cart } = await client().request('cart:set-item', { sku, quantity });
      receive(cart);
      return cart;
    },
    refresh,
    receive,
    destroy() {
      detach();
      offConnection();
      offTestState();
    },
  };
}
