// The activity cases, run against a real server on SQLite and on Postgres: a person's seeded sessions, help, order and
// survey answers whose timeline is worked out below; its order (ties by kind, then id), paging, only their own; the
// guide they can resume; and the requester's timeline with its friction, for the helping agent only.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { ActivityItem, MyActivity, RequesterTimeline } from '../../core/activity.ts';
import type { TestServer } from '../support/test-server.ts';
import { createPerson, ok, refused, type Person } from './assist-support.ts';
import { stepVisits } from '../support/step-visits.ts';

const GUIDE = 'wheel-corner-brake-pads';
const [A, B, C, D] = ['prepare-vehicle', 'loosen-wheel-bolts', 'raise-onto-stand', 'remove-wheel'] as const;
const T0 = Date.UTC(2026, 2, 2);
const S = 1000;
const HOUR = 3600 * S;

type Db = TestServer['ctx']['store']['db'];

interface Run {
  userId: string;
  start: number;
  /** [step, seconds, or null when the run is on it now]. */
  visits: Array<[string, number | null]>;
  open?: boolean;
}

async function seedRun(db: Db, run: Run): Promise<string> {
  const session = randomUUID();
  const { events, end: at } = stepVisits(run.start, run.visits);
  const current = run.visits.at(-1)?.[1] === null ? (run.visits.at(-1)?.[0] ?? null) : null;
  await db.insertInto('assist_sessions').values({ id: session, requester_id: run.userId, product_id: 'wheel-corner', product_line: 'automotive', installed_asset_id: null, guide_id: GUIDE, language: 'en', status: run.open ? 'open' : 'ended', current_step_id: current, placement: null, highlighted_part_id: null, active_call: null, last_seq: 0, created_at: run.start, ended_at: run.open ? null : at }).execute();
  const progress = { guideId: GUIDE, currentStepId: current, history: run.visits.map(([step]) => step), answers: {}, measurements: {}, confirmations: {}, acknowledgedWarnings: {} };
  await db.insertInto('guide_progress').values({ session_id: session, guide_id: GUIDE, guide_version: 1, product_id: 'wheel-corner', started_by: run.userId, progress: JSON.stringify(progress), current_step_id: current, revision: 1, last_event_seq: events.length, started_at: run.start, selected_at: run.start, updated_at: at, finished_at: current === null ? at : null }).execute();
  if (events.length > 0) {
    await db.insertInto('guide_step_events').values(events.map((event, index) => ({ id: randomUUID(), session_id: session, guide_id: GUIDE, guide_version: 1, product_id: 'wheel-corner', user_id: run.userId, step_id: event.step, kind: event.kind, seq: index + 1, at: event.at }))).execute();
  }
  return session;
}

function helpRow(sessionId: string, requesterId: string, agentId: string, stepId: string, at: number, ended: boolean) {
  const context = JSON.stringify({ productId: 'wheel-corner', guideId: GUIDE, stepId, language: 'en' });
  return { id: randomUUID(), session_id: sessionId, requester_id: requesterId, product_id: 'wheel-corner', product_line: 'automotive', language: 'en', context, history: '[]', status: ended ? 'ended' : 'active', agent_id: agentId, target_agent_id: null, transferred_by: null, declined_by: '[]', created_at: at, accepted_at: at + 5 * S, ended_at: ended ? at + 65 * S : null };
}

function surveyRow(userId: string, contextId: string, at: number, skipped: boolean) {
  return { id: randomUUID(), user_id: userId, context: 'guide', context_id: contextId, product_id: 'wheel-corner', guide_id: GUIDE, guide_version: 1, step_id: C, agent_id: null, channel: 'assisted', device: 'phone', language: 'en', csat: skipped ? null : 4, ces: skipped ? null : 6, nps: null, comment: null, skipped: skipped ? 1 : 0, created_at: at };
}

export interface Seeded {
  you: Person;
  other: Person;
  agent: Person;
  otherAgent: Person;
  /** Ended: A 10 s, B 50 s (help asked there, an out-of-range reading), stopped on C. */
  earlier: string;
  /** Open, on D after A, B, C: the guide to resume. */
  now: string;
  /** Help asked in `now`, which `agent` is giving. */
  requestNow: string;
  helpEarlier: string;
  orderId: string;
  surveyId: string;
}

