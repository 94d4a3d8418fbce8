// The group commit's transaction on the embedded database runs its hot statements straight on the connection it holds.
import type SQLite from 'better-sqlite3';

/** Runs one statement and answers its rows (none for a statement that returns nothing). */
export type RunStatement = (sql: string, parameters: readonly unknown[]) => unknown[];

const runners = new WeakMap<object, RunStatement>();

/** A runner over cached prepared statements, as Kysely's SQLite connection runs them, without its promise hops. */
export function statementRunner(prepare: (sql: string) => SQLite.Statement): RunStatement {
  return (sql, parameters) => {
    const statement = prepare(sql);
    if (statement.reader) return statement.all(parameters);
    statement.run(parameters);
    return [];
  };
}

/**
 * While `work` runs, statements sent through `directRunner(trx)` run at once on the connection. Only for a transaction
 * that holds the one connection for all of `work` (the group commit's): Kysely adds several promise hops per
 * statement, which cost more than SQLite spends on an order's small statements.
 */
export async function withDirectStatements<T>(trx: object, run: RunStatement, work: () => Promise<T>): Promise<T> {
  runners.set(trx, run);
  try {
    return await work();
  } finally {
    runners.delete(trx);
  }
}

export function directRunner(db: object): RunStatement | undefined {
  return runners.get(db);
}
