// Time spent per step of a guide, from the step events: each `entered` paired with the `left` that follows it.
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema.ts';

export interface StepTiming {
  stepId: string;
  /** Visits that were left (the step was completed, skipped back, or jumped from). */
  count: number;
  avgMs: number;
  medianMs: number;
  maxMs: number;
  /** Visits entered and never left: sessions that stopped on this step. */
  openCount: number;
}

export interface StepTimingsFilter {
  guideId: string;
  version?: number;
  /** Only visits entered at or after this time (epoch ms). */
  since?: number;
}

function median(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return 0;
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** One row per step visit; the `left` event of a visit is the next event of the same session and guide. */
export async function stepVisits(db: Kysely<Database>, filter: StepTimingsFilter): Promise<Array<{ stepId: string; durationMs: number | null }>> {
  let query = db
    .selectFrom('guide_step_events as e')
    .leftJoin('guide_step_events as l', (join) =>
      join
        .onRef('l.session_id', '=', 'e.session_id')
        .onRef('l.guide_id', '=', 'e.guide_id')
        .onRef('l.step_id', '=', 'e.step_id')
        .on('l.kind', '=', 'left')
        .on(sql<boolean>`l.seq = e.seq + 1`),
    )
    .select(['e.step_id as stepId', sql<number | null>`l.at - e.at`.as('durationMs')])
    .where('e.kind', '=', 'entered')
    .where('e.guide_id', '=', filter.guideId);
  if (filter.version !== undefined) query = query.where('e.guide_version', '=', filter.version);
  if (filter.since !== undefined) query = query.where('e.at', '>=', filter.since);
  const rows = await query.execute();
  return rows.map((row) => ({ stepId: row.stepId, durationMs: row.durationMs === null ? null : Number(row.durationMs) }));
}

/** Count, average, median and maximum time per step of a guide, ordered by step id. */
export async function stepTimings(db: Kysely<Database>, filter: StepTimingsFilter): Promise<StepTiming[]> {
  const byStep = new Map<string, { durations: number[]; open: number }>();
  for (const { stepId, durationMs } of await stepVisits(db, filter)) {
    const entry = byStep.get(stepId) ?? { durations: [], open: 0 };
    if (durationMs === null) entry.open++;
    else entry.durations.push(durationMs);
    byStep.set(stepId, entry);
  }
  return [...byStep.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([stepId, { durations, open }]) => {
      const sorted = [...durations].sort((a, b) => a - b);
      const total = sorted.reduce((sum, value) => sum + value, 0);
      return { stepId, count: sorted.length, avgMs: sorted.length ? total / sorted.length : 0, medianMs: median(sorted), maxMs: sorted.at(-1) ?? 0, openCount: open };
    });
}
