// The guide HTTP API on a real server and database file: list, detail, new versions, drafts, refusals, seeding on restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuideInput } from '../../core/guide.ts';
import type { GuideCreatedResponse, GuideDetailResponse, GuideListResponse } from '../../core/guide-version.ts';
import { requestJson, signIn, type ApiClient, type ErrorResponseBody } from '../support/orders-api.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { trayGuide } from './guide-editor-cases.ts';

const BRAKE_PADS = 'wheel-corner-brake-pads';
let server: TestServer;
let admin: ApiClient;
let tech: ApiClient;
let agent: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  [admin, tech, agent] = await Promise.all([signIn(server, 'admin@demo.local'), signIn(server, 'tech@demo.local'), signIn(server, 'agent@demo.local')]);
});
afterAll(async () => {
  await server.close();
});

const anonymous = <T>(path: string) => requestJson<T>(`${server.url}${path}`, 'GET');

async function seededGuide(id = BRAKE_PADS): Promise<GuideInput> {
  const { status, body } = await anonymous<GuideDetailResponse>(`/api/guides/${id}`);
  expect(status).toBe(200);
  return structuredClone(body.guide);
}

describe('reading guides', () => {
  it('lists the seeded guides, one per product, with what a list shows', async () => {
    const { status, body } = await anonymous<GuideListResponse>('/api/guides');
    expect(status).toBe(200);
    expect(body.guides.map((guide) => guide.id)).toEqual(['espresso-machine-descale', 'water-heater-filter', BRAKE_PADS]);
    const wheel = await anonymous<GuideListResponse>('/api/guides?productId=wheel-corner');
    expect(wheel.body.guides).toHaveLength(1);
    expect(wheel.body.guides[0]).toMatchObject({ id: BRAKE_PADS, productId: 'wheel-corner', version: 1, status: 'published', languages: ['en', 'es'] });
    expect(wheel.body.guides[0]?.title.es.length).toBeGreaterThan(0);
    expect(wheel.body.guides[0]?.estimatedMinutes).toBeGreaterThan(0);
    expect((await anonymous<GuideListResponse>('/api/guides?productId=no-such-product')).body.guides).toEqual([]);
  });

  it('answers a guide with its version, 404 for an unknown guide or version, 400 for a malformed id', async () => {
    const { body } = await anonymous<GuideDetailResponse>(`/api/guides/${BRAKE_PADS}`);
    expect(body).toMatchObject({ version: 1, status: 'published', guide: { id: BRAKE_PADS, productId: 'wheel-corner' } });
    expect(body.guide.steps[0]?.id).toBe('prepare-vehicle');
    expect((await anonymous(`/api/guides/no-such-guide`)).status).toBe(404);
    expect((await anonymous(`/api/guides/${BRAKE_PADS}?version=99`)).status).toBe(404);
    expect((await anonymous(`/api/guides/Not_A_Slug`)).status).toBe(400);
  });
});

