// Session HTTP API on a real server: transcript access rules, "save as guide", my sessions and the OpenAPI entries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GuideSchema, type Guide } from '../../core/guide.ts';
import { validateGuide } from '../../core/guide-validation.ts';
import type { SessionLogEntry } from '../../core/session.ts';
import { login, startTestServer, type TestServer } from '../support/test-server.ts';
import { closeAll, ok, openSession, requestHelp, signIn, type Person } from './assist-support.ts';

let server: TestServer;
let tech: Person;
let agent: Person;
let sessionId: string;

const get = (path: string, token?: string) => fetch(`${server.url}${path}`, { headers: token ? { authorization: `Bearer ${token}` } : {} });
const post = (path: string, token?: string) => fetch(`${server.url}${path}`, { method: 'POST', headers: token ? { authorization: `Bearer ${token}` } : {} });

beforeAll(async () => {
  server = await startTestServer();
  tech = await signIn(server, 'tech@demo.local');
  agent = await signIn(server, 'agent@demo.local');
  const { state } = await openSession(tech);
  sessionId = state.session.id;
  const { requestId } = await requestHelp(tech, sessionId, 'en');
  await ok(agent.socket, 'help:accept', { requestId });
  await ok(agent.socket, 'step:push', { sessionId, stepId: 'remove-caliper' });
  await ok(agent.socket, 'annotation:add', { sessionId, partId: 'caliper-bolt-upper', localPoint: [0, 0.01, 0], localNormal: [0, 1, 0], kind: 'arrow', text: 'Loosen this <b>bolt</b> first' });
  const wrong = await ok(agent.socket, 'annotation:add', { sessionId, partId: 'hub', localPoint: [0, 0, 0], localNormal: [1, 0, 0], kind: 'pin' });
  await ok(agent.socket, 'annotation:remove', { sessionId, annotationId: wrong.annotation.id });
  await ok(tech.socket, 'chat:send', { sessionId, text: 'Done' });
  await ok(agent.socket, 'step:push', { sessionId, stepId: 'remove-pads' });
  await ok(agent.socket, 'part:highlight', { sessionId, partId: 'brake-pads' });
});
afterAll(async () => {
  closeAll();
  await server.close();
});

describe('GET /api/sessions/:id/transcript', () => {
  it('gives the agent of the session the ordered log', async () => {
    const response = await get(`/api/sessions/${sessionId}/transcript`, agent.token);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { session: { id: string }; members: unknown[]; entries: SessionLogEntry[] };
    expect(body.session.id).toBe(sessionId);
    expect(body.members).toHaveLength(2);
    expect(body.entries.map((entry) => entry.seq)).toEqual(body.entries.map((_, index) => index + 1));
    expect(body.entries.map((entry) => entry.type)).toEqual([
      'member.joined',
      'help.requested',
      'member.joined',
      'help.accepted',
      'step.pushed',
      'annotation.added',
      'annotation.added',
      'annotation.removed',
      'chat',
      'step.pushed',
      'part.highlighted',
    ]);
  });

  it('gives admins any transcript', async () => {
    const { token } = await login(server, 'admin@demo.local');
    expect((await get(`/api/sessions/${sessionId}/transcript`, token)).status).toBe(200);
  });

  it('refuses the requester, agents who were never members, anonymous callers, unknown and malformed ids', async () => {
    expect((await get(`/api/sessions/${sessionId}/transcript`, tech.token)).status).toBe(403);
    const { token: outsider } = await login(server, 'agent.es@demo.local');
    const refused = await get(`/api/sessions/${sessionId}/transcript`, outsider);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
    expect((await get(`/api/sessions/${sessionId}/transcript`)).status).toBe(401);
    expect((await get(`/api/sessions/${crypto.randomUUID()}/transcript`, agent.token)).status).toBe(404);
    expect((await get('/api/sessions/not-a-uuid/transcript', agent.token)).status).toBe(400);
  });
});

