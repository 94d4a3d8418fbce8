// The proactive-help cases over HTTP, run against a real server on SQLite and on Postgres: seeded earlier runs whose
// right answers are worked out below; the rule fires for (a) the person's own struggle, (b) the unit's earlier help,
// (c) a step many people are far slower on, and not otherwise; once per step; off when the person turns it off.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { ProactiveOffer, ProactiveOfferResponse } from '../../core/proactive.ts';
import type { TestServer } from '../support/test-server.ts';
import { createPerson, type Person } from './assist-support.ts';
import { stepVisits } from '../support/step-visits.ts';

const GUIDE = 'wheel-corner-brake-pads';
const [A, B, C, D, E, F] = ['prepare-vehicle', 'loosen-wheel-bolts', 'raise-onto-stand', 'remove-wheel', 'remove-caliper-bolts', 'swing-caliper-up'] as const;
const T0 = Date.UTC(2026, 0, 5);
const S = 1000;
const TIP = 'Loosen the bolts with the wheel on the ground, then jack it up.';

type Db = TestServer['ctx']['store']['db'];

interface Past {
  userId: string;
  asset: string | null;
  /** [step, seconds, or null when the run stopped there]. */
  visits: Array<[string, number | null]>;
  helpOn?: string;
  agentSays?: { agentId: string; text: string };
}

async function seedSession(db: Db, run: Past, start: number, current = false): Promise<string> {
  const session = randomUUID();
  const { events, end: at } = stepVisits(start, run.visits);
  const stoppedOn = run.visits.at(-1)?.[1] === null ? (run.visits.at(-1)?.[0] ?? null) : null;
  await db.insertInto('assist_sessions').values({ id: session, requester_id: run.userId, product_id: 'wheel-corner', product_line: 'automotive', installed_asset_id: run.asset, guide_id: GUIDE, language: 'en', status: current ? 'open' : 'ended', current_step_id: null, placement: null, highlighted_part_id: null, active_call: null, last_seq: 0, created_at: start, ended_at: current ? null : at }).execute();
  const progress = { guideId: GUIDE, currentStepId: stoppedOn, history: run.visits.map(([step]) => step), answers: {}, measurements: {}, confirmations: {}, acknowledgedWarnings: {} };
  await db.insertInto('guide_progress').values({ session_id: session, guide_id: GUIDE, guide_version: 1, product_id: 'wheel-corner', started_by: run.userId, progress: JSON.stringify(progress), current_step_id: stoppedOn, revision: events.length, last_event_seq: events.length, started_at: start, selected_at: start, updated_at: at, finished_at: stoppedOn === null && !current ? at : null }).execute();
  if (events.length > 0) {
    await db.insertInto('guide_step_events').values(events.map((event, index) => ({ id: randomUUID(), session_id: session, guide_id: GUIDE, guide_version: 1, product_id: 'wheel-corner', user_id: run.userId, step_id: event.step, kind: event.kind, seq: index + 1, at: event.at }))).execute();
  }
  if (run.helpOn) {
    const context = JSON.stringify({ productId: 'wheel-corner', guideId: GUIDE, stepId: run.helpOn, language: 'en' });
    await db.insertInto('help_requests').values({ id: randomUUID(), session_id: session, requester_id: run.userId, product_id: 'wheel-corner', product_line: 'automotive', language: 'en', context, history: '[]', status: 'ended', agent_id: run.agentSays?.agentId ?? null, target_agent_id: null, transferred_by: null, declined_by: '[]', created_at: start + S, accepted_at: null, ended_at: at }).execute();
  }
  if (run.agentSays) {
    await db.insertInto('session_members').values({ session_id: session, user_id: run.agentSays.agentId, role: 'agent', joined_at: start + S, left_at: at }).execute();
    await db.insertInto('session_log').values({ session_id: session, seq: 1, type: 'chat', actor_id: run.agentSays.agentId, client_id: null, data: JSON.stringify({ text: 'Hello, let me look.' }), at: start + 2 * S }).execute();
    await db.insertInto('session_log').values({ session_id: session, seq: 2, type: 'chat', actor_id: run.agentSays.agentId, client_id: null, data: JSON.stringify({ text: run.agentSays.text }), at: start + 3 * S }).execute();
  }
  return session;
}

export interface Seeded {
  you: Person;
  fresh: Person;
  /** Took 15 s on B before: above B's median (10 s) but not twice it. */
  steady: Person;
  /** Sessions under way now: yours on unit WC-7 (which needed help on E) and on WC-9, the others' on WC-9. */
  yours: string;
  yoursElsewhere: string;
  freshSession: string;
  steadySession: string;
}

/**
 * Six earlier runs by others: A, B, D, E and F take 10 s each, C 60 s → step medians 10 10 60 10 10 10, guide norm 10 s,
 * C's median 60 s > 2 × 10 over 6 visits (c). You, earlier: help on A; 30 s on B (> 2 × B's median 10 s); stopped on D (a).
 * Someone else on unit WC-7 asked for help on E and the agent's last message there is the tip (b).
 */
