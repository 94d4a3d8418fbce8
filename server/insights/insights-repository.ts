// Insights in the store: the per-step figures of a guide version gathered from their aggregates (each computed in the
// database, run together), the guides there are figures for, and the survey figures.
import type { Kysely } from 'kysely';
import type { Dialect } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { stepAbandonment, stepHelpRequests, stepSessions, stepSignalCounts, stepTimes, type StepCount, type StepFilter } from './step-figures.ts';

export { surveyFigures } from './survey-figures.ts';
export type { StepFilter } from './step-figures.ts';

export interface StepRow {
  stepId: string;
  sessions: number;
  visits: number;
  medianMs: number | null;
  p90Ms: number | null;
  abandoned: number;
  outOfRange: number;
  helpRequests: number;
  backSteps: number;
}

const byStep = (rows: StepCount[]) => new Map(rows.map((row) => [row.stepId, row.count]));

/** One row per step that has any figure, keyed by step id. */
export async function stepRows(db: Kysely<Database>, dialect: Dialect, filter: StepFilter): Promise<Map<string, StepRow>> {
  const [times, sessions, abandoned, signals, help] = await Promise.all([
    stepTimes(db, filter),
    stepSessions(db, filter),
    stepAbandonment(db, filter),
    stepSignalCounts(db, filter),
    stepHelpRequests(db, dialect, filter),
  ]);
  const timesOf = new Map(times.map((row) => [row.stepId, row]));
  const signalsOf = new Map(signals.map((row) => [row.stepId, row]));
  const [sessionsOf, abandonedOf, helpOf] = [byStep(sessions), byStep(abandoned), byStep(help)];
  const ids = new Set([...timesOf.keys(), ...signalsOf.keys(), ...sessionsOf.keys(), ...abandonedOf.keys(), ...helpOf.keys()]);
  const rows = new Map<string, StepRow>();
  for (const stepId of ids) {
    const time = timesOf.get(stepId);
    const signal = signalsOf.get(stepId);
    rows.set(stepId, {
      stepId,
      sessions: sessionsOf.get(stepId) ?? 0,
      visits: time?.visits ?? 0,
      medianMs: time?.medianMs ?? null,
      p90Ms: time?.p90Ms ?? null,
      abandoned: abandonedOf.get(stepId) ?? 0,
      outOfRange: signal?.outOfRange ?? 0,
      helpRequests: helpOf.get(stepId) ?? 0,
      backSteps: signal?.backSteps ?? 0,
    });
  }
  return rows;
}

/** Every guide id with its product, latest title and stored versions (published ones, newest first). */
export async function guideVersions(db: Kysely<Database>): Promise<Array<{ id: string; productId: string; version: number; data: string }>> {
  const rows = await db.selectFrom('guides').select(['id', 'product_id', 'version', 'data']).where('status', '=', 'published').orderBy('id').orderBy('version', 'desc').execute();
  return rows.map((row) => ({ id: row.id, productId: row.product_id, version: Number(row.version), data: row.data }));
}
