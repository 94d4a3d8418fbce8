// Insights beyond the steps, run on SQLite and Postgres: seeded help requests, transfers, help surveys, agent ratings,
// orders and guide runs on installed assets whose right answers are worked out below (per agent and queue, order origins,
// first-time fix), and the drill-down from a step of the seeded runs of insights-cases.ts to its sessions.
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { ServiceFigures, StepSessions } from '../../core/insights-service-figures.ts';
import type { InsightsReport } from '../../core/insights.ts';
import type { TestServer } from '../support/test-server.ts';
import { login } from '../support/test-server.ts';

const GUIDE = 'wheel-corner-brake-pads';
/** Monday 2 March 2026: after the period of insights-cases.ts, long before the real runs of the tests. */
const T1 = Date.UTC(2026, 2, 2);
const T0 = Date.UTC(2026, 0, 5);
const S = 1000;
const DAY = 24 * 60 * 60 * S;

type Db = TestServer['ctx']['store']['db'];

async function userId(db: Db, email: string): Promise<string> {
  return (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
}

async function session(db: Db, requester: string, at: number, options: { productId?: string; productLine?: string; language?: string; asset?: string | null } = {}): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('assist_sessions')
    .values({ id, requester_id: requester, product_id: options.productId ?? 'wheel-corner', product_line: options.productLine ?? 'automotive', installed_asset_id: options.asset ?? null, guide_id: null, language: options.language ?? 'en', status: 'ended', current_step_id: null, placement: null, highlighted_part_id: null, active_call: null, last_seq: 0, created_at: at, ended_at: at + DAY / 2 })
    .execute();
  return id;
}

async function logEntry(db: Db, sessionId: string, seq: number, type: string, data: object, actor: string, at: number): Promise<void> {
  await db.insertInto('session_log').values({ session_id: sessionId, seq, type, actor_id: actor, client_id: null, data: JSON.stringify(data), at }).execute();
}

interface HelpSeed {
  at: number;
  productId?: string;
  productLine?: string;
  language: 'en' | 'es';
  agent: string | null;
  /** Seconds from the request to its last acceptance, and from there to the end. */
  wait: number | null;
  handling: number | null;
  transferredBy?: string;
  csat?: number;
  /** The helping agent's own rating: difficulty 1–5 and whether the information was enough. */
  rating?: [number, boolean];
}

/**
 * Alex: R1 (en, wait 10 s, handling 300 s, CSAT 5) and one transfer (R2) → answered 1, 10 s, 300 s, 1 transfer, 100 %.
 * Ana: R2 (en, 130 s, 300 s, CSAT 3) and R3 (es, 50 s, 200 s, CSAT 4) → answered 2, 90 s, 250 s, 0 transfers, 50 %.
 * Queues: automotive/en 2 requests, 70 s, 300 s, 1 transfer, 50 % of 2; automotive/es 1, 50 s, 200 s, 0, 100 % of 1;
 * coffee/es 1 request never answered. R5 is after the period.
 * Agent ratings: Alex R1 (2, enough) → 2.0, 100 % of 1; Ana R2 (5, not enough) and R3 (4, enough) → 4.5, 50 % of 2;
 * queues automotive/en 3.5, 50 % of 2; automotive/es 4.0, 100 % of 1; coffee/es none. R5's (1, not enough) is outside.
 */
