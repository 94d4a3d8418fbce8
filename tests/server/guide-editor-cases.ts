// The guide editor's core cases over HTTP, run against a real server on SQLite and on Postgres: drafts and autosave,
// two authors, a refused publish, versions, the diff, and a technician's session that keeps the version it started.
import { expect } from 'vitest';
import type { GuideDraft, GuideDiffSchema, GuideVersionListSchema } from '../../core/guide-editing.ts';
import type { GuideInput } from '../../core/guide.ts';
import type { z } from 'zod';
import { studioClient, type ErrorBody, type StudioClient } from '../support/studio-api.ts';
import type { TestServer } from '../support/test-server.ts';
import { ok, openSession, signIn } from './assist-support.ts';

export type Draft = { draft: GuideDraft };
export type Versions = z.infer<typeof GuideVersionListSchema>;
export type Diff = z.infer<typeof GuideDiffSchema>;
export type ErrorWithReason = ErrorBody & { error: { reason?: string; params?: Record<string, string | number> } };

export const BRAKE_PADS = 'wheel-corner-brake-pads';
const text = (en: string) => ({ en, es: `${en} (es)` });

/** A small valid guide of the espresso machine. */
export function trayGuide(id: string): GuideInput {
  return {
    formatVersion: 1,
    id,
    productId: 'espresso-machine',
    title: text('Empty the drip tray'),
    summary: text('Pull the tray out, empty it, push it back.'),
    estimatedMinutes: 2,
    languages: ['en', 'es'],
    steps: [
      { id: 'pull-tray', title: text('Pull the tray'), text: text('Pull the **drip tray** towards you.'), targetPartIds: ['drip-tray'], check: { kind: 'confirm' } },
      { id: 'push-tray', title: text('Push it back'), text: text('Slide it back until it clicks.'), targetPartIds: ['drip-tray'], end: true },
    ],
  };
}

export async function authors(server: TestServer): Promise<{ admin: StudioClient; author: StudioClient }> {
  const [admin, author] = await Promise.all([studioClient(server, 'admin@demo.local'), studioClient(server, 'author@demo.local')]);
  return { admin, author };
}

/** Creates guide `id` of the espresso machine and autosaves it twice; the second save is the valid tray guide. */
export async function createAndAutosave(server: TestServer, id: string): Promise<GuideDraft> {
  const { author } = await authors(server);
  const created = await author.request<Draft>('POST', '/api/studio/guides', { productId: 'espresso-machine', id });
  expect(created.status).toBe(201);
  expect(created.body.draft).toMatchObject({ guideId: id, productId: 'espresso-machine', revision: 0, basedOnVersion: null, updatedBy: { name: 'Aurora Author' } });
  expect(created.body.draft.issues.length).toBeGreaterThan(0);

  const half = { ...trayGuide(id), steps: [{ ...trayGuide(id).steps[0]!, check: undefined, end: true }] };
  const first = await author.request<Draft>('PUT', `/api/studio/guides/${id}/draft`, { revision: 0, guide: half });
  expect(first.status).toBe(200);
  expect(first.body.draft).toMatchObject({ revision: 1, issues: [] });
  const second = await author.request<Draft>('PUT', `/api/studio/guides/${id}/draft`, { revision: 1, guide: trayGuide(id) });
  expect(second.status).toBe(200);
  expect(second.body.draft).toMatchObject({ revision: 2, issues: [], guide: { steps: [{ id: 'pull-tray' }, { id: 'push-tray' }] } });

  const taken = await author.request<ErrorWithReason>('POST', '/api/studio/guides', { productId: 'espresso-machine', id });
  expect(taken.status).toBe(409);
  expect(taken.body.error).toMatchObject({ code: 'conflict', reason: 'guide.id-taken', issues: [{ path: 'id' }] });
  return second.body.draft;
}

