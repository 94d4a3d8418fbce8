// The Insights cases over HTTP, run against a real server on SQLite and on Postgres: five seeded runs of the brake-pad
// guide whose right answers are worked out below (times, abandonment, signals, help, surveys, friction), the filters,
// who may look, and a real run whose back-step is counted.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { InsightsReport, StepInsight } from '../../core/insights.ts';
import type { TestServer } from '../support/test-server.ts';
import { login } from '../support/test-server.ts';
import { createPerson, ok, openSession } from './assist-support.ts';
import { stepVisits } from '../support/step-visits.ts';

const GUIDE = 'wheel-corner-brake-pads';
const [A, B, C] = ['prepare-vehicle', 'loosen-wheel-bolts', 'raise-onto-stand'] as const;
/** Monday 5 January 2026, long before the real runs of the tests. */
const T0 = Date.UTC(2026, 0, 5);
const S = 1000;
const DAY = 24 * 60 * 60 * S;

interface Run {
  language: 'en' | 'es';
  assisted: boolean;
  start: number;
  /** Step visits in order: [step, seconds on it, or null when the run stopped there]. */
  visits: Array<[string, number | null]>;
  finished: boolean;
  survey: { csat: number; ces: number; nps: number } | 'skipped';
  signals: Array<[string, 'back' | 'out-of-range']>;
  helpOn: string | null;
}

/**
 * A: 10 20 30 40 100 s → median 30, p90 40 + 0.6 × 60 = 76 (en: 10 20 30 → 20, 28; es: 40 100 → 70, 94; before day 8:
 * 10 20 30 40 → 25, 37). B: 5 15 25 s → median 15, p90 23; stopped there by two runs. C: 8 12 → 10, 11.6; one stopped.
 */
const RUNS: Run[] = [
  { language: 'en', assisted: false, start: T0, visits: [[A, 10], [B, 5], [C, 8]], finished: true, survey: { csat: 5, ces: 6, nps: 10 }, signals: [[B, 'out-of-range']], helpOn: null },
  { language: 'en', assisted: false, start: T0 + DAY, visits: [[A, 20], [B, 15], [C, 12]], finished: true, survey: { csat: 4, ces: 4, nps: 7 }, signals: [[B, 'back']], helpOn: null },
  { language: 'en', assisted: false, start: T0 + 2 * DAY, visits: [[A, 30], [B, null]], finished: false, survey: { csat: 2, ces: 2, nps: 3 }, signals: [], helpOn: B },
  { language: 'es', assisted: true, start: T0 + 3 * DAY, visits: [[A, 40], [B, 25], [C, null]], finished: false, survey: { csat: 3, ces: 4, nps: 9 }, signals: [], helpOn: A },
  { language: 'es', assisted: false, start: T0 + 8 * DAY, visits: [[A, 100], [B, null]], finished: false, survey: 'skipped', signals: [[B, 'out-of-range']], helpOn: null },
];

export async function seedRuns(server: TestServer): Promise<void> {
  const { db } = server.ctx.store;
  const userId = (email: string) => db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow();
  const tech = (await userId('tech@demo.local')).id;
  const agent = (await userId('agent@demo.local')).id;
  for (const run of RUNS) {
    const session = randomUUID();
    const { events, end: at } = stepVisits(run.start, run.visits);
    const last = run.visits.at(-1)?.[0] ?? null;
    await db.insertInto('assist_sessions').values({ id: session, requester_id: tech, product_id: 'wheel-corner', product_line: 'automotive', installed_asset_id: null, guide_id: GUIDE, language: run.language, status: 'ended', current_step_id: null, placement: null, highlighted_part_id: null, active_call: null, last_seq: 0, created_at: run.start, ended_at: at }).execute();
    await db.insertInto('session_members').values({ session_id: session, user_id: tech, role: 'requester', joined_at: run.start, left_at: at }).execute();
    if (run.assisted) await db.insertInto('session_members').values({ session_id: session, user_id: agent, role: 'agent', joined_at: run.start, left_at: at }).execute();
    const progress = { guideId: GUIDE, currentStepId: run.finished ? null : last, history: run.visits.map(([step]) => step), answers: {}, measurements: {}, confirmations: {}, acknowledgedWarnings: {} };
    await db.insertInto('guide_progress').values({ session_id: session, guide_id: GUIDE, guide_version: 1, product_id: 'wheel-corner', started_by: tech, progress: JSON.stringify(progress), current_step_id: progress.currentStepId, revision: events.length, last_event_seq: events.length, started_at: run.start, selected_at: run.start, updated_at: at, finished_at: run.finished ? at : null }).execute();
    await db
      .insertInto('guide_step_events')
      .values(events.map((event, index) => ({ id: randomUUID(), session_id: session, guide_id: GUIDE, guide_version: 1, product_id: 'wheel-corner', user_id: tech, step_id: event.step, kind: event.kind, seq: index + 1, at: event.at })))
      .execute();
    for (const [step, kind] of run.signals) {
      await db.insertInto('guide_step_signals').values({ id: randomUUID(), session_id: session, guide_id: GUIDE, guide_version: 1, product_id: 'wheel-corner', user_id: tech, step_id: step, kind, value: kind === 'back' ? null : 2.5, at: run.start + S }).execute();
    }
    if (run.helpOn) {
      const context = JSON.stringify({ productId: 'wheel-corner', guideId: GUIDE, stepId: run.helpOn, language: run.language });
      await db.insertInto('help_requests').values({ id: randomUUID(), session_id: session, requester_id: tech, product_id: 'wheel-corner', product_line: 'automotive', language: run.language, context, history: '[]', status: 'ended', agent_id: run.assisted ? agent : null, target_agent_id: null, transferred_by: null, declined_by: '[]', created_at: run.start + S, accepted_at: null, ended_at: at }).execute();
    }
    const scores = run.survey === 'skipped' ? { csat: null, ces: null, nps: null } : run.survey;
    await db
      .insertInto('survey_answers')
      .values({ id: randomUUID(), user_id: tech, context: 'guide', context_id: session, product_id: 'wheel-corner', guide_id: GUIDE, guide_version: 1, step_id: last, agent_id: run.assisted ? agent : null, channel: run.assisted ? 'assisted' : 'self-service', device: 'phone', language: run.language, ...scores, comment: null, skipped: run.survey === 'skipped' ? 1 : 0, created_at: run.start + 60 * S })
      .execute();
  }
}

