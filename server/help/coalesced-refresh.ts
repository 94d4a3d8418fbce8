// Runs a snapshot push at most once at a time: refreshes asked for while one runs share the next run.
export interface CoalescedRefresh {
  /** Schedules a run; changes in the same tick, or during a run, share one. */
  refresh(): void;
  /** No more runs, e.g. while the server shuts down. */
  close(): void;
  readonly closed: boolean;
}

export function coalescedRefresh(snapshot: () => Promise<void>, onError: (err: unknown) => void): CoalescedRefresh {
  let running: Promise<void> | null = null;
  let dirty = false;
  let closed = false;

  const run = (): void => {
    dirty = false;
    running = snapshot()
      .catch(onError)
      .finally(() => {
        running = null;
        if (dirty) run();
      });
  };

  return {
    refresh() {
      if (dirty || closed) return;
      dirty = true;
      if (!running) setImmediate(run);
    },
    close() {
      closed = true;
    },
    get closed() {
      return closed;
    },
  };
}
