// One live session on this client: its mirror, and the resources features attach to it (a call, a help request),
// each made on first use and destroyed with the session. Features name their resource by adding it to
// SessionResources, so sessions/ never imports them.
import type { SessionJoinResult } from '../../../core/session-events.ts';
import type { RealtimeClient } from '../realtime/realtime-client.ts';
import { createSessionMirror, type SessionMirror } from './session-mirror.ts';
import { forgetSession } from './open-session.ts';

/** Per-session resources by name; each feature adds its own (`declare module '…/live-session.ts'`). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface SessionResources {}

export type SessionResourceName = keyof SessionResources;

interface Destroyable {
  destroy(): void;
}

export interface LiveSession {
  readonly sessionId: string;
  /** The signed-in user on this side of the session. */
  readonly selfId: string;
  readonly client: RealtimeClient;
  readonly mirror: SessionMirror;
  /** The session's resource of that name, made by `create` the first time it is asked for. */
  use<K extends SessionResourceName>(name: K, create: (session: LiveSession) => SessionResources[K] & Destroyable): SessionResources[K];
  /** The resource if something made it already; never makes one. */
  peek<K extends SessionResourceName>(name: K): SessionResources[K] | undefined;
  /** Ends the session for everyone (help withdrawn, call hung up, agent told); resolves once the server has it. */
  end(): Promise<void>;
  /** Destroys the resources (the newest first), then the mirror. */
  destroy(): void;
}

export interface LiveSessionOptions {
  client: RealtimeClient;
  sessionId: string;
  selfId: string;
  /** A join (or create / accept) answer already in hand; otherwise the mirror joins. */
  initial?: SessionJoinResult;
  /** Where the remembered session key lives, forgotten when the session ends. @default localStorage */
  storage?: Pick<Storage, 'getItem' | 'removeItem'>;
}

export function createLiveSession({ client, sessionId, selfId, initial, storage }: LiveSessionOptions): LiveSession {
  const mirror = createSessionMirror({ client, sessionId, ...(initial ? { initial } : {}) });
  // Ended here or by the agent: the next job on this product must not resume it.
  const forgetWhenEnded = () => {
    const state = mirror.getState().session;
    if (state?.session.status === 'ended') forgetSession(selfId, state.session.productId, sessionId, storage);
  };
  const offEnded = mirror.subscribe(forgetWhenEnded);
  forgetWhenEnded();
  const resources = new Map<SessionResourceName, Destroyable>();
  let destroyed = false;
  const session: LiveSession = {
    sessionId,
    selfId,
    client,
    mirror,
    use(name, create) {
      const existing = resources.get(name);
      if (existing) return existing as SessionResources[typeof name];
      if (destroyed) throw new Error(`session ${sessionId} is closed`);
      const made = create(session);
      resources.set(name, made);
      return made;
    },
    peek: (name) => resources.get(name) as SessionResources[typeof name] | undefined,
    async end() {
      const { entries } = await client.request('session:end', { sessionId });
      mirror.take(entries);
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      offEnded();
      for (const resource of [...resources.values()].reverse()) resource.destroy();
      resources.clear();
      mirror.destroy();
    },
  };
  return session;
}
