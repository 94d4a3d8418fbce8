// Insights: step signals (a back-step, an out-of-range measurement) written with the action, and indexes the per-step
// figures read by (a guide version's events by kind and time, runs by start, answers by guide).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('guide_step_signals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('guide_id', 'text', (c) => c.notNull())
    .addColumn('guide_version', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('step_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('value', 'double precision')
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('guide_step_signals_guide_idx').on('guide_step_signals').columns(['guide_id', 'guide_version', 'at']).execute();
  await db.schema.createIndex('guide_step_events_version_idx').on('guide_step_events').columns(['guide_id', 'guide_version', 'kind', 'at']).execute();
  await db.schema.createIndex('guide_progress_guide_idx').on('guide_progress').columns(['guide_id', 'guide_version', 'started_at']).execute();
  await db.schema.createIndex('survey_answers_guide_idx').on('survey_answers').columns(['guide_id', 'guide_version', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of ['survey_answers_guide_idx', 'guide_progress_guide_idx', 'guide_step_events_version_idx']) await db.schema.dropIndex(index).execute();
  await db.schema.dropTable('guide_step_signals').execute();
}
