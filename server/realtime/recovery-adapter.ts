// Connection state recovery on one node, bounded: a socket back within the recovery window gets the broadcasts it missed,
// except what it reads again anyway. Session log entries are not kept (a reconnecting client re-reads the log from its
// last seq with `session:join`), nor snapshots it asks for again, and only the latest queue place per room is kept.
import { Adapter, type BroadcastOptions, type PrivateSessionId, type Session } from 'socket.io-adapter';
import type { ServerToClientEvents } from '../../core/protocol.ts';

type ServerEvent = keyof ServerToClientEvents;
const NOT_KEPT: ReadonlySet<string> = new Set<ServerEvent>(['hello', 'session:event', 'queue:updated', 'callbacks:updated']);
/** Each of these replaces the previous one sent to the same rooms: only the latest is worth replaying. */
const LATEST_ONLY: ReadonlySet<string> = new Set<ServerEvent>(['help:position']);

type Packet = Parameters<Adapter['broadcast']>[0];
type SessionToPersist = Parameters<Adapter['persistSession']>[0];

/** A broadcast as recovery needs it: what was sent, and to which rooms (arrays: a room or two, not Sets). */
interface Kept {
  data: unknown[];
  rooms: readonly string[];
  except: readonly string[];
  emittedAt: number;
}

const NO_ROOMS: readonly string[] = [];

/** Offsets are `<epoch>.<n>`, n rising: an offset from another process or an older epoch is simply not recovered. */
export class RecoveryAdapter extends Adapter {
  private readonly epoch = Math.random().toString(36).slice(2, 10);
  private readonly windowMs: number;
  private readonly sessions = new Map<PrivateSessionId, SessionToPersist & { disconnectedAt: number }>();
  private readonly kept = new Map<number, Kept>();
  private readonly latest = new Map<string, number>();
  private next = 0;
  /** Every broadcast up to this offset number that was kept has since been dropped from the window. */
  private droppedThrough = -1;
  private readonly timer: NodeJS.Timeout;

  constructor(nsp: ConstructorParameters<typeof Adapter>[0]) {
    super(nsp);
    const options = (nsp as { server: { opts: { connectionStateRecovery: { maxDisconnectionDuration: number } } } }).server.opts;
    this.windowMs = options.connectionStateRecovery.maxDisconnectionDuration;
    this.timer = setInterval(() => this.prune(), Math.min(60_000, this.windowMs));
    this.timer.unref();
  }

  override broadcast(packet: Packet, opts: BroadcastOptions): void {
    const data = (packet as { data?: unknown }).data;
    const event = Array.isArray(data) ? data[0] : undefined;
    const recoverable = (packet as { type: number }).type === 2 && (packet as { id?: number }).id === undefined && opts.flags?.volatile === undefined;
    if (recoverable && Array.isArray(data) && typeof event === 'string') {
      const n = this.next++;
      // A new array of the exact length: a push would give it about 20 slots, kept for the whole window.
      const offsetData = data.concat(`${this.epoch}.${n}`);
      (packet as { data: unknown[] }).data = offsetData;
      if (!NOT_KEPT.has(event)) this.keep(n, event, offsetData, opts);
    }
    // Encoding a packet that no socket here receives (a push to a user with no app open) is the costly part.
    if (this.noSocketIn(opts.rooms)) return;
    super.broadcast(packet, opts);
  }

  private noSocketIn(rooms: ReadonlySet<string>): boolean {
    if (rooms.size === 0) return false;
    for (const room of rooms) if (this.rooms.has(room)) return false;
    return true;
  }

  override persistSession(session: SessionToPersist): void {
    this.sessions.set(session.pid, { ...session, disconnectedAt: Date.now() });
  }

  override restoreSession(pid: PrivateSessionId, offset: string): Promise<Session> {
    const session = this.sessions.get(pid);
    this.sessions.delete(pid);
    const [epoch, count] = offset.split('.');
    const after = Number(count);
    const fresh = session !== undefined && session.disconnectedAt + this.windowMs >= Date.now();
    if (!fresh || epoch !== this.epoch || !Number.isInteger(after) || after < this.droppedThrough) return Promise.resolve(null as unknown as Session);
    const rooms = new Set(session.rooms);
    const missedPackets: unknown[][] = [];
    for (const [n, kept] of this.kept) {
      if (n > after && reaches(rooms, kept)) missedPackets.push(kept.data);
    }
    const { disconnectedAt: _disconnectedAt, ...restored } = session;
    return Promise.resolve({ ...restored, missedPackets });
  }

  override close(): void {
    clearInterval(this.timer);
  }

  /** What the latest `event` sent to `room` alone told is over (a place in a queue that was left): it is not replayed. */
  dropLatest(event: ServerEvent, room: string): void {
    const key = latestKey(event, [room], NO_ROOMS);
    const n = this.latest.get(key);
    if (n === undefined) return;
    this.latest.delete(key);
    this.kept.delete(n);
  }

  private keep(n: number, event: string, data: unknown[], opts: BroadcastOptions): void {
    const rooms = [...opts.rooms].sort();
    const except = opts.except?.size ? [...opts.except].sort() : NO_ROOMS;
    if (LATEST_ONLY.has(event)) {
      const key = latestKey(event, rooms, except);
      const previous = this.latest.get(key);
      if (previous !== undefined) this.kept.delete(previous);
      this.latest.set(key, n);
    }
    this.kept.set(n, { data, rooms, except, emittedAt: Date.now() });
  }

  private prune(): void {
    const threshold = Date.now() - this.windowMs;
    for (const [pid, session] of this.sessions) if (session.disconnectedAt < threshold) this.sessions.delete(pid);
    for (const [n, kept] of this.kept) {
      if (kept.emittedAt >= threshold) break;
      this.kept.delete(n);
      this.droppedThrough = n;
    }
    for (const [key, n] of this.latest) if (!this.kept.has(n)) this.latest.delete(key);
  }
}

function latestKey(event: string, rooms: readonly string[], except: readonly string[]): string {
  return `${event}\u0000${rooms.join('\u0000')}\u0000${except.join('\u0000')}`;
}

/** Whether a kept broadcast reached a socket in these rooms. */
function reaches(rooms: ReadonlySet<string>, kept: Kept): boolean {
  const included = kept.rooms.length === 0 || kept.rooms.some((room) => rooms.has(room));
  return included && !kept.except.some((room) => rooms.has(room));
}
