// Every table of the database and what it holds of a person: the columns that name them, how erasing treats each, and
// the tables that name nobody. The export and the erase are built from this list; a test reads the live schema against it.
import type { Database } from '../db/schema.ts';
export { ERASED_USER_ID } from '../db/erased-user.ts';

export type TableName = keyof Database & string;

/**
 * How erasing treats the rows whose column names the person:
 * `delete` removes them (with what cascades from them); `unlink` sets the column to null; `to-erased` points it at the
 * erased-customer placeholder (a column that cannot be null in someone else's record); `anonymise-order` keeps an
 * order, its lines and totals for accounting without name, address or user id; `json-list` replaces the id inside a
 * JSON array of ids.
 */
export type Erasure = 'delete' | 'unlink' | 'to-erased' | 'anonymise-order' | 'json-list';

export interface PersonColumn {
  column: string;
  /** `email` when the column holds the person's e-mail address rather than their id. */
  holds?: 'id' | 'email';
  erase: Erasure;
}

export interface PersonalTable {
  table: TableName;
  columns: PersonColumn[];
  /** Columns never exported: secrets and hashes. */
  secret?: string[];
  /** Text columns that hold JSON, exported parsed. */
  json?: string[];
}

/**
 * In the order erasing runs them (foreign keys: sessions before their requester, orders and everything else before the
 * user row itself, which goes last).
 */
export const PERSONAL_TABLES: readonly PersonalTable[] = [
  { table: 'orders', columns: [{ column: 'user_id', erase: 'anonymise-order' }], secret: ['request_hash', 'idempotency_key'], json: ['address'] },
  { table: 'order_status_history', columns: [{ column: 'by_user_id', erase: 'unlink' }] },
  { table: 'assist_sessions', columns: [{ column: 'requester_id', erase: 'delete' }], json: ['placement', 'active_call'] },
  { table: 'session_members', columns: [{ column: 'user_id', erase: 'delete' }] },
  { table: 'session_log', columns: [{ column: 'actor_id', erase: 'unlink' }], json: ['data'] },
  { table: 'help_requests', columns: [{ column: 'requester_id', erase: 'delete' }, { column: 'agent_id', erase: 'unlink' }, { column: 'target_agent_id', erase: 'unlink' }, { column: 'transferred_by', erase: 'unlink' }, { column: 'declined_by', erase: 'json-list' }], json: ['context', 'history', 'declined_by'] },
  { table: 'help_callbacks', columns: [{ column: 'requester_id', erase: 'delete' }, { column: 'done_by', erase: 'unlink' }] },
  { table: 'guide_progress', columns: [{ column: 'started_by', erase: 'delete' }], json: ['progress'] },
  { table: 'guide_actions', columns: [{ column: 'user_id', erase: 'delete' }], json: ['action', 'result'] },
  { table: 'guide_step_events', columns: [{ column: 'user_id', erase: 'delete' }] },
  { table: 'guide_step_signals', columns: [{ column: 'user_id', erase: 'delete' }] },
  { table: 'proactive_offers', columns: [{ column: 'user_id', erase: 'delete' }], json: ['reasons'] },
  { table: 'user_preferences', columns: [{ column: 'user_id', erase: 'delete' }] },
  { table: 'xapi_refused', columns: [{ column: 'user_id', erase: 'delete' }], json: ['statement'] },
  { table: 'survey_answers', columns: [{ column: 'user_id', erase: 'delete' }, { column: 'agent_id', erase: 'unlink' }] },
  { table: 'agent_ratings', columns: [{ column: 'agent_id', erase: 'to-erased' }] },
  { table: 'cart_items', columns: [{ column: 'user_id', erase: 'delete' }] },
  { table: 'cart_changes', columns: [{ column: 'user_id', erase: 'delete' }] },
  { table: 'addresses', columns: [{ column: 'user_id', erase: 'delete' }] },
  { table: 'asset_alignments', columns: [{ column: 'saved_by', erase: 'to-erased' }], json: ['transform', 'landmark_ids'] },
  { table: 'guides', columns: [{ column: 'created_by', erase: 'unlink' }], json: ['data'] },
  { table: 'guide_drafts', columns: [{ column: 'updated_by', erase: 'unlink' }], json: ['data'] },
  { table: 'studio_drafts', columns: [{ column: 'created_by', erase: 'to-erased' }], json: ['data'] },
  { table: 'login_throttle', columns: [{ column: 'email', holds: 'email', erase: 'delete' }] },
  { table: 'sign_ins', columns: [{ column: 'user_id', erase: 'delete' }], secret: ['refresh_hash', 'previous_hash'] },
  { table: 'users', columns: [{ column: 'id', erase: 'delete' }, { column: 'email', holds: 'email', erase: 'delete' }], secret: ['password_hash'], json: ['languages', 'skills'] },
];

/**
 * Tables that name no person (catalog, counters, meta, order lines reached through their order; the xAPI outbox and
 * sent list name sessions and events, whose rows go with the person's).
 */
export const TABLES_WITHOUT_PERSON: readonly TableName[] = ['products', 'parts', 'product_parts', 'meta', 'order_items', 'order_counters', 'session_annotations', 'xapi_sent', 'xapi_outbox', 'xapi_push_state'];

/** Column names that name a person wherever they appear: a new table with one must be listed above. */
export const PERSON_COLUMN = /(^|_)(user_id|email|requester_id|agent_id|actor_id)$|_by$/;


export interface ColumnOfSchema {
  table: string;
  column: string;
}

/**
 * What the live schema has that this list does not cover: tables listed nowhere, person columns without an erasure,
 * and listed columns the schema no longer has. Empty when export and erase cover everything.
 */
export function uncoveredBy(schema: readonly ColumnOfSchema[]): string[] {
  const problems: string[] = [];
  const listed = new Map(PERSONAL_TABLES.map((entry) => [entry.table as string, entry]));
  const tables = new Set(schema.map((entry) => entry.table));
  for (const table of tables) {
    if (!listed.has(table) && !(TABLES_WITHOUT_PERSON as readonly string[]).includes(table)) problems.push(`table ${table} is not listed in server/account/personal-data.ts`);
  }
  for (const { table, column } of schema) {
    const entry = listed.get(table);
    const covered = entry?.columns.some((person) => person.column === column) ?? false;
    if (PERSON_COLUMN.test(column) && !covered) problems.push(`column ${table}.${column} names a person but export and erase do not cover it`);
  }
  for (const entry of PERSONAL_TABLES) {
    if (!tables.has(entry.table)) problems.push(`table ${entry.table} is listed but not in the schema`);
    for (const { column } of entry.columns) {
      if (!schema.some((found) => found.table === entry.table && found.column === column)) problems.push(`column ${entry.table}.${column} is listed but not in the schema`);
    }
  }
  return problems;
}
