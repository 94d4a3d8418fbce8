// The one way into a session log: persist in a transaction first, then broadcast to the session room.
import type { Kysely } from 'kysely';
import type { ServerToClientEvents } from '../../core/protocol.ts';
import type { SessionLogEntry } from '../../core/session.ts';
import type { Database } from '../db/schema.ts';
import type { Write } from '../db/group-commit.ts';
import { sessionRoom, userRoom } from '../realtime/rooms.ts';
import type { IoServer } from '../realtime/socket-types.ts';
import { createOrderedSends, type Finish } from './ordered-sends.ts';
import { appendEntries, findEntryByClientId, type PendingEvent } from './session-repository.ts';

export interface CommitOptions {
  /** State changes (or refusals) that must commit with the entries, in the same transaction. */
  apply?: (trx: Kysely<Database>, now: number) => Promise<void>;
  /** The socket that caused the change gets the entries in its ack instead of as events. */
  exceptSocketId?: string | undefined;
}

export interface CommitResult {
  entries: SessionLogEntry[];
  /** The single event carried a clientId already in the log: nothing was written or sent again. */
  duplicate: boolean;
}

export interface SessionHub {
  commit(sessionId: string, events: PendingEvent[], options?: CommitOptions): Promise<CommitResult>;
  /**
   * For entries another feature appends in its own transaction: call before that transaction starts, and call the
   * returned function once it settled, with what it appended (`[]` if it failed), so the entries go out in seq order.
   */
  expect(sessionId: string): Finish;
  /** A room broadcast of something not in the log (placement, presence, call signaling). */
  broadcast<E extends keyof ServerToClientEvents>(sessionId: string, exceptSocketId: string | null, event: E, ...args: Parameters<ServerToClientEvents[E]>): void;
  /** Takes every socket of a user out of the session room (their membership ended), on every node. */
  evict(sessionId: string, userId: string): void;
}

type LooseEmitter = { emit(event: string, ...args: unknown[]): void };

export function createSessionHub(write: Write, io: IoServer): SessionHub {
  const send = (sessionId: string, exceptSocketId: string | null | undefined, event: string, ...args: unknown[]) => {
    const target = exceptSocketId ? io.to(sessionRoom(sessionId)).except(exceptSocketId) : io.to(sessionRoom(sessionId));
    (target as unknown as LooseEmitter).emit(event, ...args);
  };
  const ordered = createOrderedSends((entry, exceptSocketId) => send(entry.sessionId, exceptSocketId, 'session:event', entry));
  return {
    async commit(sessionId, events, options = {}) {
      const clientId = events.length === 1 ? events[0]?.clientId : undefined;
      const finish = ordered.begin(sessionId);
      let appended: SessionLogEntry[] = [];
      try {
        const result = await write(async (trx): Promise<CommitResult> => {
          if (clientId) {
            const existing = await findEntryByClientId(trx, sessionId, clientId);
            if (existing) return { entries: [existing], duplicate: true };
          }
          const now = Date.now();
          await options.apply?.(trx, now);
          return { entries: await appendEntries(trx, sessionId, events, now), duplicate: false };
        });
        if (!result.duplicate) appended = result.entries;
        return result;
      } finally {
        finish(appended, options.exceptSocketId);
      }
    },
    expect: (sessionId) => ordered.begin(sessionId),
    broadcast(sessionId, exceptSocketId, event, ...args) {
      send(sessionId, exceptSocketId, event, ...args);
    },
    evict(sessionId, userId) {
      io.in(userRoom(userId)).socketsLeave(sessionRoom(sessionId));
    },
  };
}
