// Names of the Socket.IO rooms: every socket of a user, every member socket of a session, and the online agents.
const SESSION_ROOM_PREFIX = 'session:';

/** Every socket of one signed-in user joins this room when it connects. */
export function userRoom(userId: string): string {
  return `user:${userId}`;
}

export function sessionRoom(sessionId: string): string {
  return `${SESSION_ROOM_PREFIX}${sessionId}`;
}

/** The session a room is for, or null for a room that is not a session's. */
export function sessionOfRoom(room: string): string | null {
  return room.startsWith(SESSION_ROOM_PREFIX) ? room.slice(SESSION_ROOM_PREFIX.length) : null;
}

/** Agents' sockets, whose coming and going changes the queue. */
export const AGENTS_ROOM = 'agents';
