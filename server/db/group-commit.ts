// Group commit for the embedded database: writes queued while the previous commit is synced share one transaction and one fsync.
import { CompiledQuery, type Kysely, type Transaction } from 'kysely';
import type { Database } from './schema.ts';
import { withDirectStatements, type RunStatement } from './direct-statements.ts';

export type WriteWork<T> = (trx: Transaction<Database>) => Promise<T>;

/** Runs `work` in a write transaction and resolves (or rejects) only after that transaction committed. */
export type Write = <T>(work: WriteWork<T>) => Promise<T>;

/** Told of every commit: how many writes shared it, and the seconds from its start until it was on disk. */
export type CommitObserver = (batchSize: number, seconds: number) => void;

/** A write function that also says how many writes wait for their commit now. */
export type QueuedWrite = Write & { readonly pending: () => number };

interface Pending {
  work: WriteWork<unknown>;
  resolve(value: unknown): void;
  reject(error: unknown): void;
}

type Outcome = { ok: true; value: unknown } | { ok: false; error: unknown };

/** More writes than this wait for the next commit, so one commit never holds the connection for long. */
const MAX_BATCH = 64;

const SAVEPOINT = CompiledQuery.raw('savepoint write');
const RELEASE = CompiledQuery.raw('release savepoint write');
const ROLLBACK = CompiledQuery.raw('rollback to savepoint write');

/**
 * Each write runs in its own savepoint inside the shared transaction: a write that throws is rolled back alone and
 * rejects with its own error, the others commit. Nobody hears back before the commit, so an acknowledged write is on
 * disk and a refused one changed nothing. A work function must use only the transaction it is given: the embedded
 * database has one connection, held by the batch while it runs. With `direct`, the batch's savepoints and prepared
 * queries run straight on that connection.
 */
export function createGroupCommit(db: Kysely<Database>, observe?: CommitObserver, direct?: RunStatement): QueuedWrite {
  const queue: Pending[] = [];
  let scheduled = false;

  const inTransaction = <T>(work: (trx: Transaction<Database>) => Promise<T>): Promise<T> =>
    db.transaction().execute((trx) => (direct ? withDirectStatements(trx, direct, () => work(trx)) : work(trx)));
  const run = async (trx: Transaction<Database>, query: CompiledQuery): Promise<void> => {
    if (direct) direct(query.sql, query.parameters);
    else await trx.executeQuery(query);
  };

  const runBatch = async (batch: Pending[]): Promise<Outcome[]> => {
    const [only] = batch;
    if (only && batch.length === 1) {
      // Alone in its commit, the transaction is all the isolation it needs.
      return inTransaction(only.work).then(
        (value): Outcome[] => [{ ok: true, value }],
        (error: unknown): Outcome[] => [{ ok: false, error }],
      );
    }
    return inTransaction(async (trx) => {
      const outcomes: Outcome[] = [];
      for (const { work } of batch) {
        await run(trx, SAVEPOINT);
        try {
          const value = await work(trx);
          await run(trx, RELEASE);
          outcomes.push({ ok: true, value });
        } catch (error) {
          await run(trx, ROLLBACK);
          await run(trx, RELEASE);
          outcomes.push({ ok: false, error });
        }
      }
      return outcomes;
    });
  };

  const settle = (batch: Pending[], outcomes: Outcome[]) =>
    batch.forEach((pending, index) => {
      const outcome = outcomes[index];
      if (outcome?.ok) pending.resolve(outcome.value);
      else pending.reject(outcome?.error);
    });

  let committing = false;
  const afterBatch = () => {
    committing = false;
    if (queue.length > 0) schedule();
  };

  /**
   * One batch at a time: writes that arrive while a batch runs and waits for its disk sync queue for the next one, as
   * in Postgres's group commit. Batches then grow with the load (a commit writes each page it changed once, however
   * many orders share it), and a write waits for at most the sync in flight before its own batch starts.
   */
  const flush = (): void => {
    scheduled = false;
    committing = true;
    const batch = queue.splice(0, MAX_BATCH);
    const started = performance.now();
    runBatch(batch).then(
      (outcomes) => {
        observe?.(batch.length, (performance.now() - started) / 1000);
        settle(batch, outcomes);
        afterBatch();
      },
      (error: unknown) => {
        for (const pending of batch) pending.reject(error);
        afterBatch();
      },
    );
  };

  const schedule = () => {
    if (scheduled || committing) return;
    scheduled = true;
    setImmediate(flush);
  };

  const write = <T>(work: WriteWork<T>) =>
    new Promise<T>((resolve, reject) => {
      queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      schedule();
    });
  return Object.assign(write, { pending: () => queue.length });
}

/** Postgres commits concurrent transactions on its own connections and groups their WAL flushes itself. */
export function separateTransactions(db: Kysely<Database>, observe?: CommitObserver): QueuedWrite {
  let running = 0;
  const write = async <T>(work: WriteWork<T>): Promise<T> => {
    const started = performance.now();
    running += 1;
    try {
      const value = await db.transaction().execute(work);
      observe?.(1, (performance.now() - started) / 1000);
      return value;
    } finally {
      running -= 1;
    }
  };
  return Object.assign(write, { pending: () => running });
}
