// The drill-down from one step of a guide version to the sessions that entered it, slowest first, in the database:
// visits, time on the step, whether help was asked on it, and how the run ended.
import { sql, type Kysely, type SqlBool } from 'kysely';
import { STEP_SESSION_LIMIT, type StepSession } from '../../core/insights-service-figures.ts';
import type { Dialect } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { jsonField, scope, type StepFilter } from './step-figures.ts';

export async function stepSessions(db: Kysely<Database>, dialect: Dialect, filter: StepFilter, stepId: string): Promise<StepSession[]> {
  const helpOnStep = sql<SqlBool>`exists (select 1 from help_requests h where h.session_id = v.session_id and ${jsonField(dialect, 'h.context', 'guideId')} = ${filter.guideId} and ${jsonField(dialect, 'h.context', 'stepId')} = ${stepId})`;
  const rows = await db
    .with('v', (qb) =>
      qb
        .selectFrom('guide_step_events as e')
        .leftJoin('guide_step_events as l', (join) =>
          join.onRef('l.session_id', '=', 'e.session_id').onRef('l.guide_id', '=', 'e.guide_id').onRef('l.step_id', '=', 'e.step_id').on('l.kind', '=', 'left').on(sql<SqlBool>`l.seq = e.seq + 1`),
        )
        .where('e.kind', '=', 'entered')
        .where('e.step_id', '=', stepId)
        .where((eb) => eb.and(scope('e', 'at', filter)))
        .select(['e.session_id as session_id', sql<number>`min(e.at)`.as('entered_at'), sql<number>`count(*)`.as('visits'), sql<number | null>`sum(l.at - e.at)`.as('time_ms')])
        .groupBy('e.session_id'),
    )
    .selectFrom('v')
    .innerJoin('assist_sessions as s', 's.id', 'v.session_id')
    .leftJoin('guide_progress as p', (join) => join.onRef('p.session_id', '=', 'v.session_id').on('p.guide_id', '=', filter.guideId))
    .select([
      'v.session_id as sessionId',
      's.language as language',
      'v.entered_at as enteredAt',
      'v.visits as visits',
      'v.time_ms as timeMs',
      sql<number>`case when ${helpOnStep} then 1 else 0 end`.as('help'),
      'p.finished_at as finishedAt',
      'p.current_step_id as currentStepId',
    ])
    .orderBy(sql`case when v.time_ms is null then 1 else 0 end`)
    .orderBy('v.time_ms', 'desc')
    .orderBy('v.session_id')
    .limit(STEP_SESSION_LIMIT)
    .execute();
  return rows.map((row) => ({
    sessionId: row.sessionId,
    language: row.language,
    enteredAt: Number(row.enteredAt),
    visits: Number(row.visits),
    timeMs: row.timeMs === null ? null : Number(row.timeMs),
    helpRequested: Number(row.help) === 1,
    outcome: row.finishedAt !== null ? 'finished' : row.currentStepId === stepId ? 'stopped-here' : 'stopped-later',
  }));
}