/** Admin and author open the same draft; the author saves first, the admin's save on the old revision is refused. */
export async function staleSaveRefused(server: TestServer, id: string): Promise<void> {
  const { admin, author } = await authors(server);
  const [seenByAdmin, seenByAuthor] = await Promise.all([admin.request<Draft>('POST', `/api/studio/guides/${id}/draft`), author.request<Draft>('POST', `/api/studio/guides/${id}/draft`)]);
  const revision = seenByAdmin.body.draft.revision;
  expect(seenByAuthor.body.draft.revision).toBe(revision);

  const authorsTitle = { ...trayGuide(id), title: text('Empty the drip tray, carefully') };
  expect((await author.request<Draft>('PUT', `/api/studio/guides/${id}/draft`, { revision, guide: authorsTitle })).body.draft).toMatchObject({ revision: revision + 1, updatedBy: { name: 'Aurora Author' } });
  const stale = await admin.request<ErrorWithReason>('PUT', `/api/studio/guides/${id}/draft`, { revision, guide: { ...trayGuide(id), title: text('Admin was here') } });
  expect(stale.status).toBe(409);
  expect(stale.body.error).toMatchObject({ code: 'conflict', reason: 'guide.changed-since', params: { name: 'Aurora Author', revision: revision + 1 }, issues: [{ path: 'revision' }] });
  expect(stale.body.error.message).toContain('Aurora Author saved this guide');
  const stalePublish = await admin.request<ErrorWithReason>('POST', `/api/studio/guides/${id}/publish`, { revision });
  expect(stalePublish.status).toBe(409);
  expect(stalePublish.body.error.reason).toBe('guide.changed-since');

  const now = await admin.request<Draft>('POST', `/api/studio/guides/${id}/draft`);
  expect(now.body.draft).toMatchObject({ revision: revision + 1, guide: { title: { en: 'Empty the drip tray, carefully' } }, updatedBy: { name: 'Aurora Author' } });
  expect((await admin.request('GET', `/api/studio/guides/${id}/versions`)).status).toBe(404);
}

/** A draft with a part the product lacks and a `next` to nowhere: saved with its issues, publishing refused, nothing changed. */
export async function invalidPublishRefused(server: TestServer, id: string): Promise<void> {
  const { author } = await authors(server);
  const { draft } = (await author.request<Draft>('POST', `/api/studio/guides/${id}/draft`)).body;
  const broken = trayGuide(id);
  broken.steps[0]!.targetPartIds = ['flux-capacitor'];
  broken.steps[0]!.next = 'no-such-step';
  const saved = await author.request<Draft>('PUT', `/api/studio/guides/${id}/draft`, { revision: draft.revision, guide: broken });
  expect(saved.status).toBe(200);
  const expectedIssues = expect.arrayContaining([
    expect.objectContaining({ path: expect.stringMatching(/^steps\.0\.targetPartIds/), message: expect.stringContaining('step "pull-tray"') }),
    expect.objectContaining({ path: 'steps.0.next', message: expect.stringContaining('no-such-step') }),
  ]);
  expect(saved.body.draft.issues).toEqual(expectedIssues);

  const refused = await author.request<ErrorWithReason>('POST', `/api/studio/guides/${id}/publish`, { revision: saved.body.draft.revision });
  expect(refused.status).toBe(400);
  expect(refused.body.error).toMatchObject({ code: 'bad_request', reason: 'guide.invalid', params: { count: saved.body.draft.issues.length } });
  expect(refused.body.error.issues).toEqual(expectedIssues);
  const after = await author.request<Draft>('POST', `/api/studio/guides/${id}/draft`);
  expect(after.body.draft).toEqual(saved.body.draft);
  expect((await author.request('GET', `/api/studio/guides/${id}/versions`)).status).toBe(404);
  expect((await fetch(`${server.url}/api/guides/${id}`)).status).toBe(404);

  const mended = await author.request<Draft>('PUT', `/api/studio/guides/${id}/draft`, { revision: after.body.draft.revision, guide: trayGuide(id) });
  expect(mended.body.draft.issues).toEqual([]);
}

