// Client side of the relay bench: one requester/agent pair over the app's real Socket.IO events, or over the raw ws relay.
import { io, type Socket } from 'socket.io-client';
import { WebSocket } from 'ws';
import { PROTOCOL_VERSION } from '../../core/protocol-version.ts';
import { wireParser } from '../../core/wire-parser.ts';
import { sessionPoseChannel } from '../../core/pose-frame.ts';
import type { SessionLogEntry } from '../../core/session.ts';

export interface LoadHandlers {
  onPose(frame: Uint8Array): void;
  onAnnotation(id: number): void;
}

export interface LoadPair {
  /** The pose channel the requester's frames carry. */
  channel: number;
  sendPose(frame: Uint8Array): void;
  sendAnnotation(id: number): void;
  /** Bytes the requester's TCP socket has written so far (WebSocket frames included). */
  requesterBytesWritten(): number;
  close(): void;
}

const ANNOTATION = { partId: 'caliper', localPoint: [0, 0.01, 0], localNormal: [0, 1, 0], kind: 'pin' } as const;
type TcpCarrier = { _socket?: { bytesWritten: number } };

export function connectSocket(url: string, token?: string): Promise<Socket> {
  const socket = io(url, { transports: ['websocket'], forceNew: true, reconnection: false, parser: wireParser, auth: { protocolVersion: PROTOCOL_VERSION, token } });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function must<T>(socket: Socket, event: string, payload: unknown): Promise<T> {
  const response = (await socket.timeout(30_000).emitWithAck(event, payload)) as { ok: boolean; error?: { message: string } };
  if (!response.ok) throw new Error(`${event}: ${response.error?.message ?? 'failed'}`);
  return response as T;
}

/** A technician session with the agent accepted through the help queue, exactly as the app does it. */
export async function connectSocketIoPair(url: string, tokens: { requester: string; agent: string }, handlers: LoadHandlers): Promise<LoadPair> {
  const [requester, agent] = await Promise.all([connectSocket(url, tokens.requester), connectSocket(url, tokens.agent)]);
  const { state } = await must<{ state: { session: { id: string } } }>(requester, 'session:create', { productId: 'wheel-corner' });
  const sessionId = state.session.id;
  const { requestId } = await must<{ requestId: string }>(requester, 'help:request', { sessionId, context: { productId: 'wheel-corner', language: 'en' } });
  await must(agent, 'help:accept', { requestId });
  agent.on('pose:update', (frame: Uint8Array) => handlers.onPose(frame));
  requester.on('session:event', (entry: SessionLogEntry) => {
    if (entry.type === 'annotation.added') handlers.onAnnotation(Number(entry.data.annotation.text?.slice(1)));
  });
  const noop = () => undefined;
  return {
    channel: sessionPoseChannel(sessionId),
    sendPose: (frame) => requester.emit('pose:update', frame),
    sendAnnotation: (id) => agent.emit('annotation:add', { sessionId, ...ANNOTATION, text: `a${id}` }, noop),
    requesterBytesWritten: () => ((requester.io.engine.transport as unknown as { ws?: TcpCarrier }).ws?._socket?.bytesWritten ?? 0),
    close() {
      requester.close();
      agent.close();
    },
  };
}

function connectWs(url: string, pair: string): Promise<WebSocket> {
  const ws = new WebSocket(url, { perMessageDeflate: false });
  return new Promise((resolve, reject) => {
    ws.once('open', () => {
      ws.send(JSON.stringify({ pair }));
      resolve(ws);
    });
    ws.once('error', reject);
  });
}

export async function connectWsPair(url: string, index: number, handlers: LoadHandlers): Promise<LoadPair> {
  const [requester, agent] = await Promise.all([connectWs(url, String(index)), connectWs(url, String(index))]);
  agent.on('message', (data: Buffer, isBinary) => {
    if (isBinary) handlers.onPose(data);
  });
  requester.on('message', (data: Buffer, isBinary) => {
    if (isBinary) return;
    const entry = JSON.parse(String(data)) as { data: { annotation: { text: string } } };
    handlers.onAnnotation(Number(entry.data.annotation.text.slice(1)));
  });
  return {
    channel: index,
    sendPose: (frame) => requester.send(frame),
    sendAnnotation: (id) => agent.send(JSON.stringify({ type: 'annotation.added', data: { annotation: { ...ANNOTATION, text: `a${id}` } } })),
    requesterBytesWritten: () => (requester as unknown as TcpCarrier)._socket?.bytesWritten ?? 0,
    close() {
      requester.terminate();
      agent.terminate();
    },
  };
}
