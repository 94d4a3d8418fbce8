// Callback requests can be marked done: when and by which agent; agents list the open ones oldest first.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('help_callbacks').addColumn('done_at', 'bigint').execute();
  await db.schema.alterTable('help_callbacks').addColumn('done_by', 'text').execute();
  await db.schema.createIndex('help_callbacks_open_idx').on('help_callbacks').columns(['done_at', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('help_callbacks_open_idx').execute();
  await db.schema.alterTable('help_callbacks').dropColumn('done_by').execute();
  await db.schema.alterTable('help_callbacks').dropColumn('done_at').execute();
}