/**
 * Once versions exist: a draft with HTML in its words is saved with the issue beside the field, and neither a publish
 * refused by the validator nor one made on a stale revision changes the draft, the versions or the published guide.
 */
export async function refusedPublishKeepsEverything(server: TestServer, id: string): Promise<void> {
  const { author } = await authors(server);
  const published = async () => (await fetch(`${server.url}/api/guides/${id}`)).json();
  const versions = async () => (await author.request<Versions>('GET', `/api/studio/guides/${id}/versions`)).body;
  const [publishedBefore, versionsBefore] = await Promise.all([published(), versions()]);
  expect(versionsBefore.versions.length).toBeGreaterThan(0);

  const { draft } = (await author.request<Draft>('POST', `/api/studio/guides/${id}/draft`)).body;
  const broken = structuredClone(draft.guide) as unknown as GuideInput;
  broken.steps[0]!.text = { en: 'Press <script>alert(1)</script> firmly.', es: 'Pulsa con **fuerza**.' };
  broken.steps[0]!.title = { en: '<b>Pull</b> the tray', es: 'Tira de la bandeja' };
  const saved = await author.request<Draft>('PUT', `/api/studio/guides/${id}/draft`, { revision: draft.revision, guide: broken });
  expect(saved.status).toBe(200);
  const htmlIssue = (path: string) => ({ path, message: 'must not contain HTML tags such as "<b>": write plain text, with **bold** as the only formatting' });
  expect(saved.body.draft.issues).toEqual([htmlIssue('steps.0.title.en'), htmlIssue('steps.0.text.en')]);

  const refused = await author.request<ErrorWithReason>('POST', `/api/studio/guides/${id}/publish`, { revision: saved.body.draft.revision });
  expect(refused.status).toBe(400);
  expect(refused.body.error).toMatchObject({ reason: 'guide.invalid', issues: saved.body.draft.issues });
  const stale = await author.request<ErrorWithReason>('POST', `/api/studio/guides/${id}/publish`, { revision: draft.revision });
  expect(stale.status).toBe(409);

  expect((await author.request<Draft>('GET', `/api/studio/guides/${id}/draft`)).body.draft).toEqual(saved.body.draft);
  expect(await versions()).toEqual(versionsBefore);
  expect(await published()).toEqual(publishedBefore);

  const mended = await author.request<Draft>('PUT', `/api/studio/guides/${id}/draft`, { revision: saved.body.draft.revision, guide: draft.guide });
  expect(mended.body.draft.issues).toEqual([]);
}

