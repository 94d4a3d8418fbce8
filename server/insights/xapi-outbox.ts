// Reads the xAPI outbox after the push's watermark, a page at a time in commit order, with what each statement is made
// of; rows already sent or refused are left out. On Postgres only rows older than every running transaction are read,
// so a transaction that commits late can never land behind the watermark.
import { sql } from 'kysely';
import type { Store } from '../db/database.ts';
import type { XapiSource, XapiSourceKind } from './xapi-sources.ts';

/** The last outbox position fully handled; `tx` is Postgres's transaction id as text ('0' on SQLite). */
export interface XapiWatermark {
  tx: string;
  pos: number;
}

export interface XapiOutboxRow {
  position: XapiWatermark;
  /** The statement's source name (`step:<event id>` …). */
  name: string;
  /** Null when the row needs no statement: already sent or refused, or its step visit has no entry. */
  source: XapiSource | null;
}

interface Row {
  tx: string | number;
  pos: number | string;
  source: string;
  kind: string;
  session_id: string;
  guide_id: string;
  handled: number | string;
  guide_version: number | null;
  started_by: string | null;
  started_at: number | null;
  finished_at: number | null;
  step_id: string | null;
  user_id: string | null;
  left_at: number | null;
  entered_at: number | null;
  language: string | null;
}

function toSource(row: Row): XapiSource | null {
  if (Number(row.handled) === 1 || row.language === null) return null;
  const base = { source: row.source, sessionId: row.session_id, guideId: row.guide_id, language: row.language };
  const kind = row.kind as XapiSourceKind;
  if (kind === 'step') {
    if (row.entered_at === null || row.left_at === null || row.user_id === null || row.step_id === null || row.guide_version === null) return null;
    return { ...base, kind, guideVersion: Number(row.guide_version), stepId: row.step_id, userId: row.user_id, at: Number(row.left_at), durationMs: Number(row.left_at) - Number(row.entered_at) };
  }
  if (row.started_by === null || row.started_at === null || row.guide_version === null) return null;
  if (kind === 'start') return { ...base, kind, guideVersion: Number(row.guide_version), stepId: null, userId: row.started_by, at: Number(row.started_at), durationMs: null };
  if (row.finished_at === null) return null;
  return { ...base, kind, guideVersion: Number(row.guide_version), stepId: null, userId: row.started_by, at: Number(row.finished_at), durationMs: Number(row.finished_at) - Number(row.started_at) };
}

/** Up to `limit` outbox rows after `after`, in commit order. */
export async function readXapiOutbox(store: Store, after: XapiWatermark, limit: number): Promise<XapiOutboxRow[]> {
  const postgres = store.dialect === 'postgres';
  const position = postgres
    ? sql`(o.tx, o.pos) > (${after.tx}::xid8, ${after.pos}) and o.tx < pg_snapshot_xmin(pg_current_snapshot())`
    : sql`o.pos > ${after.pos}`;
  const { rows } = await sql<Row>`
    select ${postgres ? sql`o.tx::text` : sql`o.tx`} as tx, o.pos, o.source, o.kind, o.session_id, o.guide_id,
      case when exists (select 1 from xapi_sent t where t.source = o.source) or exists (select 1 from xapi_refused r where r.source = o.source) then 1 else 0 end as handled,
      coalesce(l.guide_version, p.guide_version) as guide_version, p.started_by, p.started_at, p.finished_at,
      l.step_id, l.user_id, l.at as left_at, e.at as entered_at, s.language
    from xapi_outbox o
    left join assist_sessions s on s.id = o.session_id
    left join guide_progress p on p.session_id = o.session_id and p.guide_id = o.guide_id
    left join guide_step_events l on l.id = o.event_id
    left join guide_step_events e on e.session_id = l.session_id and e.guide_id = l.guide_id and e.seq = l.seq - 1 and e.step_id = l.step_id and e.kind = 'entered'
    where ${position}
    order by o.tx, o.pos
    limit ${limit}`.execute(store.db);
  return rows.map((row) => ({ position: { tx: String(row.tx), pos: Number(row.pos) }, name: row.source, source: toSource(row) }));
}
