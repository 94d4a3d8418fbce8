// Survey answers: one per person and context (a guide run, a help session, an order), with the context the server found.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('survey_answers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('context', 'text', (c) => c.notNull())
    .addColumn('context_id', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text')
    .addColumn('guide_id', 'text')
    .addColumn('guide_version', 'integer')
    .addColumn('step_id', 'text')
    .addColumn('agent_id', 'text')
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('device', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('csat', 'integer')
    .addColumn('ces', 'integer')
    .addColumn('nps', 'integer')
    .addColumn('comment', 'text')
    .addColumn('skipped', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('survey_answers_once', ['user_id', 'context', 'context_id'])
    .execute();
  await db.schema.createIndex('survey_answers_nps_idx').on('survey_answers').columns(['user_id', 'nps', 'created_at']).execute();
  await db.schema.createIndex('survey_answers_product_idx').on('survey_answers').columns(['product_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('survey_answers').execute();
}
