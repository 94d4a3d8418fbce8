// The timeline's reads, each bounded: one page of a person's sessions, help requests, orders and survey answers (each
// `limit + 1` rows after the cursor, newest first), the guides behind them, and their guides in progress.
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { ActivityCursor, ActivityKind } from '../../core/activity.ts';
import type { Database } from '../db/schema.ts';

type Db = Kysely<Database>;

/** Rows of one kind that come after the cursor in the order (time, kind, id), all descending. */
function after(kind: ActivityKind, atColumn: string, idColumn: string, cursor: ActivityCursor | undefined) {
  if (!cursor) return sql<SqlBool>`1 = 1`;
  const at = sql.ref(atColumn);
  if (kind < cursor.kind) return sql<SqlBool>`${at} <= ${cursor.at}`;
  if (kind > cursor.kind) return sql<SqlBool>`${at} < ${cursor.at}`;
  return sql<SqlBool>`(${at} < ${cursor.at} or (${at} = ${cursor.at} and ${sql.ref(idColumn)} < ${cursor.id}))`;
}

export interface PageScope {
  userId: string;
  cursor: ActivityCursor | undefined;
  /** Rows read per kind: the page's size plus one, to know whether more follow. */
  rows: number;
}

export function sessionRows(db: Db, { userId, cursor, rows }: PageScope) {
  return db
    .selectFrom('assist_sessions as s')
    .select(['s.id', 's.product_id', 's.status', 's.created_at', 's.ended_at'])
    .select((eb) => [
      sql<number>`case when exists (select 1 from session_members m where m.session_id = s.id and m.role = 'agent') then 1 else 0 end`.as('assisted'),
      eb.selectFrom('survey_answers as a').select('a.device').whereRef('a.context_id', '=', 's.id').where('a.user_id', '=', userId).orderBy('a.created_at', 'desc').limit(1).as('device'),
    ])
    .where('s.requester_id', '=', userId)
    .where(after('session', 's.created_at', 's.id', cursor))
    .orderBy('s.created_at', 'desc')
    .orderBy('s.id', 'desc')
    .limit(rows)
    .execute();
}

export function helpRows(db: Db, { userId, cursor, rows }: PageScope) {
  return db
    .selectFrom('help_requests as h')
    .leftJoin('users as u', 'u.id', 'h.agent_id')
    .select(['h.id', 'h.session_id', 'h.product_id', 'h.status', 'h.created_at', 'h.accepted_at', 'h.ended_at', 'u.name as agent_name'])
    .where('h.requester_id', '=', userId)
    .where(after('help', 'h.created_at', 'h.id', cursor))
    .orderBy('h.created_at', 'desc')
    .orderBy('h.id', 'desc')
    .limit(rows)
    .execute();
}

export function orderRows(db: Db, { userId, cursor, rows }: PageScope) {
  return db
    .selectFrom('orders as o')
    .select(['o.id', 'o.number', 'o.total_cents', 'o.currency', 'o.status', 'o.created_at'])
    .where('o.user_id', '=', userId)
    .where(after('order', 'o.created_at', 'o.id', cursor))
    .orderBy('o.created_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(rows)
    .execute();
}

/** Answers given (a "Not now" is not an answer). */
export function surveyRows(db: Db, { userId, cursor, rows }: PageScope) {
  return db
    .selectFrom('survey_answers as a')
    .select(['a.id', 'a.context', 'a.product_id', 'a.csat', 'a.ces', 'a.nps', 'a.comment', 'a.created_at'])
    .where('a.user_id', '=', userId)
    .where('a.skipped', '=', 0)
    .where(after('survey', 'a.created_at', 'a.id', cursor))
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(rows)
    .execute();
}

/** Every guide run in these sessions, the one selected last first. */
export function progressRows(db: Db, sessionIds: string[]) {
  if (sessionIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('guide_progress as p')
    .innerJoin('assist_sessions as s', 's.id', 'p.session_id')
    .select(['p.session_id', 'p.guide_id', 'p.guide_version', 'p.progress', 'p.current_step_id', 'p.finished_at', 's.status as session_status'])
    .where('p.session_id', 'in', sessionIds)
    .orderBy('p.selected_at', 'desc')
    .execute();
}

/** Guides not finished in the person's sessions still open, the most recently touched first. */
export function inProgressRows(db: Db, userId: string, limit: number) {
  return db
    .selectFrom('guide_progress as p')
    .innerJoin('assist_sessions as s', 's.id', 'p.session_id')
    .select(['p.session_id', 'p.product_id', 'p.guide_id', 'p.guide_version', 'p.current_step_id', 'p.updated_at'])
    .where('s.requester_id', '=', userId)
    .where('s.status', '=', 'open')
    .where('p.finished_at', 'is', null)
    .where('p.current_step_id', 'is not', null)
    .orderBy('p.updated_at', 'desc')
    .orderBy('p.session_id', 'desc')
    .limit(limit)
    .execute();
}

export async function productData(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('products').select(['id', 'data']).where('id', 'in', ids).execute();
  return new Map(rows.map((row) => [row.id, row.data]));
}

/** The stored JSON of each named guide version, keyed `id@version`. */
export async function guideData(db: Db, versions: Array<{ guideId: string; version: number }>): Promise<Map<string, string>> {
  if (versions.length === 0) return new Map();
  const rows = await db
    .selectFrom('guides')
    .select(['id', 'version', 'data'])
    .where((eb) => eb.or(versions.map(({ guideId, version }) => eb.and([eb('id', '=', guideId), eb('version', '=', version)]))))
    .execute();
  return new Map(rows.map((row) => [`${row.id}@${Number(row.version)}`, row.data]));
}
