// Pushes events to every open socket of one user (their user room), from HTTP routes and socket handlers alike.
import type { ServerToClientEvents } from '../../core/protocol.ts';
import { userRoom } from './rooms.ts';
import type { IoServer } from './socket-types.ts';

export interface UserPush {
  toUser<E extends keyof ServerToClientEvents>(userId: string, event: E, ...args: Parameters<ServerToClientEvents[E]>): void;
}

export function createUserPush(io: IoServer): UserPush {
  return {
    toUser(userId, event, ...args) {
      (io.to(userRoom(userId)) as unknown as { emit(event: string, ...args: unknown[]): void }).emit(event, ...args);
    },
  };
}
