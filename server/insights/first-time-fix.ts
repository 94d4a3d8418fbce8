// First-time fix of a guide version in the database: of the runs finished on an installed asset whose 30 days are over,
// the % after which no other session was opened on that asset within 30 days.
import { sql, type Kysely, type SqlBool } from 'kysely';
import { FIRST_TIME_FIX_DAYS, type Figure } from '../../core/insights.ts';
import type { Database } from '../db/schema.ts';
import { scope, type StepFilter } from './step-figures.ts';

const WINDOW_MS = FIRST_TIME_FIX_DAYS * 24 * 60 * 60 * 1000;

export async function firstTimeFix(db: Kysely<Database>, filter: StepFilter, now: number): Promise<Figure> {
  const window = sql.lit(WINDOW_MS);
  const again = sql<SqlBool>`exists (select 1 from assist_sessions n where n.installed_asset_id = s.installed_asset_id and n.id <> s.id and n.created_at > p.finished_at and n.created_at <= p.finished_at + ${window})`;
  const row = await db
    .selectFrom('guide_progress as p')
    .innerJoin('assist_sessions as s', 's.id', 'p.session_id')
    .where('s.installed_asset_id', 'is not', null)
    .where('p.finished_at', 'is not', null)
    .where(sql<SqlBool>`p.finished_at + ${window} <= ${now}`)
    .where((eb) => eb.and(scope('p', 'started_at', filter)))
    .select([sql<number | string>`count(*)`.as('runs'), sql<number | string | null>`sum(case when ${again} then 0 else 1 end)`.as('fixed')])
    .executeTakeFirst();
  const runs = Number(row?.runs ?? 0);
  return { value: runs ? Math.round((1000 * Number(row?.fixed ?? 0)) / runs) / 10 : null, count: runs };
}
