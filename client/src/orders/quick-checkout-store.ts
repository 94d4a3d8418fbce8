// One-press checkout for the headset (orders placed here are recorded as placed in AR): the person's first saved address, Place order under the same idempotency key the
// page's checkout form would use for the same thing (a retry or a press in both never orders twice), then the order.
import { createStore } from 'zustand/vanilla';
import { AddressListSchema, type Order, type SavedAddress } from '../../../core/order.ts';
import { apiGet } from '../api/http.ts';
import type { Resource } from '../components/use-resource.ts';
import type { RealtimeClient } from '../realtime/realtime-client.ts';
import { checkoutKey } from './checkout-key.ts';
import { orderProblemOf, type OrderProblem } from './order-problem.ts';
import type { OrdersStore } from './orders-store.ts';
import { placeOrder, type OrderLine } from './place-order.ts';

export interface QuickCheckoutState {
  /** The saved address orders go to; null when the person has none yet (they add one on the page). */
  address: Resource<SavedAddress | null>;
  busy: boolean;
  order: Order | null;
  problem: OrderProblem | null;
}

export interface QuickCheckoutOptions {
  client: () => RealtimeClient;
  orders: OrdersStore;
  /** As for the checkout form: `cart`, or `session:<id>:<seq>` for a proposal. */
  keyScope: string;
  sessionId?: string;
  fromCart?: boolean;
}

export function createQuickCheckout({ client, orders, keyScope, sessionId, fromCart = false }: QuickCheckoutOptions) {
  const store = createStore<QuickCheckoutState>(() => ({ address: { status: 'loading' }, busy: false, order: null, problem: null }));
  const key = checkoutKey(keyScope);
  const controller = new AbortController();
  const loadAddress = () => {
    store.setState({ address: { status: 'loading' } });
    apiGet('/api/addresses', AddressListSchema, controller.signal).then(
      ({ addresses }) => store.setState({ address: { status: 'ready', data: addresses[0] ?? null } }),
      (error: unknown) => {
        if (!controller.signal.aborted) store.setState({ address: { status: 'error', error, retry: loadAddress } });
      },
    );
  };
  loadAddress();

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    async place(lines: readonly OrderLine[], totalCents: number): Promise<Order | null> {
      const { address, busy } = store.getState();
      if (busy || address.status !== 'ready' || !address.data || lines.length === 0) return null;
      store.setState({ busy: true, problem: null });
      try {
        const order = await placeOrder(client(), orders, key, { lines, totalCents, destination: { addressId: address.data.id }, origin: 'ar', ...(sessionId ? { sessionId } : {}), fromCart });
        store.setState({ order });
        return order;
      } catch (error) {
        store.setState({ problem: orderProblemOf(error) });
        return null;
      } finally {
        store.setState({ busy: false });
      }
    },
    destroy() {
      controller.abort();
    },
  };
}

export type QuickCheckout = ReturnType<typeof createQuickCheckout>;
