// The per-step figures of one guide version, each an aggregate computed in the database (SQLite or Postgres): time on
// step (median and p90 by ordered offset over window ranks), sessions, abandonment, signals and help requests.
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { InsightsFilter } from '../../core/insights.ts';
import type { Dialect } from '../db/database.ts';
import type { Database } from '../db/schema.ts';

type Db = Kysely<Database>;

/** The guide version and the filters, as the queries take them (version resolved). */
export type StepFilter = Omit<InsightsFilter, 'version'> & { version: number };

export interface StepTimes {
  stepId: string;
  visits: number;
  medianMs: number;
  p90Ms: number;
}
export type StepCount = { stepId: string; count: number };
export type StepSignalCounts = { stepId: string; backSteps: number; outOfRange: number };

/** Session-level filters (language, channel) on a column holding the assist session's id. */
export function sessionConditions(column: string, filter: StepFilter): Array<Expression<SqlBool>> {
  const session = sql.ref(column);
  const conditions: Array<Expression<SqlBool>> = [];
  if (filter.language) conditions.push(sql<SqlBool>`exists (select 1 from assist_sessions s where s.id = ${session} and s.language = ${filter.language})`);
  if (filter.channel) {
    const agent = sql<SqlBool>`exists (select 1 from session_members m where m.session_id = ${session} and m.role = 'agent')`;
    conditions.push(filter.channel === 'assisted' ? agent : sql<SqlBool>`not ${agent}`);
  }
  return conditions;
}

/** Guide, version, product and period on a table aliased `alias` whose time column is `time`. */
export function scope(alias: string, time: string, filter: StepFilter): Array<Expression<SqlBool>> {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  const conditions: Array<Expression<SqlBool>> = [sql<SqlBool>`${column('guide_id')} = ${filter.guideId}`, sql<SqlBool>`${column('guide_version')} = ${filter.version}`];
  if (filter.productId) conditions.push(sql<SqlBool>`${column('product_id')} = ${filter.productId}`);
  if (filter.from !== undefined) conditions.push(sql<SqlBool>`${column(time)} >= ${filter.from}`);
  if (filter.to !== undefined) conditions.push(sql<SqlBool>`${column(time)} < ${filter.to}`);
  return [...conditions, ...sessionConditions(`${alias}.session_id`, filter)];
}

/**
 * Median and p90 per step with linear interpolation between the two nearest ranks (what Postgres' percentile_cont
 * gives): rank r of n, 0-based; the median sits between ranks ⌊(n−1)/2⌋ and ⌊n/2⌋, p90 between ⌊9(n−1)/10⌋ and
 * ⌊(9(n−1)+9)/10⌋ at (9(n−1) mod 10)/10. Integer division is the same in both dialects.
 */
export async function stepTimes(db: Db, filter: StepFilter): Promise<StepTimes[]> {
  const rows = await db
    .with('visits', (qb) =>
      qb
        .selectFrom('guide_step_events as e')
        .innerJoin('guide_step_events as l', (join) =>
          join.onRef('l.session_id', '=', 'e.session_id').onRef('l.guide_id', '=', 'e.guide_id').onRef('l.step_id', '=', 'e.step_id').on('l.kind', '=', 'left').on(sql<SqlBool>`l.seq = e.seq + 1`),
        )
        .select(['e.step_id as step_id', sql<number>`l.at - e.at`.as('d')])
        .where('e.kind', '=', 'entered')
        .where((eb) => eb.and(scope('e', 'at', filter))),
    )
    .with('ranked', (qb) =>
      qb.selectFrom('visits').select(['step_id', 'd', sql<number>`row_number() over (partition by step_id order by d) - 1`.as('r'), sql<number>`count(*) over (partition by step_id)`.as('n')]),
    )
    .selectFrom('ranked')
    .select([
      'step_id as stepId',
      'n as visits',
      sql<number>`(min(case when r = (n - 1) / 2 then d end) + min(case when r = n / 2 then d end)) / 2.0`.as('medianMs'),
      sql<number>`min(case when r = (9 * (n - 1)) / 10 then d end) + ((9 * (n - 1)) % 10) / 10.0 * (min(case when r = (9 * (n - 1) + 9) / 10 then d end) - min(case when r = (9 * (n - 1)) / 10 then d end))`.as('p90Ms'),
    ])
    .where(sql<SqlBool>`r in ((n - 1) / 2, n / 2, (9 * (n - 1)) / 10, (9 * (n - 1) + 9) / 10)`)
    .groupBy(['step_id', 'n'])
    .execute();
  return rows.map((row) => ({ stepId: row.stepId, visits: Number(row.visits), medianMs: Number(row.medianMs), p90Ms: Number(row.p90Ms) }));
}

