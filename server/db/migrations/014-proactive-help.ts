// Proactive help: each person's preference (offers on or off) and the offers made, one per session and step.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('user_preferences')
    .addColumn('user_id', 'text', (c) => c.primaryKey())
    .addColumn('proactive_help', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('proactive_offers')
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('step_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('guide_id', 'text', (c) => c.notNull())
    .addColumn('reasons', 'text', (c) => c.notNull())
    .addColumn('offered_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('proactive_offers_pk', ['session_id', 'step_id'])
    .execute();
  await db.schema.createIndex('help_requests_requester_idx').on('help_requests').columns(['requester_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('help_requests_requester_idx').execute();
  await db.schema.dropTable('proactive_offers').execute();
  await db.schema.dropTable('user_preferences').execute();
}