/**
 * Six runs by someone else take 10 s on A and B: B's median is 10 s over 7 visits, so your 50 s there is slow (> 2 ×).
 * Your timeline, newest first: help in `now` (T0 + 1 h + 10 min), `now` and the order (both T0 + 1 h: a session sorts
 * before an order), the survey answer (T0 + 100 s; a skipped one is left out), the earlier help (T0 + 15 s), `earlier`.
 */
export async function seedActivity(server: TestServer): Promise<Seeded> {
  const { db } = server.ctx.store;
  const technician = { role: 'technician' as const, languages: ['en' as const], skills: ['automotive' as const] };
  const agentFields = { role: 'agent' as const, languages: ['en' as const], skills: ['automotive' as const] };
  const [you, other, agent, otherAgent] = await Promise.all([createPerson(server, technician), createPerson(server, technician), createPerson(server, agentFields), createPerson(server, agentFields)]);
  for (let index = 0; index < 6; index += 1) await seedRun(db, { userId: other.user.id, start: T0 - (index + 1) * HOUR, visits: [[A, 10], [B, 10]] });
  const earlier = await seedRun(db, { userId: you.user.id, start: T0, visits: [[A, 10], [B, 50], [C, null]] });
  const help = helpRow(earlier, you.user.id, agent.user.id, B, T0 + 15 * S, true);
  await db.insertInto('help_requests').values(help).execute();
  await db.insertInto('session_members').values({ session_id: earlier, user_id: agent.user.id, role: 'agent', joined_at: T0 + 20 * S, left_at: T0 + 80 * S }).execute();
  await db.insertInto('guide_step_signals').values({ id: randomUUID(), session_id: earlier, guide_id: GUIDE, guide_version: 1, product_id: 'wheel-corner', user_id: you.user.id, step_id: B, kind: 'out-of-range', value: 2, at: T0 + 30 * S }).execute();
  const survey = surveyRow(you.user.id, earlier, T0 + 100 * S, false);
  await db.insertInto('survey_answers').values([survey, { ...surveyRow(you.user.id, randomUUID(), T0 + 3 * HOUR, true), context: 'order' }]).execute();
  const now = await seedRun(db, { userId: you.user.id, start: T0 + HOUR, visits: [[A, 10], [B, 10], [C, 10], [D, null]], open: true });
  const requestNow = helpRow(now, you.user.id, agent.user.id, D, T0 + HOUR + 600 * S, false);
  await db.insertInto('help_requests').values(requestNow).execute();
  const orderId = randomUUID();
  await db.insertInto('orders').values({ id: orderId, number: `XR-ACT-${randomUUID().slice(0, 6)}`, user_id: you.user.id, status: 'placed', total_cents: 2500, currency: 'EUR', address: '{}', session_id: null, idempotency_key: randomUUID(), request_hash: 'seeded', created_at: T0 + HOUR, updated_at: T0 + HOUR }).execute();
  return { you, other, agent, otherAgent, earlier, now, requestNow: requestNow.id, helpEarlier: help.id, orderId, surveyId: survey.id };
}

async function activity(server: TestServer, person: Person, query = ''): Promise<MyActivity> {
  const response = await fetch(`${server.url}/api/activity${query}`, { headers: { authorization: `Bearer ${person.token}` } });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as MyActivity;
}

const idOf = (item: ActivityItem) => (item.kind === 'session' ? item.sessionId : item.kind === 'help' ? item.requestId : item.kind === 'order' ? item.orderId : item.surveyId);

