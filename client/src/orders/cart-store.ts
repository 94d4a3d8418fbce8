// The signed-in user's server-side cart: loaded when the connection comes up, changed on screen at once and sent in
// order through an outbox that keeps changes made offline, synced by `cart:updated`; the server's answers replace the guess.
import { createStore } from 'zustand/vanilla';
import type { Cart, CartItem } from '../../../core/cart.ts';
import type { ErrorBody } from '../../../core/ack.ts';
import type { LocalizedText } from '../../../core/i18n.ts';
import type { AuthStore } from '../state/auth-store.ts';
import type { ConnectionStore } from '../realtime/connection-store.ts';
import { RealtimeError, type ConnectionStatus, type RealtimeClient } from '../realtime/realtime-client.ts';
import { newEntryId, type OutboxStorage } from '../realtime/outbox.ts';
import { applyCartChanges, type CartChange, type CartPartInfo } from './cart-changes.ts';
import { createCartOutbox } from './cart-outbox.ts';
import { whenOnline } from '../realtime/when-online.ts';

export interface CartRefusal {
  sku: string;
  name: LocalizedText | null;
  error: ErrorBody;
}

export interface CartState {
  status: 'signed-out' | 'loading' | 'ready' | 'error';
  /** What the person sees: the server's cart with the changes it has not answered yet applied on top. */
  cart: Cart | null;
  error: unknown;
  online: boolean;
  /** SKUs of the changes the server has not answered yet, in the order they were made. */
  pending: string[];
  /** The server's refusal of a change nobody was waiting for any more (made offline); cleared by the next change. */
  refused: CartRefusal | null;
}

/** `saved`: the server took the change; `queued`: it waits for the connection and is sent when it is back. */
export type CartChangeOutcome = 'saved' | 'queued';

export type CartAddition = CartItem & { part?: CartPartInfo };

export interface CartStore {
  getState(): CartState;
  subscribe(listener: (state: CartState) => void): () => void;
  /** Adds each item's quantity to its line; rejects with the server's refusal when it answers at once. */
  add(items: readonly CartAddition[]): Promise<CartChangeOutcome>;
  /** Sets a line's quantity; 0 removes it. */
  setQuantity(sku: string, quantity: number): Promise<CartChangeOutcome>;
  refresh(): Promise<void>;
  /** Takes a cart the server answered elsewhere (e.g. a reorder over HTTP). */
  receive(cart: Cart): void;
  destroy(): void;
}

export interface CartStoreOptions {
  /** Where changes wait while offline. @default localStorage */
  storage?: OutboxStorage;
  /** Delay before a change whose answer never came is tried again. @default 3000 */
  retryMs?: number;
}

const OFFLINE: ReadonlySet<ConnectionStatus> = new Set(['offline', 'reconnecting', 'refused']);

interface Waiter {
  resolve(outcome: CartChangeOutcome): void;
  reject(error: unknown): void;
}

export function cartItemCount(cart: Cart | null): number {
  return cart?.items.reduce((sum, line) => sum + line.quantity, 0) ?? 0;
}

