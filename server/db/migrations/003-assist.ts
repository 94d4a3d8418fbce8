// Assist sessions, members, the per-session log (ordered by seq), annotations, help requests and callback requests.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('assist_sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('requester_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
    .addColumn('product_line', 'text', (c) => c.notNull())
    .addColumn('installed_asset_id', 'text')
    .addColumn('guide_id', 'text')
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('current_step_id', 'text')
    .addColumn('placement', 'text')
    .addColumn('highlighted_part_id', 'text')
    .addColumn('active_call', 'text')
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('ended_at', 'bigint')
    .execute();
  await db.schema.createIndex('assist_sessions_requester_idx').on('assist_sessions').columns(['requester_id', 'created_at']).execute();

  await db.schema
    .createTable('session_members')
    .addColumn('session_id', 'text', (c) => c.notNull().references('assist_sessions.id').onDelete('cascade'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('joined_at', 'bigint', (c) => c.notNull())
    .addColumn('left_at', 'bigint')
    .addPrimaryKeyConstraint('session_members_pk', ['session_id', 'user_id'])
    .execute();
  await db.schema.createIndex('session_members_user_idx').on('session_members').column('user_id').execute();

  await db.schema
    .createTable('session_log')
    .addColumn('session_id', 'text', (c) => c.notNull().references('assist_sessions.id').onDelete('cascade'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('client_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('session_log_pk', ['session_id', 'seq'])
    .execute();
  await db.schema.createIndex('session_log_client_idx').on('session_log').columns(['session_id', 'client_id']).unique().execute();

  await db.schema
    .createTable('session_annotations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('assist_sessions.id').onDelete('cascade'))
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('session_annotations_session_idx').on('session_annotations').columns(['session_id', 'created_at']).execute();

  await db.schema
    .createTable('help_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('assist_sessions.id').onDelete('cascade'))
    .addColumn('requester_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('product_line', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('context', 'text', (c) => c.notNull())
    .addColumn('history', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('agent_id', 'text')
    .addColumn('target_agent_id', 'text')
    .addColumn('transferred_by', 'text')
    .addColumn('declined_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('accepted_at', 'bigint')
    .addColumn('ended_at', 'bigint')
    .execute();
  await db.schema.createIndex('help_requests_status_idx').on('help_requests').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('help_requests_session_idx').on('help_requests').column('session_id').execute();

  await db.schema
    .createTable('help_callbacks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('session_id', 'text', (c) => c.notNull().references('assist_sessions.id').onDelete('cascade'))
    .addColumn('requester_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('product_line', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('help_callbacks_created_idx').on('help_callbacks').column('created_at').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['help_callbacks', 'help_requests', 'session_annotations', 'session_log', 'session_members', 'assist_sessions']) {
    await db.schema.dropTable(table).execute();
  }
}