describe('POST /api/sessions/:id/draft-guide', () => {
  it("turns the session's pushed steps and surviving annotations into a valid guide, stored as a draft", async () => {
    const response = await post(`/api/sessions/${sessionId}/draft-guide`, agent.token);
    expect(response.status).toBe(201);
    const { guide, version, status } = (await response.json()) as { guide: Guide; version: number; status: string };
    expect(status).toBe('draft');
    const stored = (await (await get(`/api/guides/${guide.id}?version=${version}`, agent.token)).json()) as { guide: Guide; status: string };
    expect(stored).toMatchObject({ status: 'draft', guide: { id: guide.id, steps: guide.steps } });
    expect((await get(`/api/guides/${guide.id}`)).status).toBe(404);
    const published = (await (await get('/api/guides?productId=wheel-corner')).json()) as { guides: Array<{ id: string }> };
    expect(published.guides.map((summary) => summary.id)).not.toContain(guide.id);
    const again = (await (await post(`/api/sessions/${sessionId}/draft-guide`, agent.token)).json()) as { version: number };
    expect(again.version).toBe(version + 1);
    expect(GuideSchema.safeParse(guide).success).toBe(true);
    const product = (await (await get('/api/products/wheel-corner')).json()) as { parts: Array<{ id: string }> };
    expect(validateGuide(guide, new Set(product.parts.map((part) => part.id)))).toEqual({ ok: true });
    expect(guide.productId).toBe('wheel-corner');
    expect(guide.steps.map((step) => step.id)).toEqual(['remove-caliper', 'remove-pads']);
    expect(guide.steps[0]).toMatchObject({ targetPartIds: ['caliper-bolt-upper'], hint: { kind: 'arrow', direction: [0, -1, 0] } });
    expect(guide.steps[0]?.text.en).toBe('Loosen this ‹b>bolt‹/b> first');
    expect(guide.steps[1]).toMatchObject({ targetPartIds: ['brake-pads'] });
    expect(guide.steps[1]?.text.es).toContain('Pastillas');
  });

  it('shows the saved draft in Studio’s guide list, and it opens in the guide editor ready to edit', async () => {
    const saved = (await (await post(`/api/sessions/${sessionId}/draft-guide`, agent.token)).json()) as { guide: Guide; version: number };
    const { token: author } = await login(server, 'author@demo.local');
    const list = (await (await get('/api/studio/guides?productId=wheel-corner', author)).json()) as { guides: Array<{ id: string; latestVersion: number | null; savedDraft: { version: number } | null }> };
    expect(list.guides.find((entry) => entry.id === saved.guide.id)).toMatchObject({ latestVersion: null, savedDraft: { version: saved.version } });
    expect(list.guides.find((entry) => entry.id === 'wheel-corner-brake-pads')).toMatchObject({ latestVersion: 1, savedDraft: null });
    const opened = (await (await post(`/api/studio/guides/${saved.guide.id}/draft`, author)).json()) as { draft: { guide: Guide; basedOnVersion: number | null; issues: unknown[] } };
    expect(opened.draft).toMatchObject({ basedOnVersion: null, issues: [] });
    expect(opened.draft.guide.steps).toEqual(saved.guide.steps);
  });

  it('answers 409 for a session with nothing to turn into steps, 403 for the requester', async () => {
    const { state } = await openSession(tech, 'espresso-machine');
    const { requestId } = await requestHelp(tech, state.session.id, 'en', 'espresso-machine');
    await ok(agent.socket, 'help:accept', { requestId });
    expect((await post(`/api/sessions/${state.session.id}/draft-guide`, agent.token)).status).toBe(409);
    expect((await post(`/api/sessions/${sessionId}/draft-guide`, tech.token)).status).toBe(403);
  });
});

describe('sessions of a user', () => {
  it('lists my sessions and shows a session state to its members only', async () => {
    const mine = (await (await get('/api/sessions', tech.token)).json()) as { sessions: Array<{ id: string }> };
    expect(mine.sessions.map((session) => session.id)).toContain(sessionId);
    const theirs = (await (await get('/api/sessions', agent.token)).json()) as { sessions: Array<{ id: string }> };
    expect(theirs.sessions.map((session) => session.id)).toContain(sessionId);
    const { token: other } = await login(server, 'customer@demo.local');
    const none = (await (await get('/api/sessions', other)).json()) as { sessions: unknown[] };
    expect(none.sessions).toEqual([]);
    const state = await get(`/api/sessions/${sessionId}`, tech.token);
    expect(await state.json()).toMatchObject({ session: { id: sessionId }, currentStepId: 'remove-pads', highlightedPartId: 'brake-pads' });
    expect((await get(`/api/sessions/${sessionId}`, other)).status).toBe(403);
    expect((await get('/api/sessions')).status).toBe(401);
  });

  it('describes the routes in the OpenAPI document and serves the ICE servers', async () => {
    const doc = (await (await get('/api/openapi.json')).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/sessions', '/api/sessions/{id}', '/api/sessions/{id}/transcript', '/api/sessions/{id}/draft-guide', '/api/help/callbacks']));
    expect(await (await get('/api/config')).json()).toEqual({ iceServers: [] });
  });
});
