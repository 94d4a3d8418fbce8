// Reads everything the database holds about one person, table by table from the personal-data list, plus the sessions
// (with their transcripts) and the orders (with their lines and history) they took part in.
import { sql, type Kysely } from 'kysely';
import { PERSONAL_DATA_FORMAT, type PersonalDataExport } from '../../core/account.ts';
import type { Database, UsersTable } from '../db/schema.ts';
import { toUser } from '../auth/user-repository.ts';
import { PERSONAL_TABLES, type PersonColumn, type PersonalTable, type TableName } from './personal-data.ts';

type Row = Record<string, unknown>;

export interface Person {
  id: string;
  email: string;
}

/** The condition that a row names the person through one column. */
export function namesPerson(person: Person, { column, holds, erase }: PersonColumn) {
  if (erase === 'json-list') return sql<boolean>`${sql.ref(column)} like ${`%${JSON.stringify(person.id)}%`}`;
  return sql<boolean>`${sql.ref(column)} = ${holds === 'email' ? person.email : person.id}`;
}

async function rowsWhere(db: Kysely<Database>, table: TableName, condition: ReturnType<typeof sql<boolean>>): Promise<Row[]> {
  const { rows } = await sql<Row>`select * from ${sql.table(table)} where ${condition}`.execute(db);
  return rows;
}

async function rowsIn(db: Kysely<Database>, table: TableName, column: string, values: readonly string[]): Promise<Row[]> {
  if (values.length === 0) return [];
  return rowsWhere(db, table, sql<boolean>`${sql.ref(column)} in (${sql.join(values)})`);
}

function shaped(entry: PersonalTable | undefined, rows: Row[]): Row[] {
  return rows.map((row) => {
    const out: Row = {};
    for (const [key, value] of Object.entries(row)) {
      if (entry?.secret?.includes(key)) continue;
      out[key] = typeof value === 'string' && entry?.json?.includes(key) ? (JSON.parse(value) as unknown) : typeof value === 'bigint' ? Number(value) : value;
    }
    return out;
  });
}

const uniqueBy = (rows: Row[], key: (row: Row) => string) => [...new Map(rows.map((row) => [key(row), row])).values()];

export async function exportPersonalData(db: Kysely<Database>, userId: string, now: number): Promise<PersonalDataExport | null> {
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  if (!user) return null;
  const person = { id: user.id, email: user.email };
  const tables: Record<string, Row[]> = {};
  for (const entry of PERSONAL_TABLES) {
    if (entry.table === 'users') continue;
    const condition = sql.join(entry.columns.map((column) => namesPerson(person, column)), sql` or `);
    tables[entry.table] = await rowsWhere(db, entry.table, sql<boolean>`(${condition})`);
  }
  const sessionIds = [...new Set([...(tables.assist_sessions ?? []).map((row) => String(row.id)), ...(tables.session_members ?? []).map((row) => String(row.session_id))])];
  const orderIds = (tables.orders ?? []).map((row) => String(row.id));
  tables.assist_sessions = await rowsIn(db, 'assist_sessions', 'id', sessionIds);
  tables.session_log = uniqueBy([...(tables.session_log ?? []), ...(await rowsIn(db, 'session_log', 'session_id', sessionIds))], (row) => `${String(row.session_id)}:${String(row.seq)}`);
  tables.session_annotations = await rowsIn(db, 'session_annotations', 'session_id', sessionIds);
  tables.order_items = await rowsIn(db, 'order_items', 'order_id', orderIds);
  tables.order_status_history = uniqueBy([...(tables.order_status_history ?? []), ...(await rowsIn(db, 'order_status_history', 'order_id', orderIds))], (row) => `${String(row.order_id)}:${String(row.status)}:${String(row.at)}`);
  const byName = new Map<string, PersonalTable>(PERSONAL_TABLES.map((entry) => [entry.table, entry]));
  const exported: Record<string, Row[]> = {};
  for (const [table, rows] of Object.entries(tables)) exported[table] = shaped(byName.get(table) ?? { table: table as TableName, columns: [], json: ['data', 'name'] }, rows);
  return { format: PERSONAL_DATA_FORMAT, exportedAt: now, user: { ...toUser(user as UsersTable), createdAt: Number(user.created_at) }, tables: exported };
}
