// The survey cases over HTTP, run against a real server on SQLite and on Postgres: validation, once per context, NPS at
// most once in 90 days (on the server's clock, moved by the test), and the context the server stores with an answer.
import { expect } from 'vitest';
import type { PlaceOrderResponse } from '../../core/order.ts';
import type { StoredSurvey, SurveyAsk } from '../../core/survey.ts';
import { ADDRESS, newKey, pickParts, placeOrder, signIn as apiClient, type ApiClient } from '../support/orders-api.ts';
import type { TestServer } from '../support/test-server.ts';
import { createPerson, helpedSession, ok, openSession, type Person } from './assist-support.ts';

export const DAY = 24 * 60 * 60 * 1000;
/** The server's clock in these tests: `clock.now` is what it reads; tests move it forward. */
export const clock = { now: Date.UTC(2026, 0, 10, 12) };
export const serverClock = () => clock.now;

type ErrorBody = { error: { code: string; reason?: string; params?: Record<string, string | number>; issues?: Array<{ path: string }> } };
const BRAKE_PADS = 'wheel-corner-brake-pads';

export interface Surveyor {
  person: Person;
  api: ApiClient;
  ask(context: string, contextId: string): Promise<{ status: number; body: SurveyAsk & ErrorBody }>;
  answer(body: Record<string, unknown>): Promise<{ status: number; body: { survey: StoredSurvey } & ErrorBody }>;
}

export async function surveyor(server: TestServer, person?: Person): Promise<Surveyor> {
  const who = person ?? (await createPerson(server, { role: 'customer', languages: ['en'], skills: [] }));
  const api = await apiClient(server, who.user.email);
  return {
    person: who,
    api,
    ask: (context, contextId) => api.request('GET', `/api/surveys/ask?context=${context}&contextId=${encodeURIComponent(contextId)}`),
    answer: (body) => api.request('POST', '/api/surveys', body),
  };
}

/** A guide run of `person`: a wheel-corner session with the brake-pad guide started and one step done. */
export async function guideRun(person: Person): Promise<{ sessionId: string; stepId: string }> {
  const { state } = await openSession(person, 'wheel-corner', 'es');
  const sessionId = state.session.id;
  await ok(person.socket, 'guide:start', { sessionId, guideId: BRAKE_PADS });
  await ok(person.socket, 'guide:action', { sessionId, actionId: `ack-${sessionId}`, action: { type: 'acknowledge', stepId: 'prepare-vehicle', warningIndex: 0 } });
  await ok(person.socket, 'guide:action', { sessionId, actionId: `confirm-${sessionId}`, action: { type: 'confirm', stepId: 'prepare-vehicle' } });
  const { progress } = await ok(person.socket, 'guide:action', { sessionId, actionId: `next-${sessionId}`, action: { type: 'next' } });
  return { sessionId, stepId: progress.currentStepId ?? '' };
}

const base = { device: 'phone', language: 'en', skipped: false } as const;

export async function refusesBadAnswers(server: TestServer): Promise<void> {
  const me = await surveyor(server);
  const { sessionId } = await guideRun(me.person);
  const target = { context: 'guide', contextId: sessionId };
  const unsigned = await fetch(`${server.url}/api/surveys`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...target, ...base, csat: 5 }) });
  expect(unsigned.status).toBe(401);
  const bad: Array<[Record<string, unknown>, string]> = [
    [{ ...target, ...base, csat: 6 }, 'body.csat'],
    [{ ...target, ...base, csat: 0 }, 'body.csat'],
    [{ ...target, ...base, csat: 4.5 }, 'body.csat'],
    [{ ...target, ...base, ces: 8 }, 'body.ces'],
    [{ ...target, ...base, nps: 11 }, 'body.nps'],
    [{ ...target, ...base, nps: -1 }, 'body.nps'],
    [{ ...target, ...base, comment: 'x'.repeat(1001) }, 'body.comment'],
    [{ ...target, ...base, comment: 'bell \u0007' }, 'body.comment'],
    [{ ...target, ...base }, 'body.skipped'],
    [{ ...target, ...base, comment: '   ' }, 'body.skipped'],
    [{ ...target, ...base, skipped: true, csat: 3 }, 'body.skipped'],
    [{ ...target, ...base, csat: 3, device: 'toaster' }, 'body.device'],
    [{ ...target, ...base, csat: 3, language: 'fr' }, 'body.language'],
    [{ ...target, ...base, csat: 3, context: 'call' }, 'body.context'],
    [{ ...target, ...base, csat: 3, productId: 'espresso-machine' }, 'body'],
  ];
  for (const [body, path] of bad) {
    const answer = await me.answer(body);
    expect([JSON.stringify(body).slice(0, 80), answer.status, answer.body.error.code]).toEqual([JSON.stringify(body).slice(0, 80), 400, 'bad_request']);
    expect(answer.body.error.issues?.some((issue) => issue.path.startsWith(path))).toBe(true);
  }
  const stranger = await surveyor(server);
  for (const context of ['guide', 'help']) {
    const theirs = await stranger.answer({ ...base, context, contextId: sessionId, csat: 5 });
    expect(theirs.status).toBe(404);
    expect(theirs.body.error).toMatchObject({ code: 'not_found', reason: 'survey.no-context' });
  }
  expect((await stranger.ask('order', '00000000-0000-4000-8000-000000000000')).body.error).toMatchObject({ reason: 'survey.no-context' });
  const unstarted = await openSession(me.person);
  expect((await me.answer({ ...base, context: 'guide', contextId: unstarted.state.session.id, csat: 5 })).status).toBe(404);
  expect((await me.ask('guide', sessionId)).body).toEqual({ ask: true, includeNps: true, npsAskableAt: null });
}

