// The guide editor (Studio) on a real server and database file: who gets in, drafts and autosave, two authors, refused
// publishes, versions and their diff, a live session keeping its version, bad input and the OpenAPI document.
import { afterAll, describe, expect, it } from 'vitest';
import { studioClient } from '../support/studio-api.ts';
import { login } from '../support/test-server.ts';
import { useTestServer } from '../support/use-test-server.ts';
import { closeAll } from './assist-support.ts';
import { createAndAutosave, invalidPublishRefused, publishVersionsAndDiff, refusedPublishKeepsEverything, sessionKeepsItsVersion, staleSaveRefused, trayGuide, type ErrorWithReason } from './guide-editor-cases.ts';

const live = useTestServer();
afterAll(closeAll);

const ROUTES = [
  ['GET', '/api/studio/guides?productId=espresso-machine'],
  ['POST', '/api/studio/guides'],
  ['POST', '/api/studio/guides/wheel-corner-brake-pads/draft'],
  ['GET', '/api/studio/guides/wheel-corner-brake-pads/draft'],
  ['PUT', '/api/studio/guides/wheel-corner-brake-pads/draft'],
  ['POST', '/api/studio/guides/wheel-corner-brake-pads/publish'],
  ['GET', '/api/studio/guides/wheel-corner-brake-pads/versions'],
  ['GET', '/api/studio/guides/wheel-corner-brake-pads/diff?from=1&to=1'],
] as const;

describe('who reaches the guide editor', () => {
  it('answers 401 to a stranger, 403 to a technician, and lets admin and author in', async () => {
    const [tech, admin, author] = await Promise.all(['tech@demo.local', 'admin@demo.local', 'author@demo.local'].map((email) => login(live.server, email)));
    for (const [method, path] of ROUTES) {
      const status = async (token?: string) => (await fetch(`${live.server.url}${path}`, { method, headers: token ? { authorization: `Bearer ${token}` } : {} })).status;
      expect([method, path, await status()]).toEqual([method, path, 401]);
      expect([method, path, await status(tech!.token)]).toEqual([method, path, 403]);
      for (const signedIn of [admin!, author!]) expect([method, path, [401, 403].includes(await status(signedIn.token))]).toEqual([method, path, false]);
    }
  });
});

describe('editing guides', () => {
  it('creates a draft and autosaves it, revision after revision', async () => {
    await createAndAutosave(live.server, 'tray-guide');
  });

  it('refuses the second of two authors saving on the same revision, naming the first, and keeps the first save', async () => {
    await staleSaveRefused(live.server, 'tray-guide');
  });

  it('refuses to publish while the validator reports issues naming step and field, and changes nothing', async () => {
    await invalidPublishRefused(live.server, 'tray-guide');
  });

  it('publishes versions 1 and 2, lists them and tells them apart', async () => {
    await publishVersionsAndDiff(live.server, 'tray-guide');
  });

  it('keeps the draft, the versions and the published guide when a publish is refused (HTML in the words, a stale revision)', async () => {
    await refusedPublishKeepsEverything(live.server, 'tray-guide');
  });

  it('lets a technician who started version 1 finish version 1 after version 2 is published', async () => {
    await sessionKeepsItsVersion(live.server);
  });
});

