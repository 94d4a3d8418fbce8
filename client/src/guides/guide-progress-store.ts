// One assist session's guide progress: started or resumed on the server, actions applied at once with the shared engine,
// queued while offline and sent in order when the connection returns, updated by other devices' pushes.
import { z } from 'zod';
import { createStore } from 'zustand/vanilla';
import { applyGuideAction, GuideProgressSchema, startGuide, type GuideAction, type GuideProgress } from '../../../core/guide-engine.ts';
import { GuideSchema, type Guide } from '../../../core/guide.ts';
import type { ErrorCode } from '../../../core/ack.ts';
import type { GuideProgressEvent } from '../../../core/guide-events.ts';
import { RealtimeError, type RealtimeClient } from '../realtime/realtime-client.ts';
import { createOutbox, newEntryId, type OutboxStorage } from '../realtime/outbox.ts';
import { isQueuedAction, queueKey, type QueuedAction } from './action-queue.ts';
import { errorText } from '../i18n/error-text.ts';

export type GuideLoadPhase = 'connecting' | 'loading' | 'ready' | 'error';

export interface GuideProgressState {
  phase: GuideLoadPhase;
  guide: Guide | null;
  version: number | null;
  /** What the server last said. */
  confirmed: GuideProgress | null;
  /** What the person sees: the server's progress with the queued actions applied on top. */
  progress: GuideProgress | null;
  pending: number;
  online: boolean;
  /** Set when the server refused a queued action (the guide moved on elsewhere); cleared by the next action. */
  refused: boolean;
  error: string | null;
}

type Transport = Pick<RealtimeClient, 'getState' | 'subscribe' | 'request' | 'on'>;

export interface GuideConnection {
  getState(): { client: Transport };
  subscribe(listener: (state: { client: Transport }) => void): () => void;
}

export interface GuideProgressOptions {
  sessionId: string;
  connection: GuideConnection;
  storage: OutboxStorage;
  /** Start (or resume) this guide when connected; without it, the session's current guide is resumed if it has one. */
  guideId?: string | null;
  /** Delay before a failed send is tried again while still online. @default 3000 */
  retryMs?: number;
  /**
   * Without a connection and nothing kept for this session: the guide's published version as stored on the device
   * (a downloaded product). It then runs from its first step; the server starts it when the signal returns, before the
   * queued actions are sent.
   */
  readStored?: (guideId: string) => Promise<{ guide: Guide; version: number } | null>;
}

/** Refusals that a retry cannot fix: the action is dropped and the server's progress shown. */
const PERMANENT: ReadonlySet<ErrorCode> = new Set(['bad_request', 'unauthorized', 'forbidden', 'not_found', 'conflict']);

export function rebase(guide: Guide, confirmed: GuideProgress, queued: readonly QueuedAction[]): GuideProgress {
  return queued
    .filter((entry) => entry.guideId === guide.id)
    .reduce((progress, entry) => {
      const result = applyGuideAction(guide, progress, entry.action);
      return result.ok ? result.progress : progress;
    }, confirmed);
}

const CachedGuideSchema = z.object({ guide: GuideSchema, version: z.number(), confirmed: GuideProgressSchema.nullable() });

