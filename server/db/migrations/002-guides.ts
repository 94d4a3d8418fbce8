// Guide versions, progress per session, idempotent actions, step events for insights and alignments per installed asset.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('guides')
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('guides_pk', ['id', 'version'])
    .execute();
  await db.schema.createIndex('guides_product_idx').on('guides').columns(['product_id', 'status']).execute();

  await db.schema
    .createTable('guide_progress')
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('guide_id', 'text', (c) => c.notNull())
    .addColumn('guide_version', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('started_by', 'text', (c) => c.notNull())
    .addColumn('progress', 'text', (c) => c.notNull())
    .addColumn('current_step_id', 'text')
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('last_event_seq', 'integer', (c) => c.notNull())
    .addColumn('started_at', 'bigint', (c) => c.notNull())
    .addColumn('selected_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .addColumn('finished_at', 'bigint')
    .addPrimaryKeyConstraint('guide_progress_pk', ['session_id', 'guide_id'])
    .execute();

  await db.schema
    .createTable('guide_actions')
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('action_id', 'text', (c) => c.notNull())
    .addColumn('guide_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('result', 'text', (c) => c.notNull())
    .addColumn('client_at', 'bigint')
    .addColumn('applied_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('guide_actions_pk', ['session_id', 'action_id'])
    .execute();

  await db.schema
    .createTable('guide_step_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('guide_id', 'text', (c) => c.notNull())
    .addColumn('guide_version', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('step_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('guide_step_events_seq_idx').on('guide_step_events').columns(['session_id', 'guide_id', 'seq']).unique().execute();
  await db.schema.createIndex('guide_step_events_step_idx').on('guide_step_events').columns(['guide_id', 'step_id', 'kind']).execute();
  await db.schema.createIndex('guide_step_events_product_idx').on('guide_step_events').columns(['product_id', 'at']).execute();

  await db.schema
    .createTable('asset_alignments')
    .addColumn('asset_id', 'text', (c) => c.primaryKey())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('transform', 'text', (c) => c.notNull())
    .addColumn('rms_error', 'double precision', (c) => c.notNull())
    .addColumn('landmark_ids', 'text', (c) => c.notNull())
    .addColumn('saved_by', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('saved_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['asset_alignments', 'guide_step_events', 'guide_actions', 'guide_progress', 'guides']) await db.schema.dropTable(table).execute();
}