describe('bad input', () => {
  it('answers unknown guides, malformed bodies and changed ids with a clear error and a reason', async () => {
    const author = await studioClient(live.server);
    const unknown = await author.request<ErrorWithReason>('POST', '/api/studio/guides/no-such-guide/draft');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.reason).toBe('guide.not-found');
    const noDraft = await author.request<ErrorWithReason>('PUT', '/api/studio/guides/no-such-guide/draft', { revision: 0, guide: trayGuide('no-such-guide') });
    expect(noDraft.body.error).toMatchObject({ code: 'not_found', reason: 'guide.no-draft' });
    const noProduct = await author.request<ErrorWithReason>('POST', '/api/studio/guides', { productId: 'time-machine', id: 'flux-guide' });
    expect(noProduct.status).toBe(404);

    const created = await author.request<{ draft: { revision: number } }>('POST', '/api/studio/guides', { productId: 'espresso-machine', id: 'moved-guide' });
    const moved = await author.request<ErrorWithReason>('PUT', '/api/studio/guides/moved-guide/draft', { revision: created.body.draft.revision, guide: { ...trayGuide('other-id'), productId: 'wheel-corner' } });
    expect(moved.status).toBe(400);
    expect(moved.body.error).toMatchObject({ reason: 'guide.id-fixed', issues: [{ path: 'guide.id' }, { path: 'guide.productId' }] });

    const malformed = await author.request<ErrorWithReason>('PUT', '/api/studio/guides/moved-guide/draft', { revision: -1, guide: 'text' });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.issues?.map((issue) => issue.path).sort()).toEqual(['body.guide', 'body.revision']);
    expect((await author.request('POST', '/api/studio/guides', { productId: 'Bad Id', id: 'x' })).status).toBe(400);
    expect((await author.request('GET', '/api/studio/guides/tray-guide/diff?from=one&to=2')).status).toBe(400);
    const noVersion = await author.request<ErrorWithReason>('GET', '/api/studio/guides/tray-guide/diff?from=1&to=9');
    expect(noVersion.body.error).toMatchObject({ code: 'not_found', reason: 'guide.no-version', params: { version: 9 } });
    expect((await author.request('GET', '/api/studio/guides')).status).toBe(400);
  });

  it('documents guide text in the OpenAPI document: plain text, **bold** only, HTML refused, wherever a guide has words', async () => {
    type Schema = { $ref?: string; description?: string; properties?: Record<string, Schema>; items?: Schema };
    type Document = { components: { schemas: Record<string, Schema & { minLength?: number; maxLength?: number }> }; paths: Record<string, Record<string, { requestBody?: { content: Record<string, { schema: Schema }> }; responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>> };
    const document = (await fetch(`${live.server.url}/api/openapi.json`).then((response) => response.json())) as Document;
    const text = document.components.schemas.GuideText;
    expect(text).toMatchObject({ type: 'string', minLength: 1, maxLength: 2000 });
    expect(text?.description).toMatch(/\*\*bold\*\*/);
    expect(text?.description).toMatch(/HTML tag .* is refused/);
    const GUIDE_TEXT = { $ref: '#/components/schemas/GuideText' };
    const json = (schema: { content?: Record<string, { schema: Schema }> } | undefined) => schema?.content?.['application/json']?.schema;

    const guide = json(document.paths['/api/guides/{id}']?.get?.responses['200'])?.properties?.guide;
    const step = guide?.properties?.steps?.items;
    expect(guide?.properties?.title?.properties).toEqual({ en: GUIDE_TEXT, es: GUIDE_TEXT });
    for (const field of ['title', 'text'] as const) expect(step?.properties?.[field]?.properties).toEqual({ en: GUIDE_TEXT, es: GUIDE_TEXT });
    expect(step?.properties?.warnings?.items?.properties).toEqual({ en: GUIDE_TEXT, es: GUIDE_TEXT });

    const saveBody = document.paths['/api/studio/guides/{id}/draft']?.put?.requestBody?.content['application/json']?.schema;
    expect(saveBody?.properties?.guide?.description).toContain('GuideText');
    const diff = json(document.paths['/api/studio/guides/{id}/diff']?.get?.responses['200']);
    expect(diff?.properties?.changed?.items?.properties?.title?.properties).toEqual({ en: GUIDE_TEXT, es: GUIDE_TEXT });
  });

  it('documents every editor route in the OpenAPI document', async () => {
    const document = (await fetch(`${live.server.url}/api/openapi.json`).then((response) => response.json())) as { paths: Record<string, Record<string, { operationId: string }>> };
    const operations = Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/studio/guides'))
      .flatMap(([path, item]) => Object.keys(item).map((method) => `${method} ${path}`))
      .sort();
    expect(operations).toEqual([
      'get /api/studio/guides',
      'get /api/studio/guides/{id}/diff',
      'get /api/studio/guides/{id}/draft',
      'get /api/studio/guides/{id}/versions',
      'post /api/studio/guides',
      'post /api/studio/guides/{id}/draft',
      'post /api/studio/guides/{id}/publish',
      'put /api/studio/guides/{id}/draft',
    ]);
  });
});
