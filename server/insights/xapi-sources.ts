// What xAPI statements are made from, read from the database page by page (never every event at once): a guide run's
// start, its finish, and each step visit that was left. Each row has a stable `source` that names its statement.
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../db/schema.ts';

type Db = Kysely<Database>;

export type XapiSourceKind = 'start' | 'done' | 'step';

export interface XapiSource {
  source: string;
  kind: XapiSourceKind;
  sessionId: string;
  guideId: string;
  guideVersion: number;
  stepId: string | null;
  userId: string;
  language: string;
  at: number;
  durationMs: number | null;
}

export interface XapiSourceQuery {
  guideId?: string | undefined;
  from?: number | undefined;
  to?: number | undefined;
  /** Keyset: rows after this (at, source), in that order. */
  after?: { at: number; source: string } | undefined;
  /** Only sources the LRS has not acknowledged. */
  unsent?: boolean;
  limit: number;
}

function union(db: Db) {
  const starts = db
    .selectFrom('guide_progress as p')
    .select([
      sql<string>`'start:' || p.session_id || ':' || p.guide_id`.as('source'),
      sql<string>`'start'`.as('kind'),
      'p.session_id as session_id',
      'p.guide_id as guide_id',
      'p.guide_version as guide_version',
      sql<string | null>`null`.as('step_id'),
      'p.started_by as user_id',
      'p.started_at as at',
      sql<number | null>`null`.as('duration'),
    ]);
  const finishes = db
    .selectFrom('guide_progress as p')
    .where('p.finished_at', 'is not', null)
    .select([
      sql<string>`'done:' || p.session_id || ':' || p.guide_id`.as('source'),
      sql<string>`'done'`.as('kind'),
      'p.session_id as session_id',
      'p.guide_id as guide_id',
      'p.guide_version as guide_version',
      sql<string | null>`null`.as('step_id'),
      'p.started_by as user_id',
      sql<number>`p.finished_at`.as('at'),
      sql<number | null>`p.finished_at - p.started_at`.as('duration'),
    ]);
  const visits = db
    .selectFrom('guide_step_events as l')
    .innerJoin('guide_step_events as e', (join) =>
      join.onRef('e.session_id', '=', 'l.session_id').onRef('e.guide_id', '=', 'l.guide_id').onRef('e.step_id', '=', 'l.step_id').on('e.kind', '=', 'entered').on(sql<SqlBool>`e.seq = l.seq - 1`),
    )
    .where('l.kind', '=', 'left')
    .select([
      sql<string>`'step:' || l.id`.as('source'),
      sql<string>`'step'`.as('kind'),
      'l.session_id as session_id',
      'l.guide_id as guide_id',
      'l.guide_version as guide_version',
      sql<string | null>`l.step_id`.as('step_id'),
      'l.user_id as user_id',
      'l.at as at',
      sql<number | null>`l.at - e.at`.as('duration'),
    ]);
  return starts.unionAll(finishes).unionAll(visits);
}

/** One page of statement sources, oldest first, with the session's language. */
export async function xapiSources(db: Db, query: XapiSourceQuery): Promise<XapiSource[]> {
  let select = db
    .selectFrom(union(db).as('x'))
    .innerJoin('assist_sessions as s', 's.id', 'x.session_id')
    .select(['x.source', 'x.kind', 'x.session_id', 'x.guide_id', 'x.guide_version', 'x.step_id', 'x.user_id', 'x.at', 'x.duration', 's.language']);
  if (query.guideId !== undefined) select = select.where('x.guide_id', '=', query.guideId);
  if (query.from !== undefined) select = select.where('x.at', '>=', query.from);
  if (query.to !== undefined) select = select.where('x.at', '<', query.to);
  if (query.unsent) select = select.where(({ not, exists, selectFrom }) => not(exists(selectFrom('xapi_sent as t').select('t.source').whereRef('t.source', '=', 'x.source'))));
  const after = query.after;
  if (after) select = select.where((eb) => eb.or([eb('x.at', '>', after.at), eb.and([eb('x.at', '=', after.at), eb('x.source', '>', after.source)])]));
  const rows = await select.orderBy('x.at').orderBy('x.source').limit(query.limit).execute();
  return rows.map((row) => ({
    source: row.source,
    kind: row.kind as XapiSourceKind,
    sessionId: row.session_id,
    guideId: row.guide_id,
    guideVersion: Number(row.guide_version),
    stepId: row.step_id,
    userId: row.user_id,
    language: row.language,
    at: Number(row.at),
    durationMs: row.duration === null ? null : Number(row.duration),
  }));
}
