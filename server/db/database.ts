// Opens the store: embedded SQLite (WAL) by default, Postgres when a DATABASE_URL is given; runs the migrations.
import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { Kysely, Migrator, PostgresDialect } from 'kysely';
import type { Database } from './schema.ts';
import { migrationProvider } from './migrations.ts';
import { createGroupCommit, separateTransactions, type CommitObserver, type QueuedWrite } from './group-commit.ts';
import { durableSqliteDialect } from './durable-sqlite.ts';
import { statementRunner } from './direct-statements.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Runs a write transaction; on SQLite, writes arriving together share one commit. Resolves after the commit. */
  write: QueuedWrite;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  onCommit?: CommitObserver | undefined;
}

// Postgres returns BIGINT as strings by default; our epoch-millisecond times fit safely in a double.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export async function openStore(options: OpenStoreOptions): Promise<Store> {
  let store: Store;
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    store = { db, dialect: 'postgres', write: separateTransactions(db, options.onCommit), close: () => db.destroy() };
  } else {
    fs.mkdirSync(options.dataDir, { recursive: true });
    const file = new SQLite(path.join(options.dataDir, 'xr-assist.sqlite'));
    file.pragma('journal_mode = WAL');
    file.pragma('busy_timeout = 5000');
    file.pragma('foreign_keys = ON');
    // Group commit runs each write in a savepoint; their statement journals stay in memory instead of spilling to a temp file.
    file.pragma('temp_store = MEMORY');
    // A commit reaches the disk before it is acknowledged, so an acknowledged order survives a power cut too.
    const statements = withStatementCache(file);
    const durable = durableSqliteDialect(file, statements);
    const db = new Kysely<Database>({ dialect: durable.dialect });
    const close = async () => {
      await db.destroy();
      await durable.close();
    };
    store = { db, dialect: 'sqlite', write: createGroupCommit(db, options.onCommit, statementRunner((sql) => statements.prepare(sql))), close };
  }
  await migrate(store.db);
  return store;
}

/** Kysely prepares every query anew; SQLite statements are reusable, so keep the compiled ones by their SQL text. */
function withStatementCache(file: SQLite.Database, capacity = 512) {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => file.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = file.prepare(sql);
        if (statements.size >= capacity) statements.delete(statements.keys().next().value as string);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

async function migrate(db: Kysely<Database>): Promise<void> {
  // Domains land their numbered migrations in any order; a database that already ran 003 still gets 002.
  const migrator = new Migrator({ db, provider: migrationProvider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error || failed) {
    throw new Error(`Database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
