// Relays pose frames to the other members of a session: volatile, never persisted, checked cheaply, at most 60 Hz.
import { MAX_POSE_HZ, readPoseChannel, sessionPoseChannel } from '../../core/pose-frame.ts';
import type { ErrorBody, AckResponse } from '../../core/ack.ts';
import { isCompactFrame } from '../../core/wire-parser.ts';
import type { ConnectionHooks } from '../realtime/realtime.ts';
import { sessionOfRoom } from '../realtime/rooms.ts';
import type { IoSocket } from '../realtime/socket-types.ts';
import type { EventTable } from '../realtime/event-table.ts';

const BURST = 10;

interface PoseState {
  allowance: number;
  last: number;
  /** Pose channel → session room, checked against socket.rooms on every frame. */
  rooms: Map<number, string>;
}

const states = new WeakMap<IoSocket, PoseState>();
const notFramed: ErrorBody = { code: 'bad_request', message: 'A pose frame must be bytes encoded with encodePoseFrame.' };
const tooFast: ErrorBody = { code: 'rate_limited', message: `Pose is limited to ${MAX_POSE_HZ} frames a second.` };
const notJoined: ErrorBody = { code: 'forbidden', message: 'Join the session before streaming pose into it.' };

function roomOfChannel(socket: IoSocket, channel: number): string | undefined {
  for (const room of socket.rooms) {
    const sessionId = sessionOfRoom(room);
    if (sessionId !== null && sessionPoseChannel(sessionId) === channel) return room;
  }
  return undefined;
}

/** The session room a frame may go to, or why not: malformed, above the rate, or not a room of this socket. */
function admit(socket: IoSocket, frame: unknown): string | ErrorBody {
  const channel = readPoseChannel(frame);
  if (channel === null) return notFramed;
  const now = performance.now();
  let state = states.get(socket);
  if (!state) states.set(socket, (state = { allowance: BURST, last: now, rooms: new Map() }));
  state.allowance = Math.min(BURST, state.allowance + ((now - state.last) * MAX_POSE_HZ) / 1000);
  state.last = now;
  if (state.allowance < 1) return tooFast;
  state.allowance -= 1;
  let room = state.rooms.get(channel);
  if (room === undefined || !socket.rooms.has(room)) {
    room = roomOfChannel(socket, channel);
    if (room === undefined) return notJoined;
    state.rooms.set(channel, room);
  }
  return room;
}

/** A peer's outgoing buffer above this drops pose frames instead of queueing stale ones. */
const MAX_BUFFERED_BYTES = 64 * 1024;

type EngineConn = {
  transport: { name: string; writable: boolean; socket?: { bufferedAmount: number; send(data: Uint8Array): void } };
  write(data: Uint8Array): void;
};

/**
 * One node, in-memory adapter: sends the tagged frame, as it came in, straight to each local peer's WebSocket, skipping
 * Socket.IO's packet, broadcast and encode steps. Volatile like `socket.volatile.to(room)`: a backed-up peer misses it.
 */
function deliverLocally(socket: IoSocket, room: string, tagged: Uint8Array): void {
  const sids = socket.nsp.adapter.rooms.get(room);
  if (!sids) return;
  for (const sid of sids) {
    if (sid === socket.id) continue;
    const peer = socket.nsp.sockets.get(sid);
    if (!peer?.connected) continue;
    const { transport } = peer.conn as unknown as EngineConn;
    if (transport.name === 'websocket' && transport.socket) {
      if (transport.socket.bufferedAmount < MAX_BUFFERED_BYTES) transport.socket.send(tagged);
    } else if (transport.writable) (peer.conn as unknown as EngineConn).write(tagged);
  }
}

/**
 * Reads compact pose frames straight off the engine.io socket (the server parser leaves them alone): one listener
 * function for every connection, which finds its Socket.IO socket by the engine socket.
 */
export function poseConnection(options: { multiNode: boolean }): ConnectionHooks {
  const socketOfConn = new WeakMap<object, IoSocket>();
  function onData(this: object, data: unknown): void {
    if (!isCompactFrame(data)) return;
    const socket = socketOfConn.get(this);
    if (!socket) return;
    const payload = data.subarray(1);
    const room = admit(socket, payload);
    if (typeof room !== 'string') return;
    if (options.multiNode) socket.volatile.to(room).emit('pose:update', payload);
    else deliverLocally(socket, room, data);
  }
  return {
    connected(socket) {
      socketOfConn.set(socket.conn, socket);
      socket.conn.on('data', onData);
    },
  };
}

/** Frames sent as a regular Socket.IO event (with an ack, or by a client without the compact parser). */
export function registerPoseRelay(table: EventTable): void {
  table.raw('pose:update', (socket, args) => {
    const last = args[args.length - 1];
    const ack = typeof last === 'function' ? (last as (response: AckResponse) => void) : undefined;
    const room = admit(socket, args[0]);
    if (typeof room !== 'string') return ack?.({ ok: false, error: room });
    socket.volatile.to(room).emit('pose:update', args[0] as Uint8Array);
    ack?.({ ok: true });
  });
}
