// "Your usual?": the person's usual parts (optionally of one guide's product) and one tap per part that orders it again
// with the quantity and address of last time, under one idempotency key per part (a double tap or a retry orders once).
import { createStore } from 'zustand/vanilla';
import { UsualListSchema, type Order, type OrderOrigin, type UsualItem } from '../../../../core/order.ts';
import { apiGet } from '../../api/http.ts';
import type { Resource } from '../../components/use-resource.ts';
import type { RealtimeClient } from '../../realtime/realtime-client.ts';
import { checkoutKey } from '../checkout-key.ts';
import { orderProblemOf, type OrderProblem } from '../order-problem.ts';
import type { OrdersStore } from '../orders-store.ts';
import { placeOrder } from '../place-order.ts';

export type UsualProblem = OrderProblem | { kind: 'no-address' };

export interface UsualTap {
  busy: boolean;
  order: Order | null;
  problem: UsualProblem | null;
}

export interface UsualState {
  items: Resource<UsualItem[]>;
  taps: Readonly<Record<string, UsualTap>>;
}

export interface UsualStoreOptions {
  client: () => RealtimeClient;
  orders: OrdersStore;
  /** Only the parts of this guide's product. */
  guideId?: string | undefined;
  /** Where the taps are: `ar` for the headset's sheet. @default 'page' */
  origin?: OrderOrigin;
}

const IDLE: UsualTap = { busy: false, order: null, problem: null };

export function createUsualStore({ client, orders, guideId, origin = 'page' }: UsualStoreOptions) {
  const store = createStore<UsualState>(() => ({ items: { status: 'loading' }, taps: {} }));
  const controller = new AbortController();
  const path = `/api/orders/usual${guideId ? `?guideId=${encodeURIComponent(guideId)}` : ''}`;
  const setTap = (sku: string, tap: Partial<UsualTap>) => store.setState(({ taps }) => ({ taps: { ...taps, [sku]: { ...(taps[sku] ?? IDLE), ...tap } } }));
  const load = () => {
    apiGet(path, UsualListSchema, controller.signal).then(
      ({ items }) => store.setState({ items: { status: 'ready', data: items } }),
      (error: unknown) => {
        if (!controller.signal.aborted) store.setState({ items: { status: 'error', error, retry: load } });
      },
    );
  };
  load();

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    tapOf: (sku: string): UsualTap => store.getState().taps[sku] ?? IDLE,
    /** Orders the part again as last time; resolves with the order, or null when refused (the reason is in its tap). */
    async orderAgain(item: UsualItem): Promise<Order | null> {
      if (store.getState().taps[item.sku]?.busy) return null;
      const { address, quantity } = item.last;
      if (!address) {
        setTap(item.sku, { problem: { kind: 'no-address' }, order: null });
        return null;
      }
      setTap(item.sku, { busy: true, problem: null, order: null });
      try {
        const order = await placeOrder(client(), orders, checkoutKey(`usual:${item.sku}`), {
          lines: [{ sku: item.sku, quantity, unitPriceCents: item.unitPriceCents }],
          totalCents: item.unitPriceCents * quantity,
          destination: { address, saveAddress: false },
          origin,
        });
        setTap(item.sku, { order });
        return order;
      } catch (error) {
        setTap(item.sku, { problem: orderProblemOf(error) });
        return null;
      } finally {
        setTap(item.sku, { busy: false });
      }
    },
    destroy() {
      controller.abort();
    },
  };
}

export type UsualStore = ReturnType<typeof createUsualStore>;