export async function seedService(server: TestServer): Promise<void> {
  const { db } = server.ctx.store;
  const [tech, alex, ana] = await Promise.all([userId(db, 'tech@demo.local'), userId(db, 'agent@demo.local'), userId(db, 'agent.es@demo.local')]);
  const coffee = { productId: 'espresso-machine', productLine: 'coffee' };
  const requests: HelpSeed[] = [
    { at: T1, language: 'en', agent: alex, wait: 10, handling: 300, csat: 5, rating: [2, true] },
    { at: T1 + DAY, language: 'en', agent: ana, wait: 130, handling: 300, transferredBy: alex, csat: 3, rating: [5, false] },
    { at: T1 + 2 * DAY, language: 'es', agent: ana, wait: 50, handling: 200, csat: 4, rating: [4, true] },
    { at: T1 + 3 * DAY, ...coffee, language: 'es', agent: null, wait: null, handling: null },
    { at: T1 + 20 * DAY, language: 'en', agent: alex, wait: 1000, handling: 1000, csat: 1, rating: [1, false] },
  ];
  const sessions: string[] = [];
  for (const seed of requests) {
    const sessionId = await session(db, tech, seed.at, seed);
    sessions.push(sessionId);
    const requestId = randomUUID();
    const accepted = seed.wait === null ? null : seed.at + seed.wait * S;
    const ended = accepted === null || seed.handling === null ? null : accepted + seed.handling * S;
    const context = JSON.stringify({ productId: seed.productId ?? 'wheel-corner', language: seed.language });
    await db
      .insertInto('help_requests')
      .values({ id: requestId, session_id: sessionId, requester_id: tech, product_id: seed.productId ?? 'wheel-corner', product_line: seed.productLine ?? 'automotive', language: seed.language, context, history: '[]', status: ended === null ? 'cancelled' : 'ended', agent_id: seed.agent, target_agent_id: null, transferred_by: seed.transferredBy ?? null, declined_by: '[]', created_at: seed.at, accepted_at: accepted, ended_at: ended ?? seed.at + 60 * S })
      .execute();
    if (seed.rating && seed.agent && ended !== null) {
      const [difficulty, enough] = seed.rating;
      await db.insertInto('agent_ratings').values({ id: randomUUID(), request_id: requestId, session_id: sessionId, agent_id: seed.agent, product_id: seed.productId ?? 'wheel-corner', difficulty, info_enough: enough ? 1 : 0, note: null, created_at: ended + 2 * S }).execute();
    }
    if (seed.transferredBy) await logEntry(db, sessionId, 1, 'help.transferred', { requestId, fromAgentId: seed.transferredBy, toAgentId: seed.agent }, seed.transferredBy, seed.at + 100 * S);
    await db
      .insertInto('survey_answers')
      .values({ id: randomUUID(), user_id: tech, context: 'help', context_id: sessionId, product_id: seed.productId ?? 'wheel-corner', guide_id: null, guide_version: null, step_id: null, agent_id: seed.agent, channel: 'assisted', device: 'desktop', language: seed.language, csat: seed.csat ?? null, ces: null, nps: null, comment: null, skipped: seed.csat === undefined ? 1 : 0, created_at: (ended ?? seed.at) + S })
      .execute();
  }
  await seedOrders(db, tech, alex, sessions);
  await seedAssetRuns(db, tech);
}

/**
 * Orders in the period: one outside a session (in AR), one after a proposal in its session (in AR), one without (on a
 * page), one before it (origin not recorded, as before migration 015) → 4, 3 in a session, 1 after a proposal, 2 in AR,
 * 2 in AR or after a proposal (the AR order after a proposal counts once). The fifth, in AR, is after the period.
 */
async function seedOrders(db: Db, tech: string, alex: string, [s1, s2, s3]: string[]): Promise<void> {
  await logEntry(db, s2 ?? '', 2, 'cart.proposed', { items: [{ sku: 'BP-100', quantity: 1 }] }, alex, T1 + DAY + 200 * S);
  await logEntry(db, s3 ?? '', 1, 'cart.proposed', { items: [{ sku: 'BP-100', quantity: 1 }] }, alex, T1 + 2 * DAY + 500 * S);
  const orders: Array<[string | null, number, 'ar' | 'page' | null]> = [
    [null, T1 + 5 * S, 'ar'],
    [s2 ?? null, T1 + DAY + 300 * S, 'ar'],
    [s1 ?? null, T1 + 400 * S, 'page'],
    [s3 ?? null, T1 + 2 * DAY + 100 * S, null],
    [s1 ?? null, T1 + 30 * DAY, 'ar'],
  ];
  for (const [index, [sessionId, at, origin]] of orders.entries()) {
    await db
      .insertInto('orders')
      .values({ id: randomUUID(), number: `XR-T${index}-${randomUUID().slice(0, 6)}`, user_id: tech, status: 'placed', total_cents: 1000, currency: 'EUR', address: '{}', session_id: sessionId, origin, idempotency_key: randomUUID(), request_hash: 'seeded', created_at: at, updated_at: at })
      .execute();
  }
}