const counted = (rows: Array<{ stepId: string | null; count: number | string | bigint }>): StepCount[] =>
  rows.flatMap((row) => (row.stepId === null ? [] : [{ stepId: row.stepId, count: Number(row.count) }]));

/** Sessions that entered each step. */
export async function stepSessions(db: Db, filter: StepFilter): Promise<StepCount[]> {
  const rows = await db
    .selectFrom('guide_step_events as e')
    .select(['e.step_id as stepId', sql<number>`count(distinct e.session_id)`.as('count')])
    .where('e.kind', '=', 'entered')
    .where((eb) => eb.and(scope('e', 'at', filter)))
    .groupBy('e.step_id')
    .execute();
  return counted(rows);
}

/** Runs of the version (started in the period) not finished, by the step they stopped on. */
export async function stepAbandonment(db: Db, filter: StepFilter): Promise<StepCount[]> {
  const rows = await db
    .selectFrom('guide_progress as p')
    .select(['p.current_step_id as stepId', sql<number>`count(*)`.as('count')])
    .where('p.finished_at', 'is', null)
    .where('p.current_step_id', 'is not', null)
    .where((eb) => eb.and(scope('p', 'started_at', filter)))
    .groupBy('p.current_step_id')
    .execute();
  return counted(rows);
}

export async function stepSignalCounts(db: Db, filter: StepFilter): Promise<StepSignalCounts[]> {
  const rows = await db
    .selectFrom('guide_step_signals as g')
    .select([
      'g.step_id as stepId',
      sql<number>`sum(case when g.kind = 'back' then 1 else 0 end)`.as('backSteps'),
      sql<number>`sum(case when g.kind = 'out-of-range' then 1 else 0 end)`.as('outOfRange'),
    ])
    .where((eb) => eb.and(scope('g', 'at', filter)))
    .groupBy('g.step_id')
    .execute();
  return rows.map((row) => ({ stepId: row.stepId, backSteps: Number(row.backSteps), outOfRange: Number(row.outOfRange) }));
}

/** A field of a JSON text column, in the store's dialect. */
export function jsonField(dialect: Dialect, column: string, field: string) {
  return dialect === 'postgres' ? sql<string | null>`(${sql.ref(column)}::jsonb ->> ${sql.lit(field)})` : sql<string | null>`json_extract(${sql.ref(column)}, ${sql.lit(`$.${field}`)})`;
}

/** Help requests whose context names the guide and a step, in sessions that ran this version, by that step. */
export async function stepHelpRequests(db: Db, dialect: Dialect, filter: StepFilter): Promise<StepCount[]> {
  const stepId = jsonField(dialect, 'h.context', 'stepId');
  let query = db
    .selectFrom('help_requests as h')
    .innerJoin('guide_progress as p', (join) => join.onRef('p.session_id', '=', 'h.session_id').on('p.guide_id', '=', filter.guideId))
    .select([stepId.as('stepId'), sql<number>`count(*)`.as('count')])
    .where('p.guide_version', '=', filter.version)
    .where(sql<SqlBool>`${jsonField(dialect, 'h.context', 'guideId')} = ${filter.guideId}`)
    .where((eb) => eb.and(sessionConditions('h.session_id', filter)));
  if (filter.productId) query = query.where('h.product_id', '=', filter.productId);
  if (filter.from !== undefined) query = query.where('h.created_at', '>=', filter.from);
  if (filter.to !== undefined) query = query.where('h.created_at', '<', filter.to);
  return counted(await query.groupBy(stepId).execute());
}
