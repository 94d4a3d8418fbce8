// The one module that owns the Socket.IO connection: connects with the token, emits with acks, exposes status.
import { io, type Socket } from 'socket.io-client';
import { createStore } from 'zustand/vanilla';
import type { ErrorBody } from '../../../core/errors.ts';
import { PROTOCOL_VERSION, type AckResponse, type ClientToServerEvents, type ServerToClientEvents } from '../../../core/protocol.ts';

export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting' | 'offline' | 'refused';

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

export interface RealtimeClient {
  getState(): RealtimeState;
  subscribe(listener: (state: RealtimeState) => void): () => void;
  /** Emits an event and resolves with the ok ack; rejects with RealtimeError on an error ack or a timeout. */
  request<E extends EventName>(event: E, payload: PayloadOf<E>, timeoutMs?: number): Promise<OkOf<AckOf<E>>>;
  /** Fire-and-forget for high-rate volatile streams (pose). */
  sendVolatile<E extends EventName>(event: E, payload: PayloadOf<E>): void;
  on<E extends ServerEvent>(event: E, handler: ServerToClientEvents[E]): () => void;
  destroy(): void;
}

export interface RealtimeOptions {
  url?: string;
  token: string | null;
}

export function createRealtimeClient(options: RealtimeOptions): RealtimeClient {
  const state = createStore<RealtimeState>(() => ({ status: 'connecting', refusal: null, recovered: false }));
  const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(options.url ?? window.location.origin, {
    transports: ['websocket', 'polling'],
    auth: { protocolVersion: PROTOCOL_VERSION, ...(options.token ? { token: options.token } : {}) },
  });
  const onOffline = () => state.setState({ status: 'offline' });
  const onOnline = () => {
    if (!socket.connected) socket.connect();
  };
  socket.on('connect', () => state.setState({ status: 'online', refusal: null, recovered: socket.recovered }));
  socket.on('disconnect', (reason) => state.setState({ status: reason === 'io client disconnect' ? 'offline' : 'reconnecting' }));
  socket.on('connect_error', (error: Error & { data?: ErrorBody }) => {
    if (error.data?.code) state.setState({ status: 'refused', refusal: error.data });
    else state.setState({ status: socket.active ? 'reconnecting' : 'offline' });
  });
  window.addEventListener('offline', onOffline);
  window.addEventListener('online', onOnline);

  const loose = socket as unknown as {
    timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<AckResponse<object>> };
    volatile: { emit(event: string, payload: unknown): void };
    on(event: string, handler: (...args: unknown[]) => void): void;
    off(event: string, handler: (...args: unknown[]) => void): void;
  };

  return {
    getState: state.getState,
    subscribe: state.subscribe,
    async request(event, payload, timeoutMs = 10_000) {
      let response: AckResponse<object>;
      try {
        response = await loose.timeout(timeoutMs).emitWithAck(event, payload);
      } catch {
        throw new RealtimeError({ code: 'internal', message: 'timeout' });
      }
      if (!response.ok) throw new RealtimeError(response.error);
      return response as never;
    },
    sendVolatile(event, payload) {
      if (socket.connected) loose.volatile.emit(event, payload);
    },
    on(event, handler) {
      const fn = handler as unknown as (...args: unknown[]) => void;
      loose.on(event, fn);
      return () => loose.off(event, fn);
    },
    destroy() {
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      socket.removeAllListeners();
      socket.disconnect();
    },
  };
}