export function createCartStore(auth: AuthStore, connection: ConnectionStore, options: CartStoreOptions = {}): CartStore {
  const storage = options.storage ?? localStorage;
  const signedIn = () => auth.getState().token !== null;
  const client = (): RealtimeClient => connection.getState().client;
  const status = () => client().getState().status;
  const waiters = new Map<string, Waiter>();
  /** The server's cart as last answered or pushed. */
  let confirmed: Cart | null = null;
  /** Counts the server's carts taken from changes and pushes, so a `cart:get` answered before one of them is not taken. */
  let answers = 0;

  const openOutbox = () =>
    createCartOutbox({
      userId: auth.getState().user?.id ?? 'signed-out',
      storage,
      ...(options.retryMs === undefined ? {} : { retryMs: options.retryMs }),
      client,
      canSend: () => signedIn() && status() === 'online',
      onSent(change, cart) {
        settle(change.changeId, { saved: true });
        receive(cart);
      },
      onRefused(change, error) {
        const name = change.part?.name ?? confirmed?.items.find((line) => line.sku === change.sku)?.name ?? null;
        recompute(settle(change.changeId, { error }) ? {} : { refused: { sku: change.sku, name, error: error.body } });
      },
      onDrained(refused) {
        const now = status();
        if (outbox.list().length > 0 && now !== 'connecting' && now !== 'idle') settleQueued();
        if (refused > 0 && outbox.list().length === 0) void refresh();
      },
    });
  let outbox = openOutbox();

  const initial = (): CartState => ({
    status: signedIn() ? 'loading' : 'signed-out',
    cart: null,
    error: null,
    online: status() === 'online',
    pending: outbox.list().map((change) => change.sku),
    refused: null,
  });
  const store = createStore<CartState>(initial);

  const recompute = (patch: Partial<CartState> = {}) => {
    const changes = outbox.list();
    store.setState({ ...patch, cart: confirmed && applyCartChanges(confirmed, changes), pending: changes.map((change) => change.sku) });
  };
  const receive = (cart: Cart) => {
    answers += 1;
    confirmed = cart;
    recompute({ status: 'ready', error: null });
  };
  const settleQueued = () => {
    for (const waiter of waiters.values()) waiter.resolve('queued');
    waiters.clear();
  };
  /** Answers whoever waits for the change; false when nobody does any more. */
  const settle = (changeId: string, outcome: { saved: true } | { error: unknown }): boolean => {
    const waiter = waiters.get(changeId);
    waiters.delete(changeId);
    if ('saved' in outcome) waiter?.resolve('saved');
    else waiter?.reject(outcome.error);
    return waiter !== undefined;
  };

  const refresh = async () => {
    if (!signedIn()) {
      confirmed = null;
      return store.setState({ status: 'signed-out', cart: null, error: null });
    }
    const before = answers;
    try {
      const { cart } = await client().request('cart:get', {});
      if (answers === before) receive(cart);
    } catch (error) {
      if (!confirmed) store.setState({ status: 'error', error });
    }
  };

  const dispatch = (changes: CartChange[]): Promise<CartChangeOutcome> => {
    if (!signedIn()) return Promise.reject(new RealtimeError({ code: 'unauthorized', message: 'Please sign in to use the cart and to order.' }));
    const outcomes = changes.map((change) => new Promise<CartChangeOutcome>((resolve, reject) => waiters.set(change.changeId, { resolve, reject })));
    outbox.push(...changes);
    recompute({ refused: null });
    if (OFFLINE.has(status())) settleQueued();
    void outbox.drain();
    return Promise.all(outcomes).then((all) => (all.includes('queued') ? 'queued' : 'saved'));
  };

  let detach = () => {};
  const wire = (current: RealtimeClient) => {
    detach();
    const offPush = current.on('cart:updated', ({ cart }) => receive(cart));
    const offStatus = current.subscribe((next) => {
      const online = next.status === 'online';
      if (online !== store.getState().online) store.setState({ online });
      if (OFFLINE.has(next.status)) settleQueued();
    });
    const offOnline = whenOnline(current, () => void refresh().then(() => outbox.drain()));
    detach = () => {
      offPush();
      offStatus();
      offOnline();
    };
  };
  wire(client());
  const offConnection = connection.subscribe((next) => {
    detach();
    outbox.destroy();
    settleQueued();
    outbox = openOutbox();
    confirmed = null;
    store.setState(initial());
    wire(next.client);
  });

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    add: (items) => dispatch(items.map(({ sku, quantity, part }) => ({ changeId: newEntryId(), kind: 'add', sku, quantity, ...(part ? { part } : {}) }))),
    setQuantity: (sku, quantity) => dispatch([{ changeId: newEntryId(), kind: 'set', sku, quantity }]),
    refresh,
    receive,
    destroy() {
      detach();
      offConnection();
      outbox.destroy();
      settleQueued();
    },
  };
}
