// The signed-in user's orders, newest first: loaded when the connection comes up, kept live by `order:placed` and `order:status`.
import { createStore } from 'zustand/vanilla';
import type { Order, OrderList } from '../../../core/order.ts';
import type { OrderStatusEvent } from '../../../core/order-events.ts';
import { apiFetch } from '../api/http.ts';
import type { AuthStore } from '../state/auth-store.ts';
import type { ConnectionStore } from '../realtime/connection-store.ts';
import type { RealtimeClient } from '../realtime/realtime-client.ts';
import { whenOnline } from '../realtime/when-online.ts';

export interface OrdersState {
  status: 'signed-out' | 'loading' | 'ready' | 'error';
  orders: Order[];
  error: unknown;
  /** The latest live status change, for announcing it. */
  lastChange: OrderStatusEvent | null;
}

export interface OrdersStore {
  getState(): OrdersState;
  subscribe(listener: (state: OrdersState) => void): () => void;
  refresh(): Promise<void>;
  /** Takes an order the server answered (placed here, or pushed). */
  receive(order: Order): void;
  destroy(): void;
}

export function createOrdersStore(auth: AuthStore, connection: ConnectionStore): OrdersStore {
  const signedIn = () => auth.getState().token !== null;
  const initial = (): OrdersState => ({ status: signedIn() ? 'loading' : 'signed-out', orders: [], error: null, lastChange: null });
  const store = createStore<OrdersState>(initial);

  const receive = (order: Order) => {
    const others = store.getState().orders.filter((existing) => existing.id !== order.id);
    store.setState({ orders: [order, ...others].sort((a, b) => b.createdAt - a.createdAt) });
  };
  const refresh = async () => {
    if (!signedIn()) return store.setState(initial());
    try {
      const { orders } = await apiFetch<OrderList>('/api/orders');
      store.setState({ status: 'ready', orders, error: null });
    } catch (error) {
      store.setState({ status: store.getState().status === 'ready' ? 'ready' : 'error', error });
    }
  };

  let detach = () => {};
  const wire = (client: RealtimeClient) => {
    detach();
    const offPlaced = client.on('order:placed', ({ order }) => receive(order));
    const offStatus = client.on('order:status', (event) => {
      receive(event.order);
      store.setState({ lastChange: event });
    });
    const offOnline = whenOnline(client, () => void refresh());
    detach = () => {
      offPlaced();
      offStatus();
      offOnline();
    };
  };
  wire(connection.getState().client);
  const offConnection = connection.subscribe((next) => {
    store.setState(initial());
    wire(next.client);
  });

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    refresh,
    receive,
    destroy() {
      detach();
      offConnection();
    },
  };
}