describe('storing guide versions', () => {
  it('stores an admin’s guide as a new version and keeps the old one readable', async () => {
    const guide = await seededGuide();
    guide.title = { en: 'Replace the front brake pads (revised)', es: 'Cambiar las pastillas delanteras (revisada)' };
    const created = await admin.request<GuideCreatedResponse>('POST', '/api/guides', guide);
    expect(created).toEqual({ status: 201, body: { id: BRAKE_PADS, version: 2, status: 'published' } });

    const latest = await anonymous<GuideDetailResponse>(`/api/guides/${BRAKE_PADS}`);
    expect(latest.body).toMatchObject({ version: 2, guide: { title: { en: 'Replace the front brake pads (revised)' } } });
    const first = await anonymous<GuideDetailResponse>(`/api/guides/${BRAKE_PADS}?version=1`);
    expect(first.body.guide.title.en).not.toContain('revised');
    const list = await anonymous<GuideListResponse>('/api/guides?productId=wheel-corner');
    expect(list.body.guides.map((summary) => summary.version)).toEqual([2]);
  });

  it('gives concurrent posts of one guide distinct versions', async () => {
    const guide = trayGuide('concurrent-tray');
    const results = await Promise.all(Array.from({ length: 5 }, () => admin.request<GuideCreatedResponse>('POST', '/api/guides', guide)));
    expect(results.map((result) => result.status)).toEqual([201, 201, 201, 201, 201]);
    expect(results.map((result) => result.body.version).sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('answers 400 with issues that name the step and the field of a malformed guide, and stores nothing', async () => {
    const guide = await seededGuide();
    const steps = guide.steps;
    const [first, second] = steps;
    if (!first || !second) throw new Error('the seed guide has fewer than 2 steps');
    first.targetPartIds = ['flux-capacitor'];
    second.next = 'no-such-step';
    const { status, body } = await admin.request<ErrorResponseBody>('POST', '/api/guides', guide);
    expect(status).toBe(400);
    expect(body.error.code).toBe('bad_request');
    expect(body.error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: expect.stringMatching(/^steps\.0\.targetPartIds/), message: expect.stringContaining(`step "${first.id}"`) }),
        expect.objectContaining({ path: 'steps.1.next', message: expect.stringContaining('no-such-step') }),
      ]),
    );
    expect(body.error.message).toContain('steps.0');

    const shape = await admin.request<ErrorResponseBody>('POST', '/api/guides', { ...trayGuide('html-guide'), title: { en: '<b>Bold</b>', es: 'Negrita' } });
    expect(shape.status).toBe(400);
    expect(shape.body.error.issues).toEqual([expect.objectContaining({ path: 'title.en', message: expect.stringContaining('HTML') })]);

    const unknownProduct = await admin.request<ErrorResponseBody>('POST', '/api/guides', { ...trayGuide('lost-guide'), productId: 'time-machine' });
    expect(unknownProduct.status).toBe(400);
    expect(unknownProduct.body.error.issues).toEqual([expect.objectContaining({ path: 'productId' })]);
    expect((await anonymous('/api/guides/html-guide')).status).toBe(404);
  });

  it('refuses a technician with 403, a stranger with 401, and a guide id of another product with 409', async () => {
    const guide = trayGuide('tech-tray');
    expect((await tech.request<ErrorResponseBody>('POST', '/api/guides', guide)).status).toBe(403);
    expect((await requestJson(`${server.url}/api/guides`, 'POST', guide)).status).toBe(401);
    const moved = await admin.request<ErrorResponseBody>('POST', '/api/guides', { ...trayGuide(BRAKE_PADS) });
    expect(moved.status).toBe(409);
    expect(moved.body.error.issues).toEqual([expect.objectContaining({ path: 'productId' })]);
  });
});

describe('draft guides', () => {
  it('keeps drafts out of the public list and detail; admins and agents see them', async () => {
    const created = await admin.request<GuideCreatedResponse>('POST', '/api/guides?status=draft', trayGuide('draft-tray'));
    expect(created).toEqual({ status: 201, body: { id: 'draft-tray', version: 1, status: 'draft' } });
    expect((await anonymous<GuideListResponse>('/api/guides')).body.guides.map((guide) => guide.id)).not.toContain('draft-tray');
    expect((await anonymous('/api/guides?status=draft')).status).toBe(403);
    expect((await tech.get('/api/guides?status=draft')).status).toBe(403);
    const drafts = await agent.get<GuideListResponse>('/api/guides?status=draft');
    expect(drafts.body.guides.map((guide) => [guide.id, guide.status])).toEqual([['draft-tray', 'draft']]);
    expect((await anonymous('/api/guides/draft-tray')).status).toBe(404);
    expect((await tech.get('/api/guides/draft-tray?version=1')).status).toBe(404);
    expect((await admin.get<GuideDetailResponse>('/api/guides/draft-tray')).body).toMatchObject({ version: 1, status: 'draft' });
  });
});

describe('documentation and seeding', () => {
  it('documents the routes in the OpenAPI document', async () => {
    const { body } = await anonymous<{ paths: Record<string, Record<string, unknown>> }>('/api/openapi.json');
    expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(['/api/guides', '/api/guides/{id}', '/api/assets/{assetId}/alignment']));
    expect(Object.keys(body.paths['/api/guides'] ?? {})).toEqual(expect.arrayContaining(['get', 'post']));
  });

  it('does not seed a guide again after a restart, so stored versions stay the latest', async () => {
    server = await server.restart();
    const { body } = await anonymous<GuideDetailResponse>(`/api/guides/${BRAKE_PADS}`);
    expect(body.version).toBe(2);
    const versions = await server.ctx.store.db.selectFrom('guides').select('version').where('id', '=', BRAKE_PADS).orderBy('version').execute();
    expect(versions.map((row) => Number(row.version))).toEqual([1, 2]);
  });
});