export async function seedProactive(server: TestServer): Promise<Seeded> {
  const { db } = server.ctx.store;
  const technician = { role: 'technician' as const, languages: ['en' as const], skills: ['automotive' as const] };
  const [you, fresh, steady, other, agent] = await Promise.all([createPerson(server, technician), createPerson(server, technician), createPerson(server, technician), createPerson(server, technician), createPerson(server, { role: 'agent', languages: ['en'], skills: ['automotive'] })]);
  const even: Array<[string, number]> = [[A, 10], [B, 10], [C, 60], [D, 10], [E, 10], [F, 10]];
  for (let index = 0; index < 6; index += 1) await seedSession(db, { userId: other.user.id, asset: 'WC-1', visits: even }, T0 + index * 3600 * S);
  await seedSession(db, { userId: you.user.id, asset: 'WC-1', visits: [[A, 12]], helpOn: A }, T0 + 10 * 3600 * S);
  await seedSession(db, { userId: you.user.id, asset: 'WC-1', visits: [[A, 10], [B, 30], [C, 50]] }, T0 + 11 * 3600 * S);
  await seedSession(db, { userId: you.user.id, asset: 'WC-1', visits: [[A, 10], [B, 10], [C, 40], [D, null]] }, T0 + 12 * 3600 * S);
  await seedSession(db, { userId: other.user.id, asset: 'WC-7', visits: [[E, 10]], helpOn: E, agentSays: { agentId: agent.user.id, text: TIP } }, T0 + 13 * 3600 * S);
  await seedSession(db, { userId: steady.user.id, asset: 'WC-1', visits: [[B, 15]] }, T0 + 14 * 3600 * S);
  const now = T0 + 24 * 3600 * S;
  return {
    you,
    fresh,
    steady,
    yours: await seedSession(db, { userId: you.user.id, asset: 'WC-7', visits: [] }, now, true),
    yoursElsewhere: await seedSession(db, { userId: you.user.id, asset: 'WC-9', visits: [] }, now, true),
    freshSession: await seedSession(db, { userId: fresh.user.id, asset: 'WC-9', visits: [] }, now, true),
    steadySession: await seedSession(db, { userId: steady.user.id, asset: 'WC-9', visits: [] }, now, true),
  };
}

async function call(server: TestServer, person: Person, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, { method, headers: { authorization: `Bearer ${person.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
}

async function claim(server: TestServer, person: Person, sessionId: string, stepId: string): Promise<ProactiveOffer | null> {
  const response = await call(server, person, 'POST', '/api/proactive/offers', { sessionId, stepId });
  expect(response.status).toBe(200);
  return ((await response.json()) as ProactiveOfferResponse).offer;
}

const reasons = (offer: ProactiveOffer | null) => offer?.reasons ?? [];

export async function firesForEachReason(server: TestServer, seeded: Seeded): Promise<void> {
  const { you, yours } = seeded;
  expect(reasons(await claim(server, you, yours, A))).toEqual(['you-struggled']);
  expect(reasons(await claim(server, you, yours, B))).toEqual(['you-struggled']);
  expect(reasons(await claim(server, you, yours, C))).toEqual(['many-slow']);
  expect(reasons(await claim(server, you, yours, D))).toEqual(['you-struggled']);
  const onE = await claim(server, you, yours, E);
  expect(onE).toEqual({ stepId: E, reasons: ['asset-needed-help'], tip: TIP });
  expect(await claim(server, you, yours, F)).toBeNull();
}

export async function quietOtherwise(server: TestServer, seeded: Seeded): Promise<void> {
  const { you, fresh, steady } = seeded;
  expect(await claim(server, you, seeded.yoursElsewhere, E), 'E needed help on WC-7, not WC-9').toBeNull();
  expect(await claim(server, fresh, seeded.freshSession, A), 'your struggle is not theirs').toBeNull();
  expect(await claim(server, fresh, seeded.freshSession, D)).toBeNull();
  expect(await claim(server, steady, seeded.steadySession, B), '15 s is not twice the median').toBeNull();
  expect(reasons(await claim(server, fresh, seeded.freshSession, C))).toEqual(['many-slow']);
  expect(await claim(server, fresh, seeded.freshSession, C), 'once per step').toBeNull();
  expect((await call(server, fresh, 'POST', '/api/proactive/offers', { sessionId: seeded.yours, stepId: A })).status).toBe(404);
  expect((await call(server, fresh, 'POST', '/api/proactive/offers', { sessionId: seeded.freshSession, stepId: 'Not a step!' })).status).toBe(400);
}

export async function turnedOffPerPerson(server: TestServer, seeded: Seeded): Promise<void> {
  const { steady } = seeded;
  expect(await (await call(server, steady, 'GET', '/api/proactive/preference')).json()).toEqual({ offers: true });
  expect((await call(server, steady, 'PUT', '/api/proactive/preference', { offers: false })).status).toBe(200);
  expect(await (await call(server, steady, 'GET', '/api/proactive/preference')).json()).toEqual({ offers: false });
  expect(await claim(server, steady, seeded.steadySession, C)).toBeNull();
  await call(server, steady, 'PUT', '/api/proactive/preference', { offers: true });
  expect(reasons(await claim(server, steady, seeded.steadySession, C))).toEqual(['many-slow']);
}
