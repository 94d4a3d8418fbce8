// Hot queries built and compiled once per dialect, then run with new values: Kysely's building and compiling of a small
// query costs more CPU than SQLite spends running it.
import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Database } from './schema.ts';
import { directRunner } from './direct-statements.ts';

type Db = Kysely<Database>;

/** The SQL text, and for each parameter either the index of the argument that fills it or a value fixed at build time. */
interface Template {
  sql: string;
  slots: Array<{ arg: number } | { fixed: unknown }>;
}

const placeholder = (index: number) => `\u0000prepared-argument-${index}\u0000`;

/**
 * `build` receives a placeholder for each argument and must use each one only as a whole value (a compared, inserted
 * or set value; not inside a list whose length varies). The template is keyed by the dialect's adapter, which a
 * transaction shares with its database, so SQLite and Postgres stores in one process each get their own.
 */
export function preparedQuery<Args extends unknown[], Row>(arity: Args['length'], build: (db: Db, ...args: Args) => Compilable<Row>) {
  const templates = new WeakMap<object, Template>();

  const templateFor = (db: Db): Template => {
    const adapter = db.getExecutor().adapter;
    let template = templates.get(adapter);
    if (!template) {
      const names = Array.from({ length: arity }, (_, index) => placeholder(index));
      const compiled = build(db, ...(names as Args)).compile();
      const slots = compiled.parameters.map((value) => {
        const arg = typeof value === 'string' ? names.indexOf(value) : -1;
        return arg >= 0 ? { arg } : { fixed: value };
      });
      const used = new Set(slots.flatMap((slot) => ('arg' in slot ? [slot.arg] : [])));
      if (used.size !== arity) throw new Error(`A prepared query must use each of its ${arity} arguments as a value: ${compiled.sql}`);
      template = { sql: compiled.sql, slots };
      templates.set(adapter, template);
    }
    return template;
  };

  return async (db: Db, ...args: Args): Promise<Row[]> => {
    const { sql, slots } = templateFor(db);
    const parameters = slots.map((slot) => ('arg' in slot ? args[slot.arg] : slot.fixed));
    const direct = directRunner(db);
    if (direct) return direct(sql, parameters) as Row[];
    const result = await db.executeQuery<Row>(CompiledQuery.raw(sql, parameters));
    return result.rows;
  };
}
