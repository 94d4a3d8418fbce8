// The agent's latest proposal in a live session as the technician works on it: the parts with their prices, the
// quantities they chose, whether they are changing them or checking out, and the order it became. One per session,
// shared by the panel on the page and the sheet in the headset, so a change made in one shows in the other.
import { createStore } from 'zustand/vanilla';
import { PartDetailSchema, type PartDetail } from '../../../core/catalog.ts';
import type { Order } from '../../../core/order.ts';
import { apiGet } from '../api/http.ts';
import type { Resource } from '../components/use-resource.ts';
import type { LiveSession } from '../sessions/live-session.ts';
import type { CartProposal, SessionMirror } from '../sessions/session-mirror.ts';

export interface ProposalState {
  proposal: CartProposal | null;
  parts: Resource<PartDetail[]>;
  quantities: number[];
  mode: 'review' | 'change' | 'checkout';
  /** The order placed from this proposal here. */
  placed: Order | null;
}

export interface ProposalLine {
  part: PartDetail;
  quantity: number;
  index: number;
}

/** The proposal's parts with a quantity above zero, and their total. */
export function proposalLines(state: ProposalState): { lines: ProposalLine[]; totalCents: number } {
  if (state.parts.status !== 'ready') return { lines: [], totalCents: 0 };
  const lines = state.parts.data.flatMap((part, index) => {
    const quantity = state.quantities[index] ?? 0;
    return quantity > 0 ? [{ part, quantity, index }] : [];
  });
  return { lines, totalCents: lines.reduce((sum, { part, quantity }) => sum + part.priceCents * quantity, 0) };
}

export function createProposalStore(mirror: SessionMirror) {
  const store = createStore<ProposalState>(() => ({ proposal: null, parts: { status: 'loading' }, quantities: [], mode: 'review', placed: null }));
  let controller = new AbortController();

  const load = (proposal: CartProposal) => {
    controller.abort();
    controller = new AbortController();
    const { signal } = controller;
    store.setState({ parts: { status: 'loading' } });
    Promise.all(proposal.items.map((item) => apiGet(`/api/parts/${encodeURIComponent(item.sku)}`, PartDetailSchema, signal))).then(
      (parts) => store.setState({ parts: { status: 'ready', data: parts } }),
      (error: unknown) => {
        if (!signal.aborted) store.setState({ parts: { status: 'error', error, retry: () => load(proposal) } });
      },
    );
  };
  const take = (proposal: CartProposal | null) => {
    const shown = store.getState().proposal;
    if (proposal?.seq === shown?.seq) {
      if (proposal && proposal !== shown) store.setState({ proposal });
      return;
    }
    store.setState({ proposal, quantities: proposal?.items.map((item) => item.quantity) ?? [], mode: 'review', placed: null });
    if (proposal) load(proposal);
  };
  take(mirror.getState().proposal);
  const off = mirror.subscribe((state) => take(state.proposal));

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    setQuantity(index: number, quantity: number) {
      store.setState((state) => ({ quantities: state.quantities.map((q, i) => (i === index ? Math.max(0, quantity) : q)) }));
    },
    setMode(mode: ProposalState['mode']) {
      store.setState({ mode });
    },
    placed(order: Order) {
      store.setState({ placed: order });
    },
    destroy() {
      off();
      controller.abort();
    },
  };
}

export type ProposalStore = ReturnType<typeof createProposalStore>;

declare module '../sessions/live-session.ts' {
  interface SessionResources {
    proposal: ProposalStore;
  }
}

/** The session's proposal as the technician works on it, made on first use and destroyed with the session. */
export function proposalOf(session: LiveSession): ProposalStore {
  return session.use('proposal', ({ mirror }) => createProposalStore(mirror));
}