/** A guide run answered once, with the context the server found; the second answer and a later ask are refused. */
export async function answersOncePerContext(server: TestServer): Promise<void> {
  const me = await surveyor(server);
  const { sessionId, stepId } = await guideRun(me.person);
  expect(stepId).toBe('loosen-wheel-bolts');
  expect((await me.ask('guide', sessionId)).body).toEqual({ ask: true, includeNps: true, npsAskableAt: null });
  const answer = await me.answer({ ...base, context: 'guide', contextId: sessionId, csat: 4, ces: 6, nps: 9, comment: '  Clear steps, <b>thanks</b>  ', device: 'desktop', language: 'es' });
  expect(answer.status).toBe(201);
  const expected = {
    context: 'guide',
    contextId: sessionId,
    userId: me.person.user.id,
    productId: 'wheel-corner',
    guideId: BRAKE_PADS,
    guideVersion: 1,
    stepId: 'loosen-wheel-bolts',
    agentId: null,
    channel: 'self-service',
    device: 'desktop',
    language: 'es',
    csat: 4,
    ces: 6,
    nps: 9,
    comment: 'Clear steps, <b>thanks</b>',
    skipped: false,
    createdAt: clock.now,
  };
  expect(answer.body.survey).toMatchObject(expected);

  const row = await server.ctx.store.db.selectFrom('survey_answers').selectAll().where('id', '=', answer.body.survey.id).executeTakeFirstOrThrow();
  expect({ ...row, guide_version: Number(row.guide_version), created_at: Number(row.created_at), skipped: Number(row.skipped) }).toMatchObject({
    user_id: me.person.user.id,
    context: 'guide',
    context_id: sessionId,
    product_id: 'wheel-corner',
    guide_id: BRAKE_PADS,
    guide_version: 1,
    step_id: 'loosen-wheel-bolts',
    agent_id: null,
    channel: 'self-service',
    device: 'desktop',
    language: 'es',
    skipped: 0,
    created_at: clock.now,
  });

  const again = await me.answer({ ...base, context: 'guide', contextId: sessionId, csat: 1 });
  expect(again.status).toBe(409);
  expect(again.body.error).toMatchObject({ code: 'conflict', reason: 'survey.answered' });
  expect((await me.ask('guide', sessionId)).body).toMatchObject({ ask: false });
  const mine = await me.api.request<{ surveys: StoredSurvey[] }>('GET', '/api/surveys');
  expect(mine.body.surveys).toEqual([expect.objectContaining(expected)]);

  const racing = await guideRun(me.person);
  const both = await Promise.all([1, 2].map((csat) => me.answer({ ...base, context: 'guide', contextId: racing.sessionId, csat })));
  expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
}

/** A skipped survey is stored as skipped and not asked again; help and order answers carry their agent and product. */
export async function storesSkipsHelpAndOrders(server: TestServer): Promise<void> {
  const me = await surveyor(server);
  const { sessionId } = await guideRun(me.person);
  const skipped = await me.answer({ ...base, context: 'guide', contextId: sessionId, skipped: true });
  expect(skipped.status).toBe(201);
  expect(skipped.body.survey).toMatchObject({ skipped: true, csat: null, ces: null, nps: null, comment: null });
  expect((await me.ask('guide', sessionId)).body).toMatchObject({ ask: false, includeNps: true });

  const helped = await helpedSession(server);
  const tech = await surveyor(server, helped.tech);
  const help = await tech.answer({ ...base, context: 'help', contextId: helped.sessionId, csat: 5, device: 'headset' });
  expect(help.status).toBe(201);
  expect(help.body.survey).toMatchObject({ context: 'help', productId: 'wheel-corner', guideId: null, agentId: helped.agent.user.id, channel: 'assisted', device: 'headset' });

  const { consumable } = await pickParts(server);
  const placed = await placeOrder<PlaceOrderResponse>(me.api, newKey(), { items: [{ sku: consumable.sku, quantity: 1 }], address: ADDRESS });
  expect(placed.status).toBe(201);
  const order = await me.answer({ ...base, context: 'order', contextId: placed.body.order.id, ces: 7 });
  expect(order.status).toBe(201);
  expect(order.body.survey).toMatchObject({ context: 'order', contextId: placed.body.order.id, agentId: null, channel: 'self-service', ces: 7 });
}

