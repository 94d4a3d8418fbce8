// Whether this node takes new work: from start until its shutdown begins. Readiness reports it; the boundaries check it.
import { AppError } from '../../core/errors.ts';

export interface Lifecycle {
  readonly accepting: boolean;
  /** From now on new sockets, events and requests are refused with `unavailable`; what is in flight finishes. */
  stopAccepting(): void;
}

export function createLifecycle(): Lifecycle {
  let accepting = true;
  return {
    get accepting() {
      return accepting;
    },
    stopAccepting() {
      accepting = false;
    },
  };
}

/** The answer to new work on a node that is shutting down (HTTP 503). */
export function shuttingDown(): AppError {
  return new AppError('unavailable', 'This server is restarting. The app reconnects to another one by itself; try again in a moment.');
}
