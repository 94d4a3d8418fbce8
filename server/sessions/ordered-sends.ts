// A session's log entries leave this node in seq order, even when their commits resolve out of order (on Postgres each
// write has its own connection, so two commits of one session can be answered in either order).
import type { SessionLogEntry } from '../../core/session.ts';

/** Takes what one write appended once it committed: `[]` when it appended nothing or failed. */
export type Finish = (entries: SessionLogEntry[], exceptSocketId?: string | null) => void;

export interface OrderedSends {
  /** Call before a write that may append to the session's log; call the returned function once it settled. */
  begin(sessionId: string): Finish;
}

interface Held {
  entry: SessionLogEntry;
  exceptSocketId: string | null;
  /** The last write begun when this entry's write settled: only writes up to it can hold a lower seq. */
  barrier: number;
}

interface SessionSends {
  unsettled: Set<number>;
  held: Held[];
}

/**
 * A write begun after an entry committed gets a higher seq, so an entry can go once every write begun before its own
 * settled; by then every lower seq of this node is held here too, and they go out together, sorted. Entries of other
 * nodes come through the adapter in their node's order; a client that sees a gap reads the log.
 */
export function createOrderedSends(send: (entry: SessionLogEntry, exceptSocketId: string | null) => void): OrderedSends {
  const sessions = new Map<string, SessionSends>();
  let lastWrite = 0;

  const release = (sessionId: string, state: SessionSends) => {
    const oldestUnsettled = state.unsettled.size ? Math.min(...state.unsettled) : Infinity;
    let upToSeq = -Infinity;
    for (const held of state.held) if (held.barrier < oldestUnsettled) upToSeq = Math.max(upToSeq, held.entry.seq);
    if (upToSeq > -Infinity) {
      state.held.sort((a, b) => a.entry.seq - b.entry.seq);
      const ready = state.held.filter((held) => held.entry.seq <= upToSeq);
      state.held = state.held.filter((held) => held.entry.seq > upToSeq);
      for (const { entry, exceptSocketId } of ready) send(entry, exceptSocketId);
    }
    if (state.unsettled.size === 0 && state.held.length === 0) sessions.delete(sessionId);
  };

  return {
    begin(sessionId) {
      let state = sessions.get(sessionId);
      if (!state) {
        state = { unsettled: new Set(), held: [] };
        sessions.set(sessionId, state);
      }
      const own = state;
      const write = ++lastWrite;
      own.unsettled.add(write);
      return (entries, exceptSocketId = null) => {
        if (!own.unsettled.delete(write)) return;
        for (const entry of entries) own.held.push({ entry, exceptSocketId, barrier: lastWrite });
        release(sessionId, own);
      };
    },
  };
}