async function fetchAs(server: TestServer, email: string | null, path: string): Promise<Response> {
  const headers: Record<string, string> = email ? { authorization: `Bearer ${(await login(server, email)).token}` } : {};
  return fetch(`${server.url}${path}`, { headers });
}

async function report(server: TestServer, query: Record<string, string | number>): Promise<InsightsReport> {
  const search = new URLSearchParams(Object.entries({ guideId: GUIDE, to: T0 + 30 * DAY, ...query }).map(([key, value]) => [key, String(value)]));
  const response = await fetchAs(server, 'operator@demo.local', `/api/insights?${search.toString()}`);
  expect(response.status).toBe(200);
  return (await response.json()) as InsightsReport;
}

const step = (found: InsightsReport, id: string): StepInsight => {
  const row = found.steps.find((candidate) => candidate.stepId === id);
  if (!row) throw new Error(`no step ${id}`);
  return row;
};
const times = (found: InsightsReport, id: string) => [step(found, id).medianMs, step(found, id).p90Ms];

export async function figuresOfSeededRuns(server: TestServer): Promise<void> {
  const all = await report(server, { from: T0 });
  expect(all.version).toBe(1);
  expect(all.steps[0]).toMatchObject({ stepId: A, position: 1, sessions: 5, visits: 5, medianMs: 30 * S, p90Ms: 76 * S, abandoned: 0, helpRequests: 1, outOfRange: 0, backSteps: 0 });
  expect(step(all, B)).toMatchObject({ sessions: 5, visits: 3, medianMs: 15 * S, p90Ms: 23 * S, abandoned: 2, helpRequests: 1, outOfRange: 2, backSteps: 1 });
  expect(step(all, C)).toMatchObject({ sessions: 3, visits: 2, medianMs: 10 * S, abandoned: 1, helpRequests: 0 });
  expect(step(all, C).p90Ms).toBeCloseTo(11.6 * S, 6);
  expect(all.steps.at(-1)).toMatchObject({ sessions: 0, visits: 0, medianMs: null, p90Ms: null, friction: 0 });
  expect(all.steps.length).toBe(21);
  // norm = median of 30, 15, 10 = 15 s; A: 40 × 1 + 20 × 1/5 = 44; B: 30 × 2/5 + 20 × 1/5 + 10 × 2/5 = 20; C: 30 × 1/3 = 10.
  expect(all.normMs).toBe(15 * S);
  expect([step(all, A).friction, step(all, B).friction, step(all, C).friction]).toEqual([44, 20, 10]);
  expect(all.friction).toEqual([A, B, C]);
  // CSAT 5 4 2 3 → 2 of 4; CES 6 4 2 4 → 4; NPS 10 7 3 9 → (2 − 1) / 4; the skipped answer is not counted.
  expect(all.surveys).toMatchObject({ csat: { value: 50, count: 4 }, ces: { value: 4, count: 4 }, nps: { value: 25, count: 4 } });
  expect(all.surveys.weeks.map((week) => [week.weekStart, week.csat.count])).toEqual([[T0, 4]]);
}

