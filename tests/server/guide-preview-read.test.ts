// The author's preview reads a guide's draft as it is (GET /api/studio/guides/:id/draft): admins and authors only, 404
// with a reason when there is no draft, never opening one itself, and documented in the OpenAPI document.
import { afterAll, describe, expect, it } from 'vitest';
import type { GuideDraft, StudioGuideListSchema } from '../../core/guide-editing.ts';
import type { z } from 'zod';
import { studioClient } from '../support/studio-api.ts';
import { login } from '../support/test-server.ts';
import { useTestServer } from '../support/use-test-server.ts';
import { closeAll } from './assist-support.ts';
import { BRAKE_PADS, type ErrorWithReason } from './guide-editor-cases.ts';

const live = useTestServer();
afterAll(closeAll);
const PATH = `/api/studio/guides/${BRAKE_PADS}/draft`;

describe("reading a guide's draft for the preview", () => {
  it('answers 401 to a stranger and 403 to a technician', async () => {
    expect((await fetch(`${live.server.url}${PATH}`)).status).toBe(401);
    const tech = await login(live.server, 'tech@demo.local');
    expect((await fetch(`${live.server.url}${PATH}`, { headers: { authorization: `Bearer ${tech.token}` } })).status).toBe(403);
  });

  it('answers 404 guide.no-draft before the guide is opened, and does not open one', async () => {
    const author = await studioClient(live.server);
    const before = await author.request<ErrorWithReason>('GET', PATH);
    expect(before.status).toBe(404);
    expect(before.body.error).toMatchObject({ code: 'not_found', reason: 'guide.no-draft' });
    const list = await author.request<z.infer<typeof StudioGuideListSchema>>('GET', '/api/studio/guides?productId=wheel-corner');
    expect(list.body.guides.find((guide) => guide.id === BRAKE_PADS)?.draft).toBeNull();
  });

  it('gives the draft with its unpublished edits, the same as the editor has', async () => {
    const author = await studioClient(live.server, 'author@demo.local');
    const opened = await author.request<{ draft: GuideDraft }>('POST', PATH);
    const guide = { ...opened.body.draft.guide, title: { en: 'Brake pads (being rewritten)', es: 'Pastillas (en revisión)' } };
    const saved = await author.request<{ draft: GuideDraft }>('PUT', PATH, { revision: opened.body.draft.revision, guide });
    const admin = await studioClient(live.server, 'admin@demo.local');
    const read = await admin.request<{ draft: GuideDraft }>('GET', PATH);
    expect(read.status).toBe(200);
    expect(read.body.draft).toEqual(saved.body.draft);
    expect(read.body.draft.guide.title).toEqual(guide.title);
    const published = (await (await fetch(`${live.server.url}/api/guides/${BRAKE_PADS}`)).json()) as { guide: { title: { en: string } } };
    expect(published.guide.title.en).not.toBe('Brake pads (being rewritten)');
  });

  it('is in the OpenAPI document as readStudioGuideDraft', async () => {
    const document = (await (await fetch(`${live.server.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, { operationId?: string }>> };
    expect(document.paths['/api/studio/guides/{id}/draft']?.get?.operationId).toBe('readStudioGuideDraft');
  });
});
