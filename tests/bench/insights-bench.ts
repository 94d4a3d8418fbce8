// Insights over a year of seeded data on SQLite (≥ 1 000 000 step events, 100 000 sessions): the per-step figures
// through the repository against one hand-written SQL aggregate of the same figures on the same database file.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import { openStore } from '../../server/db/database.ts';
import { stepRows, type StepFilter, type StepRow } from '../../server/insights/insights-repository.ts';
import { benchResult, type BenchResult } from './bench-types.ts';
import { formatTable } from './print-table.ts';

const SESSIONS = 100_000;
const STEPS = 12;
const GUIDE = 'bench-guide';
const PRODUCT = 'bench-product';
const YEAR_START = Date.UTC(2025, 0, 1);
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;
const RUNS = 3;

/** A small deterministic generator (mulberry32), so every run seeds the same year. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const stepId = (index: number) => `step-${String(index + 1).padStart(2, '0')}`;

/** Seeds with prepared statements in one transaction on a plain connection; returns the number of step events. */
function seed(file: string): number {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const next = random(14);
  const steps = Array.from({ length: STEPS }, (_, index) => ({ id: stepId(index), title: { en: `Step ${index + 1}`, es: `Paso ${index + 1}` } }));
  const guide = { id: GUIDE, productId: PRODUCT, title: { en: 'Bench guide', es: 'Guía de prueba' }, steps };
  let events = 0;
  db.transaction(() => {
    db.prepare(`insert into users (id, email, name, role, password_hash, languages, skills, created_at) values ('u1', 'bench@demo.local', 'Bench', 'technician', 'x', '["en"]', '[]', 0), ('a1', 'bench-agent@demo.local', 'Agent', 'agent', 'x', '["en"]', '[]', 0)`).run();
    db.prepare(`insert into products (id, sku, data, price_cents, product_line, created_at) values (?, 'BENCH-1', '{}', 0, 'automotive', 0)`).run(PRODUCT);
    db.prepare(`insert into guides (id, version, product_id, status, data, created_by, created_at) values (?, 1, ?, 'published', ?, null, 0)`).run(GUIDE, PRODUCT, JSON.stringify(guide));
    const session = db.prepare(`insert into assist_sessions (id, requester_id, product_id, product_line, installed_asset_id, guide_id, language, status, current_step_id, placement, highlighted_part_id, active_call, last_seq, created_at, ended_at) values (?, 'u1', ?, 'automotive', null, ?, ?, 'ended', null, null, null, null, 0, ?, ?)`);
    const member = db.prepare(`insert into session_members (session_id, user_id, role, joined_at, left_at) values (?, ?, ?, ?, ?)`);
    const progress = db.prepare(`insert into guide_progress (session_id, guide_id, guide_version, product_id, started_by, progress, current_step_id, revision, last_event_seq, started_at, selected_at, updated_at, finished_at) values (?, ?, 1, ?, 'u1', '{}', ?, 0, ?, ?, ?, ?, ?)`);
    const event = db.prepare(`insert into guide_step_events (id, session_id, guide_id, guide_version, product_id, user_id, step_id, kind, seq, at) values (?, ?, ?, 1, ?, 'u1', ?, ?, ?, ?)`);
    const signal = db.prepare(`insert into guide_step_signals (id, session_id, guide_id, guide_version, product_id, user_id, step_id, kind, value, at) values (?, ?, ?, 1, ?, 'u1', ?, ?, null, ?)`);
    const help = db.prepare(`insert into help_requests (id, session_id, requester_id, product_id, product_line, language, context, history, status, agent_id, target_agent_id, transferred_by, declined_by, created_at, accepted_at, ended_at) values (?, ?, 'u1', ?, 'automotive', ?, ?, '[]', 'ended', null, null, null, '[]', ?, null, null)`);
    for (let s = 0; s < SESSIONS; s++) {
      const id = `s${s}`;
      const language = next() < 0.6 ? 'en' : 'es';
      const start = YEAR_START + Math.floor(next() * YEAR_MS);
      const reached = 3 + Math.floor(next() * 7);
      const finished = reached === 9 && next() < 0.8;
      let at = start;
      let seq = 0;
      for (let index = 0; index < reached; index++) {
        const step = stepId(index);
        event.run(`${id}-${++seq}`, id, GUIDE, PRODUCT, step, 'entered', seq, at);
        if (next() < 0.08) signal.run(`${id}-b${index}`, id, GUIDE, PRODUCT, step, next() < 0.5 ? 'back' : 'out-of-range', at);
        if (index === reached - 1 && !finished) break;
        at += 5_000 + Math.floor(next() * 60_000 * (1 + (index % 4)));
        event.run(`${id}-${++seq}`, id, GUIDE, PRODUCT, step, 'left', seq, at);
      }
      events += seq;
      const last = stepId(reached - 1);
      session.run(id, PRODUCT, GUIDE, language, start, at);
      member.run(id, 'u1', 'requester', start, at);
      if (next() < 0.2) member.run(id, 'a1', 'agent', start, at);
      if (next() < 0.05) help.run(`h${s}`, id, PRODUCT, language, JSON.stringify({ productId: PRODUCT, guideId: GUIDE, stepId: last, language }), at);
      progress.run(id, GUIDE, PRODUCT, finished ? null : last, seq, start, start, at, finished ? at : null);
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('analyze');
  db.close();
  return events;
}

/** The same figures in one statement, written by hand: what the repository's queries are measured against. */
const HAND_WRITTEN = `
with visits as (
  select e.step_id, l.at - e.at as d from guide_step_events e
  join guide_step_events l on l.session_id = e.session_id and l.guide_id = e.guide_id and l.step_id = e.step_id and l.kind = 'left' and l.seq = e.seq + 1
  where e.kind = 'entered' and e.guide_id = :guide and e.guide_version = 1 and e.at >= :from and e.at < :to),
ranked as (select step_id, d, row_number() over (partition by step_id order by d) - 1 as r, count(*) over (partition by step_id) as n from visits),
times as (
  select step_id, n,
    (min(case when r = (n - 1) / 2 then d end) + min(case when r = n / 2 then d end)) / 2.0 as median,
    min(case when r = (9 * (n - 1)) / 10 then d end) + ((9 * (n - 1)) % 10) / 10.0 * (min(case when r = (9 * (n - 1) + 9) / 10 then d end) - min(case when r = (9 * (n - 1)) / 10 then d end)) as p90
  from ranked where r in ((n - 1) / 2, n / 2, (9 * (n - 1)) / 10, (9 * (n - 1) + 9) / 10) group by step_id, n),
entered as (select step_id, count(distinct session_id) as sessions from guide_step_events where kind = 'entered' and guide_id = :guide and guide_version = 1 and at >= :from and at < :to group by step_id),
stopped as (select current_step_id as step_id, count(*) as abandoned from guide_progress where guide_id = :guide and guide_version = 1 and finished_at is null and current_step_id is not null and started_at >= :from and started_at < :to group by current_step_id),
signals as (select step_id, sum(kind = 'back') as back_steps, sum(kind = 'out-of-range') as out_of_range from guide_step_signals where guide_id = :guide and guide_version = 1 and at >= :from and at < :to group by step_id),
helped as (
  select json_extract(h.context, '$.stepId') as step_id, count(*) as help from help_requests h join guide_progress p on p.session_id = h.session_id and p.guide_id = :guide
  where p.guide_version = 1 and json_extract(h.context, '$.guideId') = :guide and h.created_at >= :from and h.created_at < :to group by json_extract(h.context, '$.stepId'))
select entered.step_id as stepId, entered.sessions, coalesce(times.n, 0) as visits, times.median as medianMs, times.p90 as p90Ms, coalesce(stopped.abandoned, 0) as abandoned,
  coalesce(signals.out_of_range, 0) as outOfRange, coalesce(helped.help, 0) as helpRequests, coalesce(signals.back_steps, 0) as backSteps
from entered left join times using (step_id) left join stopped using (step_id) left join signals using (step_id) left join helped using (step_id)`;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function timed<T>(run: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await run();
  return { ms: performance.now() - started, value };
}

const canonical = (rows: Iterable<StepRow>) =>
  JSON.stringify([...rows].map((row) => ({ ...row, medianMs: Math.round(row.medianMs ?? -1), p90Ms: Math.round(row.p90Ms ?? -1) })).sort((a, b) => a.stepId.localeCompare(b.stepId)));

export async function runInsightsBench(): Promise<BenchResult[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'xr-insights-bench-'));
  try {
    const migrated = await openStore({ dataDir });
    await migrated.close();
    const file = path.join(dataDir, 'xr-assist.sqlite');
    const seeding = await timed(() => seed(file));
    const events = seeding.value;
    console.log(`  seeded ${events} step events, ${SESSIONS} sessions in ${(seeding.ms / 1000).toFixed(1)} s`);

    const store = await openStore({ dataDir });
    const raw = new SQLite(file, { readonly: true });
    const statement = raw.prepare(HAND_WRITTEN);
    const filter: StepFilter = { guideId: GUIDE, version: 1, from: YEAR_START, to: YEAR_START + YEAR_MS };
    const params = { guide: GUIDE, from: YEAR_START, to: YEAR_START + YEAR_MS };
    try {
      const throughRepository = () => stepRows(store.db, 'sqlite', filter).then((rows) => rows.values());
      const handWritten = () => statement.all(params) as StepRow[];
      if (canonical(await throughRepository()) !== canonical(handWritten())) throw new Error('the repository and the hand-written aggregate disagree');
      const repositoryMs: number[] = [];
      const handMs: number[] = [];
      for (let run = 0; run < RUNS; run++) {
        handMs.push((await timed(handWritten)).ms);
        repositoryMs.push((await timed(throughRepository)).ms);
      }
      const [repository, hand] = [median(repositoryMs), median(handMs)];
      const round = (value: number, digits = 1) => Number(value.toFixed(digits));
      return [
        benchResult('insights.seeded.step-events', events, 'events', '≥ 1000000'),
        benchResult('insights.seeded.sessions', SESSIONS, 'sessions', '≥ 100000'),
        benchResult('insights.steps.repository', round(repository), 'ms'),
        benchResult('insights.steps.hand-written-sql', round(hand), 'ms'),
        benchResult('insights.steps.repository-vs-sql.ratio', round(repository / hand, 2), '× one SQL aggregate', '≤ 1.5'),
      ];
    } finally {
      raw.close();
      await store.close();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(formatTable(await runInsightsBench()));
}