export async function yourTimeline(server: TestServer, seeded: Seeded): Promise<void> {
  const mine = await activity(server, seeded.you);
  expect(mine.items.map(idOf)).toEqual([seeded.requestNow, seeded.now, seeded.orderId, seeded.surveyId, seeded.helpEarlier, seeded.earlier]);
  expect(mine.next).toBeNull();
  const [helpNow, now, order, survey, helpEarlier, earlier] = mine.items;
  expect(helpNow).toMatchObject({ kind: 'help', status: 'active', agentName: seeded.agent.user.name, durationMs: null, productName: { en: 'Front wheel corner' } });
  expect(now).toMatchObject({ kind: 'session', status: 'open', channel: 'self-service', device: null, endedAt: null, guide: { guideId: GUIDE, version: 1, stepsDone: 3, stepCount: 21, finished: false, title: { en: 'Replace front brake pads' } } });
  expect(order).toMatchObject({ kind: 'order', totalCents: 2500, currency: 'EUR', status: 'placed' });
  expect(survey).toMatchObject({ kind: 'survey', context: 'guide', csat: 4, ces: 6, nps: null });
  expect(helpEarlier).toMatchObject({ kind: 'help', status: 'ended', durationMs: 60 * S });
  expect(earlier).toMatchObject({ kind: 'session', status: 'ended', channel: 'assisted', device: 'phone', endedAt: T0 + 60 * S, guide: { stepsDone: 2, finished: false } });
  expect(mine.inProgress).toEqual([
    { sessionId: seeded.now, productId: 'wheel-corner', productName: { en: 'Front wheel corner', es: 'Conjunto de rueda delantera' }, guideId: GUIDE, title: { en: 'Replace front brake pads', es: 'Cambiar las pastillas de freno delanteras' }, stepId: D, stepTitle: expect.objectContaining({ en: 'Take the wheel off' }) as unknown, stepNumber: 4, stepCount: 21, updatedAt: T0 + HOUR + 30 * S },
  ]);
}

export async function pagesWalkTheSameOrder(server: TestServer, seeded: Seeded): Promise<void> {
  const all = (await activity(server, seeded.you)).items.map(idOf);
  for (const limit of [1, 2, 4]) {
    const walked: string[] = [];
    let query = `?limit=${limit}`;
    for (let page = 0; page < 10; page += 1) {
      const result = await activity(server, seeded.you, query);
      expect(result.items.length).toBeLessThanOrEqual(limit);
      walked.push(...result.items.map(idOf));
      if (result.next === null) break;
      query = `?limit=${limit}&before=${encodeURIComponent(result.next)}`;
    }
    expect(walked, `pages of ${limit}`).toEqual(all);
  }
  const bad = await fetch(`${server.url}/api/activity?before=nonsense`, { headers: { authorization: `Bearer ${seeded.you.token}` } });
  expect(bad.status).toBe(400);
  expect((await fetch(`${server.url}/api/activity`)).status).toBe(401);
}

export async function onlyYourOwn(server: TestServer, seeded: Seeded): Promise<void> {
  const theirs = await activity(server, seeded.other);
  expect(theirs.items).toHaveLength(6);
  expect(theirs.items.every((item) => item.kind === 'session' && item.guide?.finished === true)).toBe(true);
  expect(theirs.inProgress).toEqual([]);
}

export async function agentSeesFriction(seeded: Seeded): Promise<void> {
  const timeline: RequesterTimeline = await ok(seeded.agent.socket, 'help:timeline', { requestId: seeded.requestNow });
  expect(timeline.items.map(idOf)).toEqual([seeded.requestNow, seeded.now, seeded.orderId, seeded.surveyId, seeded.helpEarlier, seeded.earlier]);
  const marks = timeline.friction.map(({ sessionId, stepId, kinds }) => ({ sessionId, stepId, kinds: [...kinds].sort() }));
  expect(marks.sort((a, b) => a.stepId.localeCompare(b.stepId))).toEqual([
    { sessionId: seeded.earlier, stepId: B, kinds: ['help', 'out-of-range', 'slow'] },
    { sessionId: seeded.earlier, stepId: C, kinds: ['stopped'] },
    { sessionId: seeded.now, stepId: D, kinds: ['help'] },
  ]);
  expect(timeline.friction.find((mark) => mark.stepId === B)?.stepTitle.en).toBe('Loosen the wheel bolts');
  const paged: RequesterTimeline = await ok(seeded.agent.socket, 'help:timeline', { requestId: seeded.requestNow, limit: 2 });
  expect(paged.items.map(idOf)).toEqual([seeded.requestNow, seeded.now]);
  expect(paged.friction.map((mark) => mark.stepId)).toEqual([D]);
  await refused(seeded.otherAgent.socket, 'help:timeline', { requestId: seeded.requestNow }, 'forbidden');
  await refused(seeded.you.socket, 'help:timeline', { requestId: seeded.requestNow }, 'forbidden');
  await refused(seeded.agent.socket, 'help:timeline', { requestId: randomUUID() }, 'not_found');
}
