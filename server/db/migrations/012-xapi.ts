// xAPI: the statements a Learning Record Store has acknowledged, by the event they were made from (the push's outbox
// is every statement source not in this table).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('xapi_sent')
    .addColumn('source', 'text', (c) => c.primaryKey())
    .addColumn('statement_id', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('xapi_sent').execute();
}
