// The part a part card shows, loaded with the products it fits: one store per card on screen (inline or over AR),
// retryable, and exposed for inspection while the card is open.
import { createStore } from 'zustand/vanilla';
import { PartDetailSchema, ProductListSchema } from '../../../core/catalog.ts';
import { apiGet } from '../api/http.ts';
import type { Resource } from '../components/use-resource.ts';

async function loadPart(sku: string, signal: AbortSignal) {
  const [part, catalog] = await Promise.all([apiGet(`/api/parts/${encodeURIComponent(sku)}`, PartDetailSchema, signal), apiGet('/api/products', ProductListSchema, signal)]);
  return { part, products: catalog.products.filter((product) => part.productIds.includes(product.id)) };
}

export type ShownPart = Awaited<ReturnType<typeof loadPart>>;

export interface PartCardState {
  partId: string;
  /** Shown over the AR view. */
  inAr: boolean;
  part: Resource<ShownPart>;
}

export function createPartCardStore({ partId, sku, inAr }: { partId: string; sku: string | null; inAr: boolean }) {
  const store = createStore<PartCardState>(() => ({ partId, inAr, part: { status: 'loading' } }));
  let controller = new AbortController();
  const load = () => {
    controller.abort();
    controller = new AbortController();
    const { signal } = controller;
    store.setState({ part: { status: 'loading' } });
    (sku ? loadPart(sku, signal) : Promise.reject(new Error(`no part ${partId}`))).then(
      (data) => store.setState({ part: { status: 'ready', data } }),
      (error: unknown) => {
        if (!signal.aborted) store.setState({ part: { status: 'error', error, retry: load } });
      },
    );
  };
  load();
  return {
    getState: store.getState,
    subscribe: store.subscribe,
    destroy() {
      controller.abort();
    },
  };
}

export type PartCardStore = ReturnType<typeof createPartCardStore>;