/** Publishes version 1, then version 2 with a step renamed, one added and one changed; lists versions and diffs them. */
export async function publishVersionsAndDiff(server: TestServer, id: string): Promise<void> {
  const { admin, author } = await authors(server);
  const opened = (await author.request<Draft>('POST', `/api/studio/guides/${id}/draft`)).body.draft;
  const first = await author.request<{ version: number; draft: GuideDraft }>('POST', `/api/studio/guides/${id}/publish`, { revision: opened.revision });
  expect(first.status).toBe(200);
  expect(first.body).toMatchObject({ version: 1, draft: { basedOnVersion: 1, revision: opened.revision + 1 } });
  expect(((await fetch(`${server.url}/api/guides/${id}`).then((response) => response.json())) as { version: number }).version).toBe(1);

  const next = trayGuide(id);
  next.title = text('Empty and rinse the drip tray');
  next.steps = [
    { ...next.steps[0]!, id: 'slide-tray', title: text('Slide the tray out') },
    { id: 'rinse-tray', title: text('Rinse it'), text: text('Rinse the tray under the tap.'), targetPartIds: ['drip-tray'] },
    { ...next.steps[1]!, text: text('Slide it back in until it clicks.') },
  ];
  const saved = await admin.request<Draft>('PUT', `/api/studio/guides/${id}/draft`, { revision: first.body.draft.revision, guide: next });
  expect(saved.body.draft.issues).toEqual([]);
  const second = await admin.request<{ version: number }>('POST', `/api/studio/guides/${id}/publish`, { revision: saved.body.draft.revision });
  expect(second.body.version).toBe(2);

  const versions = await author.request<Versions>('GET', `/api/studio/guides/${id}/versions`);
  expect(versions.body.versions.map(({ version, status, createdBy, stepCount }) => ({ version, status, createdBy, stepCount }))).toEqual([
    { version: 2, status: 'published', createdBy: 'Ada Admin', stepCount: 3 },
    { version: 1, status: 'published', createdBy: 'Aurora Author', stepCount: 2 },
  ]);

  const diff = await author.request<Diff>('GET', `/api/studio/guides/${id}/diff?from=1&to=2`);
  expect(diff.status).toBe(200);
  expect(diff.body).toEqual({
    from: 1,
    to: 2,
    fields: ['title'],
    added: [{ id: 'slide-tray', title: text('Slide the tray out') }, { id: 'rinse-tray', title: text('Rinse it') }],
    removed: [{ id: 'pull-tray', title: text('Pull the tray') }],
    changed: [{ id: 'push-tray', title: text('Push it back'), fields: ['text'] }],
  });
  const back = await author.request<Diff>('GET', `/api/studio/guides/${id}/diff?from=2&to=1`);
  expect(back.body).toMatchObject({ added: [{ id: 'pull-tray' }], removed: [{ id: 'slide-tray' }, { id: 'rinse-tray' }] });
  const list = await author.request<{ guides: unknown[] }>('GET', '/api/studio/guides?productId=espresso-machine');
  expect(list.body.guides).toEqual(expect.arrayContaining([{ id, title: next.title, latestVersion: 2, savedDraft: null, draft: expect.objectContaining({ issueCount: 0 }) }]));
}

/** A technician who started version 1 of the brake-pad guide keeps it after the editor publishes version 2. */
export async function sessionKeepsItsVersion(server: TestServer): Promise<void> {
  const tech = await signIn(server, 'tech@demo.local');
  const { state } = await openSession(tech);
  const sessionId = state.session.id;
  expect(await ok(tech.socket, 'guide:start', { sessionId, guideId: BRAKE_PADS })).toMatchObject({ created: true, version: 1 });

  const { author } = await authors(server);
  const { draft } = (await author.request<Draft>('POST', `/api/studio/guides/${BRAKE_PADS}/draft`)).body;
  expect(draft).toMatchObject({ basedOnVersion: 1, issues: [] });
  const guide = structuredClone(draft.guide) as unknown as GuideInput;
  guide.steps[0]!.title = text('Park and secure the vehicle');
  const saved = await author.request<Draft>('PUT', `/api/studio/guides/${BRAKE_PADS}/draft`, { revision: draft.revision, guide });
  const published = await author.request<{ version: number }>('POST', `/api/studio/guides/${BRAKE_PADS}/publish`, { revision: saved.body.draft.revision });
  expect(published.body.version).toBe(2);

  const kept = await ok(tech.socket, 'guide:get', { sessionId });
  expect(kept.version).toBe(1);
  expect(kept.guide?.steps[0]?.title.en).not.toBe('Park and secure the vehicle');
  expect(await ok(tech.socket, 'guide:start', { sessionId, guideId: BRAKE_PADS })).toMatchObject({ created: false, version: 1 });
  const fresh = await openSession(tech);
  const started = await ok(tech.socket, 'guide:start', { sessionId: fresh.state.session.id, guideId: BRAKE_PADS });
  expect(started.version).toBe(2);
  expect(started.guide.steps[0]?.title.en).toBe('Park and secure the vehicle');
  const diff = await author.request<Diff>('GET', `/api/studio/guides/${BRAKE_PADS}/diff?from=1&to=2`);
  expect(diff.body).toMatchObject({ fields: [], added: [], removed: [], changed: [{ id: guide.steps[0]!.id, fields: ['title'] }] });
}