/** The last guide and server progress seen for a session, so a reload without a connection still shows the step. */
function readCache(storage: GuideProgressOptions['storage'], key: string): z.infer<typeof CachedGuideSchema> | null {
  try {
    const parsed = CachedGuideSchema.safeParse(JSON.parse(storage.getItem(key) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function createGuideProgressStore(options: GuideProgressOptions) {
  const { sessionId, connection, storage, retryMs = 3000 } = options;
  const client = () => connection.getState().client;
  const isOnline = () => client().getState().status === 'online';
  const queue = createOutbox({
    key: queueKey(sessionId),
    storage,
    retryMs,
    isEntry: isQueuedAction,
    idOf: (entry: QueuedAction) => entry.actionId,
    canSend: isOnline,
    send: (entry) =>
      client().request('guide:action', { sessionId, actionId: entry.actionId, action: entry.action, clientAt: Math.round(entry.clientAt), guideId: entry.guideId }),
    isRefusal: (error) => error instanceof RealtimeError && PERMANENT.has(error.body.code),
    onSent: (entry, { progress }) => recompute(store.getState().guide?.id === entry.guideId ? { confirmed: progress } : {}),
    onRefused: () => recompute({ refused: true }),
    onDrained: (refused) => {
      if (refused > 0 && queue.list().length === 0) void refresh();
    },
  });
  const cacheKey = `xr-assist.guide-cache.${sessionId}`;
  const cached = options.guideId && readCache(storage, cacheKey)?.guide.id !== options.guideId ? null : readCache(storage, cacheKey);
  const store = createStore<GuideProgressState>(() => ({
    phase: cached ? 'ready' : 'connecting',
    guide: cached?.guide ?? null,
    version: cached?.version ?? null,
    confirmed: cached?.confirmed ?? null,
    progress: cached?.confirmed ? rebase(cached.guide, cached.confirmed, queue.list()) : null,
    pending: queue.list().length,
    online: false,
    refused: false,
    error: null,
  }));
  let wantedGuideId = options.guideId ?? null;
  let destroyed = false;
  let unbindClient = () => {};

  const recompute = (patch: Partial<GuideProgressState> = {}) => {
    const next = { ...store.getState(), ...patch };
    const progress = next.guide && next.confirmed ? rebase(next.guide, next.confirmed, queue.list()) : next.confirmed;
    store.setState({ ...patch, progress, pending: queue.list().length });
    if (next.guide && next.version !== null && ('confirmed' in patch || 'guide' in patch)) {
      storage.setItem(cacheKey, JSON.stringify({ guide: next.guide, version: next.version, confirmed: next.confirmed }));
    }
  };

  const flush = () => queue.drain();

  const accept = (guide: Guide, version: number, progress: GuideProgress | null) => {
    recompute({ phase: 'ready', guide, version, confirmed: progress, error: null });
  };

  async function open(): Promise<void> {
    if (destroyed || !isOnline()) return;
    if (store.getState().phase !== 'ready') store.setState({ phase: 'loading' });
    try {
      if (wantedGuideId) {
        const result = await client().request('guide:start', { sessionId, guideId: wantedGuideId });
        wantedGuideId = null;
        accept(result.guide, result.version, result.progress);
      } else {
        const result = await client().request('guide:get', { sessionId });
        if (result.guide && result.version !== null) accept(result.guide, result.version, result.progress);
        else recompute({ phase: 'ready', guide: null, version: null, confirmed: null, error: null });
      }
      await flush();
    } catch (error) {
      store.setState({ phase: 'error', error: errorText(error) });
    }
  }

  /** Sends what is queued, then reads the server's progress (which also puts this socket back in the session's room). */
  async function refresh(): Promise<void> {
    if (destroyed || !isOnline()) return;
    // A guide begun offline is started on the server first: its queued actions need it.
    if (wantedGuideId) return open();
    await flush();
    if (queue.list().length > 0) return;
    await open();
  }

  const onProgress = (event: GuideProgressEvent) => {
    if (event.sessionId !== sessionId) return;
    const { guide } = store.getState();
    if (guide && event.guideId === guide.id && event.version === store.getState().version) recompute({ confirmed: event.progress });
    else void open();
  };

  const bindClient = (transport: Transport) => {
    unbindClient();
    let wasOnline = transport.getState().status === 'online';
    store.setState({ online: wasOnline });
    const offStatus = transport.subscribe((state) => {
      const online = state.status === 'online';
      store.setState({ online });
      if (online && !wasOnline) void (store.getState().phase === 'ready' ? refresh() : open());
      wasOnline = online;
    });
    const offProgress = transport.on('guide:progress', onProgress);
    unbindClient = () => {
      offStatus();
      offProgress();
    };
    if (wasOnline) void open();
  };

  /** Offline, with nothing kept for this session: the stored guide, from its first step. */
  async function openStored(guideId: string): Promise<void> {
    const stored = await options.readStored?.(guideId).catch(() => null);
    if (!stored || destroyed || isOnline() || store.getState().phase === 'ready') return;
    recompute({ phase: 'ready', guide: stored.guide, version: stored.version, confirmed: startGuide(stored.guide), error: null });
  }

  let currentClient = client();
  bindClient(currentClient);
  if (!cached && wantedGuideId && !isOnline()) void openStored(wantedGuideId);
  const offConnection = connection.subscribe((state) => {
    if (state.client === currentClient) return;
    currentClient = state.client;
    bindClient(currentClient);
  });

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    /** Starts (or resumes) another guide of the session's product. */
    start(guideId: string): Promise<void> {
      wantedGuideId = guideId;
      return open();
    },
    /**
     * Applies the actions at once (all or none, as the engine allows them) and sends them in order; offline they wait in
     * the queue. Returns false when the engine refuses one, and nothing changes.
     */
    dispatch(actions: readonly GuideAction[]): boolean {
      const { guide, progress } = store.getState();
      if (!guide || !progress) return false;
      let simulated = progress;
      for (const action of actions) {
        const result = applyGuideAction(guide, simulated, action);
        if (!result.ok) return false;
        simulated = result.progress;
      }
      const now = Date.now();
      queue.push(...actions.map((action) => ({ actionId: newEntryId(), action, clientAt: now, guideId: guide.id })));
      recompute({ refused: false });
      void flush();
      return true;
    },
    refresh,
    destroy() {
      destroyed = true;
      queue.destroy();
      offConnection();
      unbindClient();
    },
  };
}

export type GuideProgressStore = ReturnType<typeof createGuideProgressStore>;
