// Token buckets for events of the `session-write` class: one per socket, one per user and session across their sockets.
import type { ErrorBody } from '../../core/ack.ts';
import type { IoSocket } from './socket-types.ts';

/** Tokens a bucket gains a second: the sustained rate of logged events. @default 5 */
export const LOGGED_EVENTS_PER_SECOND = 5;
/** Tokens a full bucket holds: how many logged events may come at once. @default 20 */
export const LOGGED_EVENTS_BURST = 20;
/** Past this many session buckets a user's full ones (the same as none) are dropped. */
const SESSION_BUCKETS_BEFORE_PRUNE = 32;

export const RATE_LIMITED: ErrorBody = { code: 'rate_limited', message: 'You are sending too fast; wait a moment and try again.' };

interface Bucket {
  tokens: number;
  at: number;
}

interface UserBuckets {
  sockets: number;
  /** Session id → the bucket all of the user's sockets draw from for that session. */
  sessions: Map<string, Bucket>;
}

interface SocketBuckets {
  own: Bucket;
  user: UserBuckets | null;
}

const usersByServer = new WeakMap<object, Map<string, UserBuckets>>();
const socketBuckets = new WeakMap<IoSocket, SocketBuckets>();

function refill(bucket: Bucket, now: number): void {
  bucket.tokens = Math.min(LOGGED_EVENTS_BURST, bucket.tokens + ((now - bucket.at) * LOGGED_EVENTS_PER_SECOND) / 1000);
  bucket.at = now;
}

function sessionIdOf(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null || !('sessionId' in payload)) return undefined;
  return typeof payload.sessionId === 'string' ? payload.sessionId : undefined;
}

function pruneFull(sessions: Map<string, Bucket>, now: number): void {
  for (const [sessionId, bucket] of sessions) {
    refill(bucket, now);
    if (bucket.tokens >= LOGGED_EVENTS_BURST) sessions.delete(sessionId);
  }
}

/** Made on the socket's first logged event and dropped with it; the user's buckets go with their last such socket. */
function bucketsOf(socket: IoSocket, now: number): SocketBuckets {
  const existing = socketBuckets.get(socket);
  if (existing) return existing;
  const created: SocketBuckets = { own: { tokens: LOGGED_EVENTS_BURST, at: now }, user: null };
  socketBuckets.set(socket, created);
  const userId = socket.data.user?.id;
  if (userId === undefined) {
    socket.once('disconnect', () => socketBuckets.delete(socket));
    return created;
  }
  const users = usersByServer.get(socket.nsp) ?? new Map<string, UserBuckets>();
  usersByServer.set(socket.nsp, users);
  const user = users.get(userId) ?? { sockets: 0, sessions: new Map<string, Bucket>() };
  user.sockets += 1;
  users.set(userId, user);
  created.user = user;
  socket.once('disconnect', () => {
    socketBuckets.delete(socket);
    if (--user.sockets === 0) users.delete(userId);
  });
  return created;
}

/**
 * Takes a token from the socket's bucket and, when the payload names a session, from its user's bucket for that session.
 * Returns false, taking none, when either is empty.
 */
export function admitSessionWrite(socket: IoSocket, payload: unknown): boolean {
  const now = performance.now();
  const { own, user } = bucketsOf(socket, now);
  refill(own, now);
  if (own.tokens < 1) return false;
  const sessionId = user ? sessionIdOf(payload) : undefined;
  if (user && sessionId !== undefined) {
    let shared = user.sessions.get(sessionId);
    if (!shared) {
      if (user.sessions.size >= SESSION_BUCKETS_BEFORE_PRUNE) pruneFull(user.sessions, now);
      user.sessions.set(sessionId, (shared = { tokens: LOGGED_EVENTS_BURST, at: now }));
    }
    refill(shared, now);
    if (shared.tokens < 1) return false;
    shared.tokens -= 1;
  }
  own.tokens -= 1;
  return true;
}
