// Relays pose frames to the other members of a session: volatile, never persisted, checked cheaply, at most 60 Hz.
import { MAX_POSE_HZ, readPoseChannel, sessionPoseChannel } from '../../core/pose-frame.ts';
import type { Ack } from '../../core/protocol.ts';
import type { ErrorBody } from '../../core/errors.ts';
import type { SocketFeature } from '../realtime/realtime.ts';
import type { IoSocket } from '../realtime/socket-types.ts';

const BURST = 10;
const SESSION_ROOM_PREFIX = 'session:';

function roomOfChannel(socket: IoSocket, channel: number): string | null {
  for (const room of socket.rooms) {
    if (room.startsWith(SESSION_ROOM_PREFIX) && sessionPoseChannel(room.slice(SESSION_ROOM_PREFIX.length)) === channel) return room;
  }
  return null;
}

export function createPoseRelay(): SocketFeature {
  return (socket) => {
    let allowance = BURST;
    let last = performance.now();
    const rooms = new Map<number, string>();
    const refuse = (ack: Ack | undefined, error: ErrorBody) => {
      if (typeof ack === 'function') ack({ ok: false, error });
    };

    socket.on('pose:update', (frame, ack) => {
      const channel = readPoseChannel(frame);
      if (channel === null) return refuse(ack, { code: 'bad_request', message: 'A pose frame must be bytes encoded with encodePoseFrame.' });
      const now = performance.now();
      allowance = Math.min(BURST, allowance + ((now - last) * MAX_POSE_HZ) / 1000);
      last = now;
      if (allowance < 1) return refuse(ack, { code: 'rate_limited', message: `Pose is limited to ${MAX_POSE_HZ} frames a second.` });
      allowance -= 1;
      let room = rooms.get(channel);
      if (room === undefined || !socket.rooms.has(room)) {
        room = roomOfChannel(socket, channel) ?? undefined;
        if (room === undefined) return refuse(ack, { code: 'forbidden', message: 'Join the session before streaming pose into it.' });
        rooms.set(channel, room);
      }
      socket.volatile.to(room).emit('pose:update', frame);
      if (typeof ack === 'function') ack({ ok: true });
    });
  };
}
