// Closes the open sockets of one sign-in (this node's) or of one user (every node's): each is in its user's room and knows its sign-in, so no room of its own.
import { userRoom } from './rooms.ts';
import type { IoServer } from './socket-types.ts';

export function closeSignInSockets(io: IoServer, userId: string, signInId: string): void {
  const namespace = io.of('/');
  const ids = namespace.adapter.rooms.get(userRoom(userId));
  if (!ids) return;
  for (const id of [...ids]) {
    const socket = namespace.sockets.get(id);
    if (socket?.data.signInId === signInId) socket.disconnect();
  }
}

/** Every socket of the user, on every node (through the adapter): their account is gone. */
export function closeUserSockets(io: IoServer, userId: string): void {
  io.in(userRoom(userId)).disconnectSockets(true);
}
