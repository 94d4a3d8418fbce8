// Changes not yet acknowledged by the server, kept in storage in the order they were made (so a reload or an outage
// loses none) and sent one at a time, in that order, whenever sending is possible. Shared by the guide and the cart.

export type OutboxStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** Storage that only keeps values for this page, where localStorage is unavailable (private modes, tests). */
export function memoryStorage(): OutboxStorage {
  const values = new Map<string, string>();
  return {
    getItem: (key) => values.get(key) ?? null,
    setItem: (key, value) => void values.set(key, value),
    removeItem: (key) => void values.delete(key),
  };
}

/** A random id for an entry; works outside secure contexts too, where `crypto.randomUUID` is missing. */
export function newEntryId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

export interface OutboxOptions<T, R> {
  key: string;
  storage: OutboxStorage;
  /** Checks one stored entry; entries that fail (an older app version, a corrupt value) are dropped. */
  isEntry(value: unknown): value is T;
  idOf(entry: T): string;
  canSend(): boolean;
  /** Sends one entry and resolves with the server's answer; rejects when refused or when the answer never came. */
  send(entry: T): Promise<R>;
  /** True for a refusal that a retry cannot fix: the entry is dropped. Other failures keep it for a retry. */
  isRefusal(error: unknown): boolean;
  /** Called once the entry is out of the outbox. */
  onSent(entry: T, answer: R): void;
  /** Called once the entry is out of the outbox. */
  onRefused(entry: T, error: unknown): void;
  /** Called after each run of sends, with how many entries were refused in it. */
  onDrained?(refused: number): void;
  /** Delay before a failed send is tried again while sending is still possible. @default 3000 */
  retryMs?: number;
}

export interface Outbox<T> {
  list(): T[];
  push(...entries: T[]): void;
  /** Replaces the stored entry with the same id (e.g. to note how far sending it got). */
  update(entry: T): void;
  /**
   * Sends the entries in order until none is left, sending stops being possible, or a send fails (tried again after
   * `retryMs`). A call while sending joins the run under way, which also sends what was pushed meanwhile.
   */
  drain(): Promise<void>;
  destroy(): void;
}

export function createOutbox<T, R>(options: OutboxOptions<T, R>): Outbox<T> {
  const { key, storage, idOf, retryMs = 3000 } = options;
  const read = (): T[] => {
    try {
      const stored: unknown = JSON.parse(storage.getItem(key) ?? '[]');
      return Array.isArray(stored) ? stored.filter((value): value is T => options.isEntry(value)) : [];
    } catch {
      return [];
    }
  };
  let entries = read();
  let sending = false;
  let run: Promise<void> = Promise.resolve();
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let destroyed = false;

  const write = (next: T[]) => {
    entries = next;
    if (entries.length === 0) storage.removeItem(key);
    else storage.setItem(key, JSON.stringify(entries));
  };
  const remove = (id: string) => write(entries.filter((entry) => idOf(entry) !== id));

  const scheduleRetry = () => {
    if (retryTimer || destroyed) return;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void drain();
    }, retryMs);
  };

  async function sendAll(): Promise<number> {
    let refused = 0;
    try {
      for (;;) {
        const entry = entries[0];
        if (!entry || destroyed || !options.canSend()) return refused;
        let answer: R;
        try {
          answer = await options.send(entry);
        } catch (error) {
          if (destroyed) return refused;
          if (!options.isRefusal(error)) {
            scheduleRetry();
            return refused;
          }
          remove(idOf(entry));
          refused += 1;
          options.onRefused(entry, error);
          continue;
        }
        if (destroyed) return refused;
        remove(idOf(entry));
        options.onSent(entry, answer);
      }
    } finally {
      sending = false;
    }
  }

  function drain(): Promise<void> {
    if (sending) return run;
    sending = true;
    run = sendAll().then((refused) => {
      if (!destroyed) options.onDrained?.(refused);
    });
    return run;
  }

  return {
    list: () => [...entries],
    push: (...added) => write([...entries, ...added]),
    update: (entry) => write(entries.map((current) => (idOf(current) === idOf(entry) ? entry : current))),
    drain,
    destroy() {
      destroyed = true;
      if (retryTimer) clearTimeout(retryTimer);
    },
  };
}