/** NPS from one person at most once in 90 days: refused with the date it may come again, and the ask says so. */
export async function npsOncePer90Days(server: TestServer): Promise<void> {
  const me = await surveyor(server);
  const first = await guideRun(me.person);
  const second = await guideRun(me.person);
  const third = await guideRun(me.person);
  const started = clock.now;
  expect((await me.answer({ ...base, context: 'guide', contextId: first.sessionId, nps: 10 })).status).toBe(201);

  clock.now = started + 89 * DAY;
  const askableAt = started + 90 * DAY;
  expect((await me.ask('guide', second.sessionId)).body).toEqual({ ask: true, includeNps: false, npsAskableAt: askableAt });
  const early = await me.answer({ ...base, context: 'guide', contextId: second.sessionId, csat: 5, nps: 8 });
  expect(early.status).toBe(409);
  expect(early.body.error).toMatchObject({ code: 'conflict', reason: 'survey.nps-too-soon', params: { date: new Date(askableAt).toISOString().slice(0, 10) }, issues: [{ path: 'nps' }] });
  expect((await me.ask('guide', second.sessionId)).body).toMatchObject({ ask: true });
  expect((await me.answer({ ...base, context: 'guide', contextId: second.sessionId, csat: 5 })).status).toBe(201);

  const other = await surveyor(server);
  const theirs = await guideRun(other.person);
  expect((await other.ask('guide', theirs.sessionId)).body).toMatchObject({ includeNps: true });

  clock.now = askableAt;
  expect((await me.ask('guide', third.sessionId)).body).toEqual({ ask: true, includeNps: true, npsAskableAt: null });
  const later = await me.answer({ ...base, context: 'guide', contextId: third.sessionId, nps: 6 });
  expect(later.status).toBe(201);
  expect(later.body.survey).toMatchObject({ nps: 6, createdAt: askableAt });
  clock.now = started;
}

/** An answer given without words (with a controller, say) takes a comment later, once, from its own person only. */
export async function commentsLater(server: TestServer): Promise<void> {
  const me = await surveyor(server);
  const { sessionId } = await guideRun(me.person);
  const answer = await me.answer({ ...base, context: 'guide', contextId: sessionId, csat: 5, device: 'headset' });
  expect([answer.status, answer.body.survey?.comment, answer.body.error]).toEqual([201, null, undefined]);
  const path = `/api/surveys/${answer.body.survey.id}/comment`;
  const unsigned = await fetch(`${server.url}${path}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ comment: 'hi' }) });
  expect(unsigned.status).toBe(401);
  for (const body of [{ comment: '   ' }, { comment: 'x'.repeat(1001) }, { comment: 'bell \u0007' }, { comment: 'ok', csat: 1 }, {}]) {
    const refused = await me.api.request<ErrorBody>('PUT', path, body);
    expect([JSON.stringify(body).slice(0, 40), refused.status]).toEqual([JSON.stringify(body).slice(0, 40), 400]);
  }
  expect((await me.api.request<ErrorBody>('PUT', '/api/surveys/not-a-uuid/comment', { comment: 'hi' })).status).toBe(400);
  const stranger = await surveyor(server);
  const theirs = await stranger.api.request<ErrorBody>('PUT', path, { comment: 'not mine' });
  expect([theirs.status, theirs.body.error.reason]).toEqual([404, 'survey.not-found']);

  const added = await me.api.request<{ survey: StoredSurvey }>('PUT', path, { comment: '  The torque step was <i>hard</i> to read  ' });
  expect(added.status).toBe(200);
  expect(added.body.survey).toMatchObject({ id: answer.body.survey.id, csat: 5, device: 'headset', comment: 'The torque step was <i>hard</i> to read' });
  const row = await server.ctx.store.db.selectFrom('survey_answers').select('comment').where('id', '=', answer.body.survey.id).executeTakeFirstOrThrow();
  expect(row.comment).toBe('The torque step was <i>hard</i> to read');
  const again = await me.api.request<ErrorBody>('PUT', path, { comment: 'second thoughts' });
  expect([again.status, again.body.error.reason]).toEqual([409, 'survey.commented']);
  const timeline = await me.api.request<{ items: Array<{ kind: string; surveyId?: string; comment?: string | null }> }>('GET', '/api/activity');
  expect(timeline.body.items.find((item) => item.surveyId === answer.body.survey.id)?.comment).toBe('The torque step was <i>hard</i> to read');

  const other = await guideRun(me.person);
  const skipped = await me.answer({ ...base, context: 'guide', contextId: other.sessionId, skipped: true });
  const onSkip = await me.api.request<ErrorBody>('PUT', `/api/surveys/${skipped.body.survey.id}/comment`, { comment: 'late words' });
  expect([onSkip.status, onSkip.body.error.reason]).toEqual([409, 'survey.skipped']);
}
