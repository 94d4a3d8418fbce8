// The cart store against a fake transport: changes shown at once, kept offline (across a reload), sent once and in
// order when back online, refusals shown with the server's message, and an add whose answer was lost never sent twice.
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { MAX_LINE_QUANTITY } from '../../core/order-limits.ts';
import type { Cart } from '../../core/cart.ts';
import type { LocalizedText } from '../../core/i18n.ts';
import { createCartStore } from '../../client/src/orders/cart-store.ts';
import { cartQueueKey } from '../../client/src/orders/cart-outbox.ts';
import { applyCartChanges, type CartPartInfo } from '../../client/src/orders/cart-changes.ts';
import { memoryStorage, type OutboxStorage } from '../../client/src/realtime/outbox.ts';
import type { AuthStore } from '../../client/src/state/auth-store.ts';
import type { ConnectionStore } from '../../client/src/realtime/connection-store.ts';
import { RealtimeError, type ConnectionStatus, type RealtimeClient, type RealtimeState } from '../../client/src/realtime/realtime-client.ts';

const PARTS: Record<string, CartPartInfo> = {
  'PAD-1': { name: { en: 'Brake pads', es: 'Pastillas' }, unitPriceCents: 2500, stock: 10, consumable: true },
  'BOLT-1': { name: { en: 'Bolt', es: 'Tornillo' }, unitPriceCents: 300, stock: 50, consumable: false },
};

/** A realtime client whose server keeps one user's cart, refusing unknown SKUs and lines above the limit as the real one does. */
function fakeServer() {
  const state = createStore<RealtimeState>(() => ({ status: 'offline', refusal: null, recovered: false }));
  const pushes = new Set<(payload: { cart: Cart }) => void>();
  const lines = new Map<string, number>();
  const received: string[] = [];
  let loseNextAnswer: 'after-applying' | 'before-applying' | null = null;
  /** Change ids of the adds applied, as the server keeps them. */
  const appliedAdds = new Set<string>();

  const cart = (): Cart => {
    const items = [...lines].map(([sku, quantity]) => {
      const part = PARTS[sku]!;
      return { sku, quantity, name: part.name, unitPriceCents: part.unitPriceCents, lineTotalCents: part.unitPriceCents * quantity, stock: part.stock, consumable: part.consumable };
    });
    return { items, totalCents: items.reduce((sum, line) => sum + line.lineTotalCents, 0), currency: 'EUR', updatedAt: items.length ? Date.now() : null };
  };
  const change = (sku: string, quantity: number) => {
    if (!PARTS[sku]) throw new RealtimeError({ code: 'not_found', message: `There is no part with SKU "${sku}".` });
    if (quantity > MAX_LINE_QUANTITY) throw new RealtimeError({ code: 'bad_request', message: `The cart would hold ${quantity} of ${sku}; a line holds at most ${MAX_LINE_QUANTITY}.` });
    if (quantity === 0) lines.delete(sku);
    else lines.set(sku, quantity);
    for (const push of pushes) push({ cart: cart() });
  };

  const client = {
    getState: state.getState,
    subscribe: state.subscribe,
    async request(event: string, payload: { sku: string; quantity: number; changeId?: string }) {
      if (state.getState().status !== 'online') throw new RealtimeError({ code: 'internal', message: 'timeout' });
      if (event === 'cart:get') return { ok: true, cart: cart() };
      received.push(`${event} ${payload.sku} ${payload.quantity}`);
      const lost = loseNextAnswer;
      loseNextAnswer = null;
      if (lost === 'before-applying') throw new RealtimeError({ code: 'internal', message: 'timeout' });
      if (event === 'cart:add-item') {
        if (!payload.changeId) throw new Error('an add without its change id');
        if (!appliedAdds.has(payload.changeId)) change(payload.sku, (lines.get(payload.sku) ?? 0) + payload.quantity);
        appliedAdds.add(payload.changeId);
      }
      else if (event === 'cart:set-item') change(payload.sku, payload.quantity);
      else throw new Error(`unexpected ${event}`);
      if (lost === 'after-applying') throw new RealtimeError({ code: 'internal', message: 'timeout' });
      return { ok: true, cart: cart() };
    },
    on(event: string, handler: (payload: { cart: Cart }) => void) {
      if (event !== 'cart:updated') return () => {};
      pushes.add(handler);
      return () => pushes.delete(handler);
    },
    sendVolatile() {},
    destroy() {},
  } as unknown as RealtimeClient;

  const auth = { getState: () => ({ token: 'token', user: { id: 'u1' } }), subscribe: () => () => {} } as unknown as AuthStore;
  const connection = { getState: () => ({ client }), subscribe: () => () => {} } as unknown as ConnectionStore;
  return {
    open: (storage: OutboxStorage) => createCartStore(auth, connection, { storage, retryMs: 10 }),
    setStatus: (status: ConnectionStatus) => state.setState({ status }),
    lines: () => Object.fromEntries(lines),
    received,
    loseNextAnswer: (how: 'after-applying' | 'before-applying') => void (loseNextAnswer = how),
  };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
};