/**
 * Runs of the guide on installed assets from T1: A1 fixed; A2 seen again 10 days later (not fixed); A3 seen again after
 * 40 days (fixed); A4 not finished and a run without an asset (not counted); A5 finished a day ago (its 30 days are not
 * over, not counted). First-time fix: 2 of 3.
 */
async function seedAssetRuns(db: Db, tech: string): Promise<void> {
  const now = Date.now();
  const runs: Array<{ asset: string | null; start: number; finished: boolean; again?: number }> = [
    { asset: 'unit-a1', start: T1, finished: true },
    { asset: 'unit-a2', start: T1 + 2 * DAY, finished: true, again: 10 * DAY },
    { asset: 'unit-a3', start: T1 + 3 * DAY, finished: true, again: 40 * DAY },
    { asset: 'unit-a4', start: T1 + 4 * DAY, finished: false },
    { asset: null, start: T1 + 5 * DAY, finished: true },
    { asset: 'unit-a5', start: now - 2 * DAY, finished: true },
  ];
  for (const run of runs) {
    const sessionId = await session(db, tech, run.start, { asset: run.asset });
    const end = run.start + DAY;
    const progress = { guideId: GUIDE, currentStepId: null, history: [], answers: {}, measurements: {}, confirmations: {}, acknowledgedWarnings: {} };
    await db
      .insertInto('guide_progress')
      .values({ session_id: sessionId, guide_id: GUIDE, guide_version: 1, product_id: 'wheel-corner', started_by: tech, progress: JSON.stringify(progress), current_step_id: null, revision: 0, last_event_seq: 0, started_at: run.start, selected_at: run.start, updated_at: end, finished_at: run.finished ? end : null })
      .execute();
    if (run.again !== undefined) await session(db, tech, end + run.again, { asset: run.asset });
  }
}

async function getAs<T>(server: TestServer, path: string, email = 'operator@demo.local'): Promise<{ status: number; body: T }> {
  const { token } = await login(server, email);
  const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as T };
}

const service = async (server: TestServer, query: string) => (await getAs<ServiceFigures>(server, `/api/insights/service?from=${T1}&to=${T1 + 10 * DAY}${query}`)).body;

