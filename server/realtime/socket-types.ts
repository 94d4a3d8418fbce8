// Typed Socket.IO server and socket, from the event maps of core/protocol.ts.
import type { Server, Socket } from 'socket.io';
import type { User } from '../../core/auth.ts';
import type { ClientToServerEvents, ServerToClientEvents } from '../../core/protocol.ts';

export interface SocketData {
  user: User | null;
  /** The sign-in of the handshake's token; null for an anonymous socket. */
  signInId: string | null;
}

/** Between nodes, through the adapter (Redis): what one node tells the others. */
export interface InterServerEvents {
  /** A sign-in was revoked: forget that it was live, and close its sockets on this node. */
  'sign-in:revoked': (signInId: string, userId: string) => void;
}
export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type IoSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
