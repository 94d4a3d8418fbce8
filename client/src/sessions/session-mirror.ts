// A live copy of one session: joins it, applies its log exactly once in seq order, catches up after outages.
import { createStore } from 'zustand/vanilla';
import type { SessionJoinResult } from '../../../core/session-events.ts';
import type { SessionLogEntry, SessionState } from '../../../core/session.ts';
import type { LocalPoint } from './local-point.ts';
import type { RealtimeClient } from '../realtime/realtime-client.ts';
import { applyEntry, memberName } from './session-reducer.ts';
import { errorText } from '../i18n/error-text.ts';

export interface ChatLine {
  seq: number;
  at: number;
  authorId: string | null;
  authorName: string;
  text: string;
}

export interface PartPing {
  seq: number;
  partId: string;
  localPoint: LocalPoint | null;
}

/** The agent's latest proposed cart, and the order linked to the session after it. */
export interface CartProposal {
  seq: number;
  items: Array<{ sku: string; quantity: number }>;
  note: string | null;
  orderId: string | null;
}

export interface SessionMirrorState {
  phase: 'joining' | 'live' | 'catching-up' | 'failed';
  error: string | null;
  session: SessionState | null;
  chat: ChatLine[];
  /** The latest step the agent pushed, until the requester acts on it. */
  pushedStep: { seq: number; stepId: string } | null;
  lastPing: PartPing | null;
  proposal: CartProposal | null;
  /** Other members' connection, by user id, as presence pushes tell it. */
  online: Record<string, boolean>;
}

export interface SessionMirrorOptions {
  client: RealtimeClient;
  sessionId: string;
  /** A join (or create / accept) answer already in hand; otherwise the mirror joins. */
  initial?: SessionJoinResult;
}

const MAX_CHAT = 500;

export function createSessionMirror({ client, sessionId, initial }: SessionMirrorOptions) {
  const store = createStore<SessionMirrorState>(() => ({ phase: 'joining', error: null, session: null, chat: [], pushedStep: null, lastPing: null, proposal: null, online: {} }));
  let destroyed = false;
  let catchingUp: Promise<void> | null = null;
  /** The highest seq whose entry was applied; entries at or below it are duplicates. */
  let appliedSeq = 0;

  /** Side effects of an entry beyond the session state: chat lines, step pushes, pings, proposed carts. */
  const record = (state: SessionMirrorState, entry: SessionLogEntry, session: SessionState): Partial<SessionMirrorState> => {
    if (entry.type === 'chat') {
      const line = { seq: entry.seq, at: entry.at, authorId: entry.actorId, authorName: memberName(session, entry.actorId), text: entry.data.text };
      return { chat: [...state.chat, line].slice(-MAX_CHAT) };
    }
    if (entry.type === 'step.pushed') return { pushedStep: { seq: entry.seq, stepId: entry.data.stepId } };
    if (entry.type === 'step.changed' && state.pushedStep?.stepId === entry.data.stepId) return { pushedStep: null };
    if (entry.type === 'part.pinged') return { lastPing: { seq: entry.seq, partId: entry.data.partId, localPoint: entry.data.localPoint ?? null } };
    if (entry.type === 'cart.proposed') return { proposal: { seq: entry.seq, items: entry.data.items, note: entry.data.note ?? null, orderId: null } };
    if (entry.type === 'order.linked' && state.proposal && state.proposal.orderId === null) return { proposal: { ...state.proposal, orderId: entry.data.orderId } };
    return {};
  };

  /** Entries the loaded state already contains only add their chat lines and pushes; newer ones also change the state. */
  const applyInOrder = (entries: SessionLogEntry[]) => {
    let state = store.getState();
    for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
      if (entry.sessionId !== sessionId || !state.session || entry.seq <= appliedSeq) continue;
      const session = entry.seq > state.session.lastSeq ? applyEntry(state.session, entry) : state.session;
      state = { ...state, ...record(state, entry, session), session };
      appliedSeq = entry.seq;
    }
    store.setState(state);
  };

  const adopt = (result: SessionJoinResult) => {
    store.setState({ phase: 'live', error: null, session: result.state });
    applyInOrder(result.log);
  };

  const pageOn = async (hasMore: boolean) => {
    while (hasMore && !destroyed) {
      const page = await client.request('session:log', { sessionId, sinceSeq: appliedSeq });
      applyInOrder(page.log);
      hasMore = page.hasMore && page.log.length > 0;
    }
  };

  /** Re-joins the room and reads what was missed; the state is reloaded from the server. */
  const rejoin = (): Promise<void> => {
    catchingUp ??= (async () => {
      store.setState({ phase: store.getState().session ? 'catching-up' : 'joining' });
      try {
        const result = await client.request('session:join', { sessionId, sinceSeq: appliedSeq });
        if (destroyed) return;
        adopt(result);
        await pageOn(result.hasMore);
      } catch (error) {
        if (!destroyed) store.setState({ phase: 'failed', error: errorText(error) });
      } finally {
        catchingUp = null;
      }
    })();
    return catchingUp;
  };

  /** A seq gap means pushes were lost: read the log from the last applied entry. */
  const fillGap = () => {
    if (catchingUp) return;
    catchingUp = (async () => {
      try {
        const page = await client.request('session:log', { sessionId, sinceSeq: appliedSeq });
        applyInOrder(page.log);
        await pageOn(page.hasMore);
      } catch {
        // The next reconnect re-joins.
      } finally {
        catchingUp = null;
      }
    })();
  };

  /** Applies entries (pushed, or from our own acks) once each, in seq order. */
  function take(entries: SessionLogEntry | SessionLogEntry[]): void {
    const list = (Array.isArray(entries) ? entries : [entries]).filter((entry) => entry.sessionId === sessionId && entry.seq > appliedSeq);
    if (list.length === 0 || !store.getState().session) return;
    if (Math.min(...list.map((entry) => entry.seq)) > appliedSeq + 1) {
      fillGap();
      void catchingUp?.then(() => applyInOrder(list));
      return;
    }
    applyInOrder(list);
  }

  const offEvent = client.on('session:event', (entry) => {
    if (entry.sessionId !== sessionId) return;
    if (catchingUp) void catchingUp.then(() => take(entry));
    else take(entry);
  });
  const offPlacement = client.on('session:placement', (payload) => {
    const session = store.getState().session;
    if (payload.sessionId === sessionId && session) store.setState({ session: { ...session, placement: payload.transform } });
  });
  const offPresence = client.on('session:presence', (payload) => {
    if (payload.sessionId === sessionId) store.setState({ online: { ...store.getState().online, [payload.userId]: payload.online } });
  });

  /** Recovered or not, a reconnect re-joins: it reads anything missed and tells the others we are back. */
  let wasOnline = client.getState().status === 'online';
  const offStatus = client.subscribe((state) => {
    const online = state.status === 'online';
    if (online && !wasOnline) void rejoin();
    wasOnline = online;
  });

  if (initial) {
    adopt(initial);
    if (initial.hasMore) fillGap();
  } else void rejoin();

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    sessionId,
    take,
    rejoin,
    dismissPushedStep() {
      store.setState({ pushedStep: null });
    },
    destroy() {
      destroyed = true;
      offEvent();
      offPlacement();
      offPresence();
      offStatus();
    },
  };
}

export type SessionMirror = ReturnType<typeof createSessionMirror>;
