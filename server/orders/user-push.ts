// Pushes events to every open socket of one user (room `user:<id>`), from HTTP routes and socket handlers alike.
import type { ServerToClientEvents } from '../../core/protocol.ts';
import type { IoServer } from '../realtime/socket-types.ts';

export function userRoom(userId: string): string {
  return `user:${userId}`;
}

export interface UserPush {
  /** Connects the pusher to Socket.IO once it is up; pushes before that reach nobody (nobody is connected). */
  attach(io: IoServer): void;
  toUser<E extends keyof ServerToClientEvents>(userId: string, event: E, ...args: Parameters<ServerToClientEvents[E]>): void;
}

export function createUserPush(): UserPush {
  let io: IoServer | undefined;
  return {
    attach(server) {
      io = server;
    },
    toUser(userId, event, ...args) {
      if (!io) return;
      (io.to(userRoom(userId)) as unknown as { emit(event: string, ...args: unknown[]): void }).emit(event, ...args);
    },
  };
}
