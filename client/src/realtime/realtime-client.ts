// The one module that owns the Socket.IO connection: connects with the current token (renewed when the server refuses
// an expired one), emits with acks, exposes status.
// socket.io-client is loaded on demand: signed-out visitors browsing the catalog never download it.
import { createStore } from 'zustand/vanilla';
import type { Socket } from 'socket.io-client';
import type { ErrorBody, AckResponse } from '../../../core/ack.ts';
import { PROTOCOL_VERSION } from '../../../core/protocol-version.ts';
import type { ClientToServerEvents, ServerToClientEvents } from '../../../core/protocol.ts';
import { noAnswer } from '../i18n/error-text.ts';

export type ConnectionStatus = 'idle' | 'connecting' | 'online' | 'reconnecting' | 'offline' | 'refused';

export interface RealtimeState {
  status: ConnectionStatus;
  /** Set when the server refused the connection (protocol mismatch, expired sign-in). */
  refusal: ErrorBody | null;
  /** True when the last reconnect restored the session without losing events. */
  recovered: boolean;
}

export class RealtimeError extends Error {
  constructor(readonly body: ErrorBody) {
    super(body.message);
    this.name = 'RealtimeError';
  }
}

type EventName = keyof ClientToServerEvents & string;
type PayloadOf<E extends EventName> = Parameters<ClientToServerEvents[E]>[0];
type AckOf<E extends EventName> = Parameters<ClientToServerEvents[E]> extends [unknown, (response: infer R) => void] ? R : never;
type OkOf<R> = R extends { ok: true } ? R : never;
type ServerEvent = keyof ServerToClientEvents & string;
type Listener = (...args: unknown[]) => void;

interface LooseSocket {
  connected: boolean;
  timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<AckResponse<object>> };
  volatile: { emit(event: string, payload: unknown): void };
  on(event: string, handler: Listener): void;
  off(event: string, handler: Listener): void;
}

export interface RealtimeClient {
  getState(): RealtimeState;
  subscribe(listener: (state: RealtimeState) => void): () => void;
  /** Emits an event and resolves with the ok ack; rejects with RealtimeError on an error ack or a timeout. */
  request<E extends EventName>(event: E, payload: PayloadOf<E>, timeoutMs?: number): Promise<OkOf<AckOf<E>>>;
  /** Fire-and-forget for high-rate volatile streams (pose); dropped while offline. */
  sendVolatile<E extends EventName>(event: E, payload: PayloadOf<E>): void;
  on<E extends ServerEvent>(event: E, handler: ServerToClientEvents[E]): () => void;
  destroy(): void;
}

export interface RealtimeOptions {
  url?: string;
  /** The token to connect with, read at every (re)connect so a renewed token is used. */
  getToken: () => string | null;
  /** A fresh token when the server refused the last one, or null when the sign-in has ended. */
  renew: () => Promise<string | null>;
}

export function createRealtimeClient(options: RealtimeOptions): RealtimeClient {
  const state = createStore<RealtimeState>(() => ({ status: 'idle', refusal: null, recovered: false }));
  const listeners = new Map<string, Set<Listener>>();
  let socket: Socket<ServerToClientEvents, ClientToServerEvents> | null = null;
  let connecting: Promise<LooseSocket> | null = null;
  let destroyed = false;

  const onOffline = () => state.setState({ status: 'offline' });
  const onOnline = () => {
    if (!socket) return;
    // The socket may have outlived a short outage: then it is online again as soon as the browser says so.
    if (socket.connected) state.setState({ status: 'online' });
    else socket.connect();
  };

  const connect = (): Promise<LooseSocket> => {
    connecting ??= Promise.all([import('socket.io-client'), import('../../../core/wire-parser.ts')]).then(([{ io }, { wireParser }]) => {
      if (destroyed) throw new RealtimeError({ code: 'internal', message: 'closed' });
      state.setState({ status: 'connecting' });
      const created: Socket<ServerToClientEvents, ClientToServerEvents> = io(options.url ?? window.location.origin, {
        transports: ['websocket', 'polling'],
        parser: wireParser,
        auth: (send) => {
          const token = options.getToken();
          send({ protocolVersion: PROTOCOL_VERSION, ...(token ? { token } : {}) });
        },
      });
      socket = created;
      let renewedOnce = false;
      created.on('connect', () => {
        renewedOnce = false;
        state.setState({ status: 'online', refusal: null, recovered: created.recovered });
      });
      created.on('disconnect', (reason) => {
        state.setState({ status: reason === 'io client disconnect' ? 'offline' : 'reconnecting' });
        // The server closed it (a sign-out elsewhere, a node going down): the handshake says which.
        if (reason === 'io server disconnect') created.connect();
      });
      created.on('connect_error', (error: Error & { data?: ErrorBody }) => {
        if (error.data?.code === 'unauthorized' && options.getToken() && !renewedOnce) {
          renewedOnce = true;
          state.setState({ status: 'reconnecting' });
          void options.renew().then((token) => {
            if (token && !destroyed) created.connect();
            else if (!destroyed) state.setState({ status: 'refused', refusal: error.data ?? null });
          });
        } else if (error.data?.code) state.setState({ status: 'refused', refusal: error.data });
        else state.setState({ status: created.active ? 'reconnecting' : 'offline' });
      });
      const loose = created as unknown as LooseSocket;
      for (const [event, set] of listeners) for (const handler of set) loose.on(event, handler);
      window.addEventListener('offline', onOffline);
      window.addEventListener('online', onOnline);
      return loose;
    });
    return connecting;
  };

  // A client destroyed before socket.io-client has loaded rejects with 'closed': nobody waits on this first connect.
  if (options.getToken()) connect().catch(() => undefined);

  return {
    getState: state.getState,
    subscribe: state.subscribe,
    async request(event, payload, timeoutMs = 10_000) {
      const loose = await connect();
      // A refused connection does not come back by itself: say why now rather than time out later.
      const { refusal } = state.getState();
      if (state.getState().status === 'refused' && refusal) throw new RealtimeError(refusal);
      let response: AckResponse<object>;
      try {
        response = await loose.timeout(timeoutMs).emitWithAck(event, payload);
      } catch {
        throw new RealtimeError(noAnswer('timeout'));
      }
      if (!response.ok) throw new RealtimeError(response.error);
      return response as never;
    },
    sendVolatile(event, payload) {
      const loose = socket as unknown as LooseSocket | null;
      if (loose?.connected) loose.volatile.emit(event, payload);
    },
    on(event, handler) {
      const fn = handler as unknown as Listener;
      const set = listeners.get(event) ?? new Set<Listener>();
      set.add(fn);
      listeners.set(event, set);
      (socket as unknown as LooseSocket | null)?.on(event, fn);
      return () => {
        set.delete(fn);
        (socket as unknown as LooseSocket | null)?.off(event, fn);
      };
    },
    destroy() {
      destroyed = true;
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      socket?.removeAllListeners();
      socket?.disconnect();
    },
  };
}