export async function filtersOfSeededRuns(server: TestServer): Promise<void> {
  const english = await report(server, { from: T0, language: 'en' });
  expect([times(english, A), step(english, B).abandoned, step(english, B).outOfRange]).toEqual([[20 * S, 28 * S], 1, 1]);
  expect(english.surveys).toMatchObject({ csat: { value: 66.7, count: 3 }, ces: { value: 4, count: 3 }, nps: { value: 0, count: 3 } });

  const spanish = await report(server, { from: T0, language: 'es' });
  expect([times(spanish, A), step(spanish, A).helpRequests, step(spanish, B).abandoned, step(spanish, C).abandoned]).toEqual([[70 * S, 94 * S], 1, 1, 1]);
  expect(spanish.surveys).toMatchObject({ csat: { value: 0, count: 1 }, nps: { value: 100, count: 1 } });

  const assisted = await report(server, { from: T0, channel: 'assisted' });
  expect([times(assisted, A), step(assisted, A).sessions, assisted.surveys.csat.count]).toEqual([[40 * S, 40 * S], 1, 1]);
  const selfService = await report(server, { from: T0, channel: 'self-service' });
  expect([step(selfService, A).sessions, step(selfService, A).helpRequests, selfService.surveys.csat.count]).toEqual([4, 0, 3]);

  const firstWeek = await report(server, { from: T0, to: T0 + 7 * DAY });
  expect([times(firstWeek, A), step(firstWeek, B).outOfRange, step(firstWeek, B).abandoned]).toEqual([[25 * S, 37 * S], 1, 1]);

  const otherProduct = await report(server, { from: T0, productId: 'espresso-machine' });
  expect([step(otherProduct, A).sessions, otherProduct.surveys.csat.count]).toEqual([0, 0]);

  const csv = await fetchAs(server, 'operator@demo.local', `/api/insights/export?guideId=${GUIDE}&from=${T0}&to=${T0 + 30 * DAY}&table=steps`);
  expect([csv.status, csv.headers.get('content-type')]).toEqual([200, 'text/csv; charset=utf-8']);
  const lines = (await csv.text()).trim().split('\r\n');
  expect(lines[0]).toBe('position,step_id,title,sessions,visits,median_ms,p90_ms,abandoned,out_of_range,help_requests,back_steps,friction');
  expect(lines[1]).toBe('1,prepare-vehicle,Make the car safe,5,5,30000,76000,0,0,1,0,44');
  expect(lines.length).toBe(22);
  const surveysCsv = await (await fetchAs(server, 'admin@demo.local', `/api/insights/export?guideId=${GUIDE}&from=${T0}&to=${T0 + 30 * DAY}&table=surveys`)).text();
  expect(surveysCsv.split('\r\n')[1]).toBe('all,50,4,4,4,25,4');
}

export async function whoMayLook(server: TestServer): Promise<void> {
  const path = `/api/insights?guideId=${GUIDE}`;
  expect((await fetchAs(server, null, path)).status).toBe(401);
  for (const email of ['tech@demo.local', 'customer@demo.local', 'agent@demo.local', 'author@demo.local']) expect([email, (await fetchAs(server, email, path)).status]).toEqual([email, 403]);
  for (const email of ['operator@demo.local', 'admin@demo.local']) expect([email, (await fetchAs(server, email, path)).status]).toEqual([email, 200]);
  expect((await fetchAs(server, 'tech@demo.local', `/api/insights/export?guideId=${GUIDE}&table=steps`)).status).toBe(403);
  expect((await fetchAs(server, 'operator@demo.local', `/api/insights?guideId=${GUIDE}&version=99`)).status).toBe(404);
  expect((await fetchAs(server, 'operator@demo.local', `/api/insights?guideId=${GUIDE}&from=10&to=5`)).status).toBe(400);
  const guides = (await (await fetchAs(server, 'operator@demo.local', '/api/insights/guides')).json()) as { guides: Array<{ id: string; versions: number[] }> };
  expect(guides.guides.find((guide) => guide.id === GUIDE)?.versions).toEqual([1]);
}

/** A real run through the socket: a step done, then back — the back-step and the time are counted from now on. */
export async function countsARealBackStep(server: TestServer): Promise<void> {
  const since = Date.now();
  const person = await createPerson(server, { role: 'technician', languages: ['en'], skills: [] });
  const { state } = await openSession(person, 'wheel-corner', 'en');
  const sessionId = state.session.id;
  await ok(person.socket, 'guide:start', { sessionId, guideId: GUIDE });
  await ok(person.socket, 'guide:action', { sessionId, actionId: 'ack-insights', action: { type: 'acknowledge', stepId: A, warningIndex: 0 } });
  await ok(person.socket, 'guide:action', { sessionId, actionId: 'confirm-insights', action: { type: 'confirm', stepId: A } });
  await ok(person.socket, 'guide:action', { sessionId, actionId: 'next-insights', action: { type: 'next' } });
  await ok(person.socket, 'guide:action', { sessionId, actionId: 'back-insights', action: { type: 'back' } });
  const found = await report(server, { from: since, to: Date.now() + DAY });
  expect([step(found, A).sessions, step(found, A).visits, step(found, B).backSteps, step(found, B).sessions, step(found, A).abandoned]).toEqual([1, 1, 1, 1, 1]);
}
