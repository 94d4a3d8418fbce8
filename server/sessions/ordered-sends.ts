// A session's log entries leave this node in seq order, even when their commits resolve out of order (on Postgres each
// write has its own connection, so two commits of one session can be answered in either order).
import type { SessionLogEntry } from '../../core/session.ts';

/** Takes what one write appended once it committed: `[]` when it appended nothing or failed. */
export type Finish = (entries: SessionLogEntry[], exceptSocketId?: string | null) => void;

export interface OrderedSends {
  /** Call before a write that may append to the session's log; call the returned function exactly once after it settled. */
  begin(sessionId: string): Finish;
}

/**
 * Entries wait while another write of the same session is in flight on this node: any write that starts after they
 * committed gets a higher seq, so once none is in flight the held entries go out sorted. A session with writes always
 * overlapping sends what it holds after this long anyway; a client that then sees a gap reads the log.
 */
const MAX_HOLD_MS = 50;

interface Held {
  entry: SessionLogEntry;
  exceptSocketId: string | null;
}

interface SessionSends {
  inFlight: number;
  held: Held[];
  timer: NodeJS.Timeout | null;
}

export function createOrderedSends(send: (entry: SessionLogEntry, exceptSocketId: string | null) => void): OrderedSends {
  const sessions = new Map<string, SessionSends>();

  const flush = (state: SessionSends) => {
    if (state.timer) clearTimeout(state.timer);
    state.timer = null;
    const held = state.held.sort((a, b) => a.entry.seq - b.entry.seq);
    state.held = [];
    for (const { entry, exceptSocketId } of held) send(entry, exceptSocketId);
  };

  return {
    begin(sessionId) {
      let state = sessions.get(sessionId);
      if (!state) {
        state = { inFlight: 0, held: [], timer: null };
        sessions.set(sessionId, state);
      }
      state.inFlight += 1;
      const own = state;
      let finished = false;
      return (entries, exceptSocketId = null) => {
        if (finished) return;
        finished = true;
        own.inFlight -= 1;
        for (const entry of entries) own.held.push({ entry, exceptSocketId });
        if (own.inFlight === 0) {
          sessions.delete(sessionId);
          flush(own);
        } else if (own.held.length > 0 && !own.timer) {
          own.timer = setTimeout(() => flush(own), MAX_HOLD_MS);
        }
      };
    },
  };
}
