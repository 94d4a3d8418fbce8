// xAPI push: an outbox of statement sources in the order they were committed (filled by triggers, so every writer of
// guide runs and step events is covered), the push's watermark and lease in one row, and the statements the LRS refused.
import { PostgresAdapter, sql, type Kysely } from 'kysely';

const SOURCES = `
  select 'start:' || p.session_id || ':' || p.guide_id as source, 'start' as kind, p.session_id, p.guide_id, null as event_id, p.started_at as at from guide_progress p
  union all
  select 'done:' || p.session_id || ':' || p.guide_id, 'done', p.session_id, p.guide_id, null, p.finished_at from guide_progress p where p.finished_at is not null
  union all
  select 'step:' || l.id, 'step', l.session_id, l.guide_id, l.id, l.at from guide_step_events l where l.kind = 'left'`;

const SQLITE_TRIGGERS = [
  `create trigger xapi_outbox_step after insert on guide_step_events when new.kind = 'left' begin
     insert or ignore into xapi_outbox (source, kind, session_id, guide_id, event_id) values ('step:' || new.id, 'step', new.session_id, new.guide_id, new.id);
   end`,
  `create trigger xapi_outbox_start after insert on guide_progress begin
     insert or ignore into xapi_outbox (source, kind, session_id, guide_id, event_id) values ('start:' || new.session_id || ':' || new.guide_id, 'start', new.session_id, new.guide_id, null);
     insert or ignore into xapi_outbox (source, kind, session_id, guide_id, event_id) select 'done:' || new.session_id || ':' || new.guide_id, 'done', new.session_id, new.guide_id, null where new.finished_at is not null;
   end`,
  `create trigger xapi_outbox_done after update of finished_at on guide_progress when old.finished_at is null and new.finished_at is not null begin
     insert or ignore into xapi_outbox (source, kind, session_id, guide_id, event_id) values ('done:' || new.session_id || ':' || new.guide_id, 'done', new.session_id, new.guide_id, null);
   end`,
];

const POSTGRES_TRIGGERS = [
  `create function xapi_outbox_step() returns trigger language plpgsql as $$ begin
     if new.kind = 'left' then
       insert into xapi_outbox (source, kind, session_id, guide_id, event_id) values ('step:' || new.id, 'step', new.session_id, new.guide_id, new.id) on conflict do nothing;
     end if;
     return null;
   end $$`,
  `create trigger xapi_outbox_step after insert on guide_step_events for each row execute function xapi_outbox_step()`,
  `create function xapi_outbox_run() returns trigger language plpgsql as $$ begin
     if tg_op = 'INSERT' then
       insert into xapi_outbox (source, kind, session_id, guide_id, event_id) values ('start:' || new.session_id || ':' || new.guide_id, 'start', new.session_id, new.guide_id, null) on conflict do nothing;
     end if;
     if new.finished_at is not null and (tg_op = 'INSERT' or old.finished_at is null) then
       insert into xapi_outbox (source, kind, session_id, guide_id, event_id) values ('done:' || new.session_id || ':' || new.guide_id, 'done', new.session_id, new.guide_id, null) on conflict do nothing;
     end if;
     return null;
   end $$`,
  `create trigger xapi_outbox_run after insert or update of finished_at on guide_progress for each row execute function xapi_outbox_run()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  // Postgres: `tx` is the writing transaction, so the push reads only rows no running transaction can still precede.
  await db.schema
    .createTable('xapi_outbox')
    .addColumn('pos', postgres ? 'bigserial' : 'integer', (c) => (postgres ? c.primaryKey() : c.primaryKey().autoIncrement()))
    .addColumn('tx', postgres ? sql`xid8` : 'integer', (c) => c.notNull().defaultTo(postgres ? sql`pg_current_xact_id()` : 0))
    .addColumn('source', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('session_id', 'text', (c) => c.notNull())
    .addColumn('guide_id', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text')
    .execute();
  await db.schema.createIndex('xapi_outbox_order_idx').on('xapi_outbox').columns(['tx', 'pos']).execute();
  await sql`insert into xapi_outbox (source, kind, session_id, guide_id, event_id)
    select x.source, x.kind, x.session_id, x.guide_id, x.event_id from (${sql.raw(SOURCES)}) x
    where not exists (select 1 from xapi_sent t where t.source = x.source) order by x.at, x.source`.execute(db);
  for (const statement of postgres ? POSTGRES_TRIGGERS : SQLITE_TRIGGERS) await sql.raw(statement).execute(db);

  await db.schema
    .createTable('xapi_push_state')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('watermark_tx', 'text', (c) => c.notNull())
    .addColumn('watermark_pos', 'bigint', (c) => c.notNull())
    .addColumn('holder', 'text')
    .addColumn('lease_until', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into xapi_push_state (name, watermark_tx, watermark_pos, holder, lease_until) values ('lrs', '0', 0, null, 0)`.execute(db);

  await db.schema
    .createTable('xapi_refused')
    .addColumn('source', 'text', (c) => c.primaryKey())
    .addColumn('statement_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('status', 'integer', (c) => c.notNull())
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('refused_at', 'bigint', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const drops = postgres
    ? ['drop trigger xapi_outbox_step on guide_step_events', 'drop trigger xapi_outbox_run on guide_progress', 'drop function xapi_outbox_step', 'drop function xapi_outbox_run']
    : ['drop trigger xapi_outbox_step', 'drop trigger xapi_outbox_start', 'drop trigger xapi_outbox_done'];
  for (const statement of drops) await sql.raw(statement).execute(db);
  for (const table of ['xapi_refused', 'xapi_push_state', 'xapi_outbox']) await db.schema.dropTable(table).execute();
}