const shown = (cart: Cart | null) => cart?.items.map(({ sku, quantity, lineTotalCents }) => ({ sku, quantity, lineTotalCents }));
const name = (sku: string): LocalizedText => PARTS[sku]!.name;

/** A fake server online and a cart store that has loaded from it. */
async function onlineCart() {
  const server = fakeServer();
  server.setStatus('online');
  const store = server.open(memoryStorage());
  await until(() => store.getState().status === 'ready');
  return { server, store };
}

describe('the cart store', () => {
  it('shows changes made offline at once, keeps them across a reload, and sends them once, in order, when back online', async () => {
    const server = fakeServer();
    const storage = memoryStorage();
    server.setStatus('online');
    const first = server.open(storage);
    await until(() => first.getState().status === 'ready');
    server.setStatus('offline');

    expect(await first.add([{ sku: 'PAD-1', quantity: 2, part: PARTS['PAD-1']! }])).toBe('queued');
    expect(await first.setQuantity('PAD-1', 5)).toBe('queued');
    expect(await first.add([{ sku: 'BOLT-1', quantity: 1, part: PARTS['BOLT-1']! }])).toBe('queued');
    expect(first.getState()).toMatchObject({ online: false, pending: ['PAD-1', 'PAD-1', 'BOLT-1'] });
    expect(shown(first.getState().cart)).toEqual([{ sku: 'PAD-1', quantity: 5, lineTotalCents: 12500 }, { sku: 'BOLT-1', quantity: 1, lineTotalCents: 300 }]);
    expect(first.getState().cart?.totalCents).toBe(12800);
    expect(server.received).toEqual([]);
    first.destroy();

    const reloaded = server.open(storage);
    expect(reloaded.getState().pending).toHaveLength(3);
    server.setStatus('online');
    await until(() => reloaded.getState().pending.length === 0);
    expect(server.received).toEqual(['cart:add-item PAD-1 2', 'cart:set-item PAD-1 5', 'cart:add-item BOLT-1 1']);
    expect(server.lines()).toEqual({ 'PAD-1': 5, 'BOLT-1': 1 });
    expect(shown(reloaded.getState().cart)).toEqual([{ sku: 'PAD-1', quantity: 5, lineTotalCents: 12500 }, { sku: 'BOLT-1', quantity: 1, lineTotalCents: 300 }]);
    expect(storage.getItem(cartQueueKey('u1'))).toBeNull();
    reloaded.destroy();
  });

  it('drops a change the server refuses after coming back online, says so with the server’s message, and shows the server’s cart', async () => {
    const { server, store } = await onlineCart();
    server.setStatus('offline');
    await store.add([{ sku: 'NOPE-1', quantity: 1, part: { ...PARTS['BOLT-1']!, name: { en: 'Ghost part', es: 'Pieza fantasma' } } }]);
    await store.add([{ sku: 'PAD-1', quantity: 1, part: PARTS['PAD-1']! }]);
    expect(shown(store.getState().cart)?.map((line) => line.sku)).toEqual(['NOPE-1', 'PAD-1']);

    server.setStatus('online');
    await until(() => store.getState().pending.length === 0 && store.getState().refused !== null);
    expect(store.getState().refused).toEqual({ sku: 'NOPE-1', name: { en: 'Ghost part', es: 'Pieza fantasma' }, error: { code: 'not_found', message: 'There is no part with SKU "NOPE-1".' } });
    expect(server.lines()).toEqual({ 'PAD-1': 1 });
    expect(shown(store.getState().cart)).toEqual([{ sku: 'PAD-1', quantity: 1, lineTotalCents: 2500 }]);

    await store.setQuantity('PAD-1', 2);
    expect(store.getState().refused).toBeNull();
    store.destroy();
  });

  it('rejects a change refused while the caller waits, without a second message, and leaves the cart as the server has it', async () => {
    const { store } = await onlineCart();
    expect(await store.add([{ sku: 'PAD-1', quantity: 98 }])).toBe('saved');
    const refusal = await store.add([{ sku: 'PAD-1', quantity: 2 }]).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(RealtimeError);
    expect((refusal as RealtimeError).body.code).toBe('bad_request');
    expect(store.getState()).toMatchObject({ refused: null, pending: [] });
    expect(shown(store.getState().cart)).toEqual([{ sku: 'PAD-1', quantity: 98, lineTotalCents: 245000 }]);
    store.destroy();
  });

  it('sends an add whose answer was lost again with the same change id, so it counts once whether or not it had arrived', async () => {
    const { server, store } = await onlineCart();

    server.loseNextAnswer('after-applying');
    expect(await store.add([{ sku: 'PAD-1', quantity: 1, part: PARTS['PAD-1']! }])).toBe('queued');
    await until(() => store.getState().pending.length === 0);
    expect(server.received).toEqual(['cart:add-item PAD-1 1', 'cart:add-item PAD-1 1']);
    expect(server.lines()).toEqual({ 'PAD-1': 1 });

    server.loseNextAnswer('before-applying');
    expect(await store.add([{ sku: 'PAD-1', quantity: 1 }])).toBe('queued');
    await until(() => store.getState().pending.length === 0);
    expect(server.received).toHaveLength(4);
    expect(server.lines()).toEqual({ 'PAD-1': 2 });
    expect(shown(store.getState().cart)).toEqual([{ sku: 'PAD-1', quantity: 2, lineTotalCents: 5000 }]);
    store.destroy();
  });
});

describe('the cart a person sees', () => {
  const cart: Cart = { items: [], totalCents: 0, currency: 'EUR', updatedAt: null };
  it('applies adds, quantities and removals in order, and leaves out what it cannot show or the server will refuse', () => {
    const result = applyCartChanges(cart, [
      { changeId: 'a', kind: 'add', sku: 'PAD-1', quantity: 2, part: PARTS['PAD-1']! },
      { changeId: 'b', kind: 'add', sku: 'BOLT-1', quantity: 1 },
      { changeId: 'c', kind: 'add', sku: 'PAD-1', quantity: 98 },
      { changeId: 'd', kind: 'set', sku: 'PAD-1', quantity: 4 },
      { changeId: 'e', kind: 'add', sku: 'BOLT-1', quantity: 3, part: PARTS['BOLT-1']! },
      { changeId: 'f', kind: 'set', sku: 'BOLT-1', quantity: 0 },
    ]);
    expect(result.items).toEqual([{ sku: 'PAD-1', name: name('PAD-1'), quantity: 4, unitPriceCents: 2500, lineTotalCents: 10000, stock: 10, consumable: true }]);
    expect(result.totalCents).toBe(10000);
  });
});
