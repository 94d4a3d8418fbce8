// Kysely's SQLite dialect with commits flushed to disk off the event loop: a write resolves once its WAL frames are synced.
import fs from 'node:fs';
import type SQLite from 'better-sqlite3';
import { SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';

/**
 * With `synchronous = FULL` SQLite fsyncs the WAL inside every COMMIT, on the thread that runs the query: the event
 * loop stalls for the whole disk flush (milliseconds on a busy disk) and every socket waits with it. Here the
 * connection runs with `synchronous = NORMAL` (WAL frames written at commit, not synced) and a query or transaction
 * that changed rows resolves only after the WAL file was synced from libuv's thread pool: acknowledged still means on
 * disk, as with FULL. The connection is handed back before the sync, so the next transaction runs meanwhile and one
 * sync covers every commit written before it started. Reads never wait for a sync, so they may see a commit before
 * its writer heard back.
 */
export function durableSqliteDialect(file: SQLite.Database, database: SqliteDialectConfig['database']): { dialect: SqliteDialect; close(): Promise<void> } {
  file.pragma('synchronous = NORMAL');
  const sync = coalescedSync(`${file.name}-wal`);
  const totalChanges = file.prepare('select total_changes()').pluck();
  /** Rows changed so far when the current holder got the connection (there is one connection, behind a mutex). */
  let atAcquire = 0;

  class DurableSqliteDriver extends SqliteDriver {
    override async acquireConnection(): Promise<DatabaseConnection> {
      const connection = await super.acquireConnection();
      atAcquire = totalChanges.get() as number;
      return connection;
    }

    override async releaseConnection(): Promise<void> {
      const wrote = !file.inTransaction && totalChanges.get() !== atAcquire;
      await super.releaseConnection();
      if (wrote) await sync();
    }
  }

  const dialect = new (class extends SqliteDialect {
    override createDriver(): Driver {
      return new DurableSqliteDriver({ database });
    }
  })({ database });
  return { dialect, close: sync.close };
}

/** fdatasync of one file on the thread pool; callers during a sync share the next one, which covers their writes. */
function coalescedSync(filePath: string): { (): Promise<void>; close(): Promise<void> } {
  let handle: Promise<fs.promises.FileHandle> | undefined;
  let inFlight: Promise<void> | undefined;
  let queued: Promise<void> | undefined;
  const start = (): Promise<void> => {
    handle ??= fs.promises.open(filePath, 'r+');
    const flushing = handle
      .then((file) => file.datasync())
      .finally(() => {
        if (inFlight === flushing) inFlight = undefined;
      });
    inFlight = flushing;
    return flushing;
  };
  const ignore = () => undefined;
  const request = (): Promise<void> => {
    if (queued) return queued;
    if (!inFlight) return start();
    queued = inFlight.then(ignore, ignore).then(() => {
      queued = undefined;
      return start();
    });
    return queued;
  };
  const close = async () => {
    await Promise.allSettled([inFlight, queued]);
    await (await handle)?.close();
    handle = undefined;
  };
  return Object.assign(request, { close });
}
