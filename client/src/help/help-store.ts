// The requester's side of live help over a session mirror: ask, wait (position and estimate), cancel, callback, chat, ping, end.
import { createStore } from 'zustand/vanilla';
import type { HelpContext, HelpPosition } from '../../../core/help.ts';
import type { RigidTransform } from '../../../core/geometry.ts';
import type { RealtimeClient } from '../realtime/realtime-client.ts';
import { activeAgent } from '../sessions/session-reducer.ts';
import type { SessionMirror } from '../sessions/session-mirror.ts';
import type { LiveSession } from '../sessions/live-session.ts';
import type { LocalPoint } from '../sessions/local-point.ts';
import { errorText } from '../i18n/error-text.ts';

export type HelpPhase = 'idle' | 'requesting' | 'waiting' | 'active' | 'ended';

export interface HelpRequestState {
  busy: boolean;
  error: string | null;
  /** The latest place in the queue of the open request. */
  position: HelpPosition | null;
  noAgentOnline: boolean;
  callbackSent: boolean;
  /** The help that ended last, to show a closing message (and not ask again by accident). */
  endedRequestId: string | null;
}

const message = (error: unknown) => errorText(error);

export function createHelpStore(client: RealtimeClient, mirror: SessionMirror) {
  const store = createStore<HelpRequestState>(() => ({ busy: false, error: null, position: null, noAgentOnline: false, callbackSent: false, endedRequestId: null }));
  const sessionId = mirror.sessionId;

  const offPosition = client.on('help:position', (position) => {
    if (position.sessionId === sessionId) store.setState({ position, noAgentOnline: position.agentsOnline === 0 });
  });
  let lastRequestId = mirror.getState().session?.help?.requestId ?? null;
  const offMirror = mirror.subscribe((state) => {
    const requestId = state.session?.help?.requestId ?? null;
    if (lastRequestId && requestId !== lastRequestId) store.setState({ endedRequestId: lastRequestId, position: null });
    lastRequestId = requestId;
  });

  const run = async (work: () => Promise<void>) => {
    store.setState({ busy: true, error: null });
    try {
      await work();
    } catch (error) {
      store.setState({ error: message(error) });
    } finally {
      store.setState({ busy: false });
    }
  };
  const requestId = () => mirror.getState().session?.help?.requestId ?? null;

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    request(context: HelpContext) {
      return run(async () => {
        store.setState({ callbackSent: false, endedRequestId: null });
        const result = await client.request('help:request', { sessionId, context });
        mirror.take(result.entry);
        const { entry: _entry, noAgentOnline, ...position } = result;
        store.setState({ position, noAgentOnline });
      });
    },
    cancel() {
      const id = requestId();
      return id ? run(async () => mirror.take((await client.request('help:cancel', { requestId: id })).entries)) : Promise.resolve();
    },
    end() {
      const id = requestId();
      return id ? run(async () => mirror.take((await client.request('help:end', { requestId: id })).entries)) : Promise.resolve();
    },
    leaveCallback(note: string, phone: string | null) {
      return run(async () => {
        await client.request('help:callback', { sessionId, note, ...(phone ? { phone } : {}) });
        store.setState({ callbackSent: true });
      });
    },
    ping(partId: string, localPoint?: LocalPoint) {
      return run(async () => mirror.take((await client.request('part:ping', { sessionId, partId, ...(localPoint ? { localPoint } : {}) })).entry));
    },
    /** Tells the agent's twin where the product stands; errors are dropped (the next change sends again). */
    sendPlacement(transform: RigidTransform) {
      return client.request('placement:update', { sessionId, transform }).then(
        () => true,
        () => false,
      );
    },
    destroy() {
      offPosition();
      offMirror();
    },
  };
}

export type HelpStore = ReturnType<typeof createHelpStore>;

declare module '../sessions/live-session.ts' {
  interface SessionResources {
    help: HelpStore;
  }
}

/** The requester's help request in a live session, made on first use and destroyed with the session. */
export function helpOf(session: LiveSession): HelpStore {
  return session.use('help', ({ client, mirror }) => createHelpStore(client, mirror));
}

/** Where the requester stands, from the session state and the request in flight. */
export function helpPhase(mirror: ReturnType<SessionMirror['getState']>, request: HelpRequestState): HelpPhase {
  const session = mirror.session;
  if (!session) return 'idle';
  if (session.help?.status === 'active' && activeAgent(session)) return 'active';
  if (session.help?.status === 'waiting' || session.help?.status === 'active') return 'waiting';
  if (request.busy && !request.endedRequestId) return 'requesting';
  return request.endedRequestId ? 'ended' : 'idle';
}
