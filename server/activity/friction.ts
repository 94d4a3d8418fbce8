// The friction a person met in a few of their sessions, each kind read in the database: help asked on a step (the
// request's JSON context), a run stopped on a step (not finished, session ended), an out-of-range measurement, and a
// visit far longer than the step's median, judged against Insights' own per-step times with proactive help's thresholds.
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { FrictionKind } from '../../core/activity.ts';
import { PROACTIVE_THRESHOLDS } from '../../core/proactive.ts';
import type { Dialect } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { jsonField, stepTimes } from '../insights/step-figures.ts';

type Db = Kysely<Database>;

export interface FrictionHit {
  sessionId: string;
  guideId: string;
  stepId: string;
  kind: FrictionKind;
}

async function helpAsked(db: Db, dialect: Dialect, sessionIds: string[]): Promise<FrictionHit[]> {
  const guide = jsonField(dialect, 'h.context', 'guideId');
  const step = jsonField(dialect, 'h.context', 'stepId');
  const rows = await db
    .selectFrom('help_requests as h')
    .select(['h.session_id', guide.as('guide_id'), step.as('step_id')])
    .where('h.session_id', 'in', sessionIds)
    .where(sql<SqlBool>`${guide} is not null and ${step} is not null`)
    .execute();
  return rows.map((row) => ({ sessionId: row.session_id, guideId: row.guide_id ?? '', stepId: row.step_id ?? '', kind: 'help' as const }));
}

async function stopped(db: Db, sessionIds: string[]): Promise<FrictionHit[]> {
  const rows = await db
    .selectFrom('guide_progress as p')
    .innerJoin('assist_sessions as s', 's.id', 'p.session_id')
    .select(['p.session_id', 'p.guide_id', 'p.current_step_id'])
    .where('p.session_id', 'in', sessionIds)
    .where('s.status', '=', 'ended')
    .where('p.finished_at', 'is', null)
    .where('p.current_step_id', 'is not', null)
    .execute();
  return rows.map((row) => ({ sessionId: row.session_id, guideId: row.guide_id, stepId: row.current_step_id ?? '', kind: 'stopped' as const }));
}

async function outOfRange(db: Db, sessionIds: string[]): Promise<FrictionHit[]> {
  const rows = await db
    .selectFrom('guide_step_signals')
    .select(['session_id', 'guide_id', 'step_id'])
    .distinct()
    .where('session_id', 'in', sessionIds)
    .where('kind', '=', 'out-of-range')
    .execute();
  return rows.map((row) => ({ sessionId: row.session_id, guideId: row.guide_id, stepId: row.step_id, kind: 'out-of-range' as const }));
}

/** Each session's longest visit per step, then the step's median over every run of that guide version (Insights). */
async function slow(db: Db, sessionIds: string[]): Promise<FrictionHit[]> {
  const visits = await db
    .selectFrom('guide_step_events as e')
    .innerJoin('guide_step_events as l', (join) =>
      join.onRef('l.session_id', '=', 'e.session_id').onRef('l.guide_id', '=', 'e.guide_id').onRef('l.step_id', '=', 'e.step_id').on('l.kind', '=', 'left').on(sql<SqlBool>`l.seq = e.seq + 1`),
    )
    .select(['e.session_id', 'e.guide_id', 'e.guide_version', 'e.step_id', sql<number>`max(l.at - e.at)`.as('longest')])
    .where('e.kind', '=', 'entered')
    .where('e.session_id', 'in', sessionIds)
    .groupBy(['e.session_id', 'e.guide_id', 'e.guide_version', 'e.step_id'])
    .execute();
  const versions = new Map<string, { guideId: string; version: number }>();
  for (const visit of visits) versions.set(`${visit.guide_id}@${Number(visit.guide_version)}`, { guideId: visit.guide_id, version: Number(visit.guide_version) });
  const norms = new Map<string, number>();
  for (const [key, { guideId, version }] of versions) {
    for (const step of await stepTimes(db, { guideId, version })) {
      if (step.visits >= PROACTIVE_THRESHOLDS.minVisits) norms.set(`${key}/${step.stepId}`, step.medianMs);
    }
  }
  return visits.flatMap((visit) => {
    const median = norms.get(`${visit.guide_id}@${Number(visit.guide_version)}/${visit.step_id}`);
    return median !== undefined && Number(visit.longest) > PROACTIVE_THRESHOLDS.slowFactor * median
      ? [{ sessionId: visit.session_id, guideId: visit.guide_id, stepId: visit.step_id, kind: 'slow' as const }]
      : [];
  });
}

export async function frictionIn(db: Db, dialect: Dialect, sessionIds: string[]): Promise<FrictionHit[]> {
  if (sessionIds.length === 0) return [];
  const found = await Promise.all([helpAsked(db, dialect, sessionIds), stopped(db, sessionIds), slow(db, sessionIds), outOfRange(db, sessionIds)]);
  return found.flat();
}
