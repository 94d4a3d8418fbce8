// Rows of guide progress: one per session and guide, the actions applied to it (by client id), its step events and signals.
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { GuideProgress } from '../../core/guide-engine.ts';
import type { Database, GuideActionsTable, GuideProgressTable } from '../db/schema.ts';
import type { StepSignal } from './step-signals.ts';
import type { StepTransition } from './step-transitions.ts';

type Db = Kysely<Database>;

export const progressOf = (row: GuideProgressTable): GuideProgress => JSON.parse(row.progress) as GuideProgress;

export async function findProgress(db: Db, sessionId: string, guideId: string): Promise<GuideProgressTable | undefined> {
  return db.selectFrom('guide_progress').selectAll().where('session_id', '=', sessionId).where('guide_id', '=', guideId).executeTakeFirst();
}

/** The session's current guide: the one started or resumed last. */
export async function findCurrentProgress(db: Db, sessionId: string): Promise<GuideProgressTable | undefined> {
  return db.selectFrom('guide_progress').selectAll().where('session_id', '=', sessionId).orderBy('selected_at', 'desc').orderBy('updated_at', 'desc').executeTakeFirst();
}

/** Inserts unless the session already has progress for the guide (two devices starting at once); true when inserted. */
export async function insertProgress(db: Db, row: GuideProgressTable): Promise<boolean> {
  const result = await db
    .insertInto('guide_progress')
    .values(row)
    .onConflict((oc) => oc.columns(['session_id', 'guide_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function selectProgress(db: Db, sessionId: string, guideId: string, now: number): Promise<void> {
  await db.updateTable('guide_progress').set({ selected_at: now }).where('session_id', '=', sessionId).where('guide_id', '=', guideId).execute();
}

/** Bumps the revision and returns the row; inside a transaction this locks it (Postgres) until commit. */
export async function lockProgress(db: Db, sessionId: string, guideId: string): Promise<GuideProgressTable | undefined> {
  return db
    .updateTable('guide_progress')
    .set((eb) => ({ revision: eb('revision', '+', 1) }))
    .where('session_id', '=', sessionId)
    .where('guide_id', '=', guideId)
    .returningAll()
    .executeTakeFirst();
}

export async function updateProgress(db: Db, row: GuideProgressTable, progress: GuideProgress, lastEventSeq: number, at: number): Promise<void> {
  await db
    .updateTable('guide_progress')
    .set({
      progress: JSON.stringify(progress),
      current_step_id: progress.currentStepId,
      last_event_seq: lastEventSeq,
      updated_at: at,
      finished_at: progress.currentStepId === null ? (row.finished_at ?? at) : null,
    })
    .where('session_id', '=', row.session_id)
    .where('guide_id', '=', row.guide_id)
    .execute();
}

/**
 * Claims an action id for the session; false when it was claimed before. Under Postgres a concurrent claim of the same
 * id waits for the first transaction and then finds it, so an action is never applied twice.
 */
export async function claimAction(db: Db, row: GuideActionsTable): Promise<boolean> {
  const result = await db
    .insertInto('guide_actions')
    .values(row)
    .onConflict((oc) => oc.columns(['session_id', 'action_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

export async function recordActionResult(db: Db, sessionId: string, actionId: string, progress: GuideProgress): Promise<void> {
  await db.updateTable('guide_actions').set({ result: JSON.stringify(progress) }).where('session_id', '=', sessionId).where('action_id', '=', actionId).execute();
}

/** Writes one event per transition with consecutive seqs after `row.last_event_seq`; returns the last seq used. */
export async function insertStepEvents(db: Db, row: GuideProgressTable, transitions: StepTransition[], userId: string, at: number): Promise<number> {
  const first = Number(row.last_event_seq) + 1;
  if (transitions.length === 0) return first - 1;
  await db
    .insertInto('guide_step_events')
    .values(
      transitions.map(({ stepId, kind }, index) => ({
        id: randomUUID(),
        session_id: row.session_id,
        guide_id: row.guide_id,
        guide_version: row.guide_version,
        product_id: row.product_id,
        user_id: userId,
        step_id: stepId,
        kind,
        seq: first + index,
        at,
      })),
    )
    .execute();
  return first + transitions.length - 1;
}

export async function insertStepSignals(db: Db, row: GuideProgressTable, signals: StepSignal[], userId: string, at: number): Promise<void> {
  if (signals.length === 0) return;
  await db
    .insertInto('guide_step_signals')
    .values(
      signals.map(({ stepId, kind, value }) => ({
        id: randomUUID(),
        session_id: row.session_id,
        guide_id: row.guide_id,
        guide_version: row.guide_version,
        product_id: row.product_id,
        user_id: userId,
        step_id: stepId,
        kind,
        value,
        at,
      })),
    )
    .execute();
}
