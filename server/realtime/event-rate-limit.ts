// Token buckets for the rate classes of the event table: writes to a session log, and reads.
import type { ErrorBody } from '../../core/ack.ts';
import type { IoSocket } from './socket-types.ts';

/** Tokens a bucket gains a second: the sustained rate of logged events. @default 5 */
export const LOGGED_EVENTS_PER_SECOND = 5;
/** Tokens a full bucket holds: how many logged events may come at once. @default 20 */
export const LOGGED_EVENTS_BURST = 20;
/** Reads (a session's log, the queue, the cart) a second, per socket and per user across their sockets. @default 10 */
export const READS_PER_SECOND = 10;
/** Reads that may come at once: what a reconnecting agent console asks for, and then some. @default 40 */
export const READS_BURST = 40;
/** Past this many session buckets a user's full ones (the same as none) are dropped. */
const SESSION_BUCKETS_BEFORE_PRUNE = 32;

export const RATE_LIMITED: ErrorBody = { code: 'rate_limited', message: 'You are sending too fast; wait a moment and try again.' };

interface BucketKind {
  /** Tokens a bucket gains a second. */
  readonly rate: number;
  /** Tokens a full bucket holds. */
  readonly burst: number;
}

const WRITES: BucketKind = { rate: LOGGED_EVENTS_PER_SECOND, burst: LOGGED_EVENTS_BURST };
const READS: BucketKind = { rate: READS_PER_SECOND, burst: READS_BURST };

interface Bucket {
  readonly kind: BucketKind;
  tokens: number;
  at: number;
}

interface UserBuckets {
  sockets: number;
  reads: Bucket | null;
  /** Session id → the bucket all of the user's sockets draw from for that session. */
  sessions: Map<string, Bucket>;
}

/** A socket's buckets, each made on its first event of that kind. */
interface SocketBuckets {
  writes: Bucket | null;
  reads: Bucket | null;
  user: UserBuckets | null;
}

const usersByServer = new WeakMap<object, Map<string, UserBuckets>>();
const socketBuckets = new WeakMap<IoSocket, SocketBuckets>();

const fullBucket = (kind: BucketKind, now: number): Bucket => ({ kind, tokens: kind.burst, at: now });

function refill(bucket: Bucket, now: number): void {
  bucket.tokens = Math.min(bucket.kind.burst, bucket.tokens + ((now - bucket.at) * bucket.kind.rate) / 1000);
  bucket.at = now;
}

function sessionIdOf(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null || !('sessionId' in payload)) return undefined;
  return typeof payload.sessionId === 'string' ? payload.sessionId : undefined;
}

function pruneFull(sessions: Map<string, Bucket>, now: number): void {
  for (const [sessionId, bucket] of sessions) {
    refill(bucket, now);
    if (bucket.tokens >= bucket.kind.burst) sessions.delete(sessionId);
  }
}

/**
 * Made on the socket's first limited event; nothing is allocated at connect and no listener is added. The entry goes
 * with the socket; its user's buckets are dropped by `forgetSocket` with their last socket that made one.
 */
function bucketsOf(socket: IoSocket): SocketBuckets {
  const existing = socketBuckets.get(socket);
  if (existing) return existing;
  const created: SocketBuckets = { writes: null, reads: null, user: null };
  socketBuckets.set(socket, created);
  const userId = socket.data.user?.id;
  // An event read just before the socket went arrives after its disconnect: no user count that nothing would take back.
  if (userId === undefined || !socket.connected) return created;
  const users = usersByServer.get(socket.nsp) ?? new Map<string, UserBuckets>();
  usersByServer.set(socket.nsp, users);
  const user = users.get(userId) ?? { sockets: 0, reads: null, sessions: new Map<string, Bucket>() };
  user.sockets += 1;
  users.set(userId, user);
  created.user = user;
  return created;
}

/** For a socket that disconnected: its user's buckets go with their last socket that had any. */
export function forgetSocket(socket: IoSocket): void {
  const buckets = socketBuckets.get(socket);
  if (!buckets) return;
  socketBuckets.delete(socket);
  const userId = socket.data.user?.id;
  if (!buckets.user || userId === undefined || --buckets.user.sockets > 0) return;
  usersByServer.get(socket.nsp)?.delete(userId);
}

/** Takes one token from each bucket, or none when any of them is empty. */
function take(now: number, ...buckets: Bucket[]): boolean {
  for (const bucket of buckets) refill(bucket, now);
  if (buckets.some((bucket) => bucket.tokens < 1)) return false;
  for (const bucket of buckets) bucket.tokens -= 1;
  return true;
}

/**
 * Takes a token from the socket's bucket and, when the payload names a session, from its user's bucket for that session.
 * Returns false, taking none, when either is empty.
 */
export function admitSessionWrite(socket: IoSocket, payload: unknown): boolean {
  const now = performance.now();
  const buckets = bucketsOf(socket);
  const writes = (buckets.writes ??= fullBucket(WRITES, now));
  const { user } = buckets;
  const sessionId = user ? sessionIdOf(payload) : undefined;
  if (!user || sessionId === undefined) return take(now, writes);
  let shared = user.sessions.get(sessionId);
  if (!shared) {
    if (user.sessions.size >= SESSION_BUCKETS_BEFORE_PRUNE) pruneFull(user.sessions, now);
    user.sessions.set(sessionId, (shared = fullBucket(WRITES, now)));
  }
  return take(now, writes, shared);
}

/** Takes a token from the socket's read bucket and its user's; false, taking none, when either is empty. */
export function admitRead(socket: IoSocket): boolean {
  const now = performance.now();
  const buckets = bucketsOf(socket);
  const reads = (buckets.reads ??= fullBucket(READS, now));
  const { user } = buckets;
  return user ? take(now, reads, (user.reads ??= fullBucket(READS, now))) : take(now, reads);
}