export async function agentAndQueueFigures(server: TestServer): Promise<void> {
  const all = await service(server, '');
  expect(all.agents).toEqual([
    { agentId: expect.any(String), name: 'Alex Agent', answered: 1, waitMs: 10 * S, handlingMs: 300 * S, transfers: 1, csat: { value: 100, count: 1 }, ratings: { difficulty: 2, infoEnough: 100, count: 1 } },
    { agentId: expect.any(String), name: 'Ana Agente', answered: 2, waitMs: 90 * S, handlingMs: 250 * S, transfers: 0, csat: { value: 50, count: 2 }, ratings: { difficulty: 4.5, infoEnough: 50, count: 2 } },
  ]);
  expect(all.queues).toEqual([
    { productLine: 'automotive', language: 'en', requests: 2, answered: 2, waitMs: 70 * S, handlingMs: 300 * S, transfers: 1, csat: { value: 50, count: 2 }, ratings: { difficulty: 3.5, infoEnough: 50, count: 2 } },
    { productLine: 'automotive', language: 'es', requests: 1, answered: 1, waitMs: 50 * S, handlingMs: 200 * S, transfers: 0, csat: { value: 100, count: 1 }, ratings: { difficulty: 4, infoEnough: 100, count: 1 } },
    { productLine: 'coffee', language: 'es', requests: 1, answered: 0, waitMs: null, handlingMs: null, transfers: 0, csat: { value: null, count: 0 }, ratings: { difficulty: null, infoEnough: null, count: 0 } },
  ]);
  expect(all.orders).toEqual({ total: 4, fromAssist: 3, fromProposal: 1, fromAr: 2, fromArOrProposal: 2 });

  const spanish = await service(server, '&language=es');
  expect(spanish.agents.map((agent) => [agent.name, agent.answered, agent.waitMs, agent.transfers, agent.csat.count, agent.ratings])).toEqual([['Ana Agente', 1, 50 * S, 0, 1, { difficulty: 4, infoEnough: 100, count: 1 }]]);
  const later = await getAs<ServiceFigures>(server, `/api/insights/service?from=${T1 + 10 * DAY}&to=${T1 + 40 * DAY}`);
  expect([later.body.agents.map((agent) => [agent.name, agent.ratings]), later.body.orders]).toEqual([
    [['Alex Agent', { difficulty: 1, infoEnough: 0, count: 1 }]],
    { total: 1, fromAssist: 1, fromProposal: 0, fromAr: 1, fromArOrProposal: 1 },
  ]);
  const coffee = await service(server, '&productId=espresso-machine');
  expect([coffee.agents, coffee.queues.map((queue) => [queue.productLine, queue.requests])]).toEqual([[], [['coffee', 1]]]);
  expect((await getAs(server, '/api/insights/service', 'agent@demo.local')).status).toBe(403);
}

export async function firstTimeFixOfAssetRuns(server: TestServer): Promise<void> {
  const { body } = await getAs<InsightsReport>(server, `/api/insights?guideId=${GUIDE}&from=${T1}`);
  expect(body.firstTimeFix).toEqual({ value: 66.7, count: 3 });
  const before = await getAs<InsightsReport>(server, `/api/insights?guideId=${GUIDE}&from=${T0}&to=${T1}`);
  expect(before.body.firstTimeFix).toEqual({ value: null, count: 0 });
}

/** Step B of insights-cases.ts: run 4 (es, 25 s, stopped on C), 2 (15 s), 1 (5 s), then 3 (help) and 5 never left it. */
export async function drillDownFromAStep(server: TestServer): Promise<void> {
  const path = (query: string) => `/api/insights/steps/loosen-wheel-bolts/sessions?guideId=${GUIDE}&from=${T0}&to=${T0 + 30 * DAY}${query}`;
  const { status, body } = await getAs<StepSessions>(server, path(''));
  expect([status, body.version, body.stepId]).toEqual([200, 1, 'loosen-wheel-bolts']);
  const rows = body.sessions.map(({ language, visits, timeMs, helpRequested, outcome }) => [language, visits, timeMs, helpRequested, outcome]);
  expect(rows.slice(0, 3)).toEqual([
    ['es', 1, 25 * S, false, 'stopped-later'],
    ['en', 1, 15 * S, false, 'finished'],
    ['en', 1, 5 * S, false, 'finished'],
  ]);
  expect(rows.slice(3).sort()).toEqual([
    ['en', 1, null, true, 'stopped-here'],
    ['es', 1, null, false, 'stopped-here'],
  ]);
  expect(body.sessions.map((row) => row.enteredAt).slice(0, 3)).toEqual([T0 + 3 * DAY + 40 * S, T0 + DAY + 20 * S, T0 + 10 * S]);
  const spanish = (await getAs<StepSessions>(server, path('&language=es'))).body.sessions;
  expect(spanish.map((row) => row.timeMs)).toEqual([25 * S, null]);
  expect((await getAs(server, `/api/insights/steps/no-such-step/sessions?guideId=${GUIDE}`)).status).toBe(404);
  expect((await getAs(server, path(''), 'tech@demo.local')).status).toBe(403);
}
