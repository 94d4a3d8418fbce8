// Uploads to Studio on a real server: real STEP and glTF files made by other tools, and refusals said in words, with
// nothing left behind and the upload retryable.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { SplitPreview, StudioDraft } from '../../core/studio.ts';
import { STEP_SAMPLE, STEREO_BIN, STEREO_GLTF, WORKER_TEST_TIMEOUT, glbBytes, mergedMeshDocument, namedPartsDocument, stepSampleInInches, zipOf } from '../fixtures/studio/model-fixtures.ts';
import { flattenTree, studioClient, type ErrorBody } from '../support/studio-api.ts';
import { useTestServer } from '../support/use-test-server.ts';

type Created = { draft: StudioDraft };

/** Folders left under the data folder's studio/drafts and studio/uploads. */
async function leftovers(dataDir: string): Promise<string[]> {
  const list = (dir: string) => readdir(path.join(dataDir, 'studio', dir)).catch(() => [] as string[]);
  return [...(await list('drafts')), ...(await list('uploads'))];
}

describe('uploading models', () => {
  const live = useTestServer();

  it('imports the STEP assembly in millimetres with its named parts', async () => {
    const author = await studioClient(live.server);
    const { status, body } = await author.upload<Created>('/api/studio/drafts', { 'as1-oc-214.stp': await readFile(STEP_SAMPLE) });
    expect(status).toBe(201);
    expect(body.draft).toMatchObject({ format: 'step', units: { source: 'mm', from: 'file' }, sourceNames: ['as1-oc-214.stp'] });
    expect(body.draft.dimensions.width).toBeCloseTo(0.2, 4);
    expect(body.draft.dimensions.height).toBeCloseTo(0.084, 4);
    expect(body.draft.dimensions.depth).toBeCloseTo(0.15, 4);
    const names = flattenTree(body.draft.tree).map((node) => node.name);
    expect(names).toEqual(expect.arrayContaining(['as1', 'rod-assembly', 'l-bracket-assembly', 'plate', 'nut', 'bolt']));
  }, WORKER_TEST_TIMEOUT);

  it('reads a STEP file’s inches, and lets the author correct the size back to millimetres', async () => {
    const author = await studioClient(live.server);
    const { status, body } = await author.upload<Created>('/api/studio/drafts', { 'as1-inches.stp': await stepSampleInInches() });
    expect(status).toBe(201);
    expect(body.draft.units).toEqual({ source: 'in', from: 'file' });
    expect(body.draft.dimensions.width).toBeCloseTo(0.2 * 25.4, 3);
    const corrected = await author.request<Created>('PUT', `/api/studio/drafts/${body.draft.id}`, { dimensions: { width: 0.2, height: 0.084, depth: 0.15 } });
    expect(corrected.body.draft.scale).toBeCloseTo(1 / 25.4, 6);
    expect(corrected.body.draft.dimensions.depth).toBeCloseTo(0.15, 4);
  }, WORKER_TEST_TIMEOUT);

  it('imports a .gltf sent with its .bin as two files, and a named-parts model sent in a .zip', async () => {
    const author = await studioClient(live.server);
    const stereo = await author.upload<Created>('/api/studio/drafts', { 'stereo.gltf': await readFile(STEREO_GLTF), 'stereo.bin': await readFile(STEREO_BIN) });
    expect(stereo.status).toBe(201);
    expect(stereo.body.draft.format).toBe('gltf');
    const zipped = await author.upload<Created>('/api/studio/drafts', { 'grinder.zip': zipOf({ 'grinder.glb': await glbBytes(await namedPartsDocument(64)) }) });
    expect(zipped.status).toBe(201);
    expect(flattenTree(zipped.body.draft.tree).map((node) => node.name)).toEqual(expect.arrayContaining(['Body', 'Hopper', 'Lid', 'Button']));
  }, WORKER_TEST_TIMEOUT);

  it('refuses a corrupt model and a file of another kind, in words, leaving nothing behind', async () => {
    const author = await studioClient(live.server);
    const before = await leftovers(live.server.dataDir);
    const glb = Buffer.from(await glbBytes(await namedPartsDocument(64)));
    const corrupt = await author.upload<ErrorBody>('/api/studio/drafts', { 'broken.glb': glb.subarray(0, glb.length / 2) });
    expect(corrupt.status).toBe(400);
    expect(corrupt.body.error.message).toMatch(/broken\.glb/);
    const picture = await author.upload<ErrorBody>('/api/studio/drafts', { 'photo.glb': Buffer.from('\x89PNG\r\n\x1a\n this is a picture, not a model') });
    expect(picture.status).toBe(400);
    expect(picture.body.error.message).toMatch(/photo\.glb/);
    const text = await author.upload<ErrorBody>('/api/studio/drafts', { 'notes.txt': 'hello' });
    expect(text.status).toBe(400);
    expect(text.body.error.message).toMatch(/None of the files \(notes\.txt\) is a 3D model/);
    const empty = await author.upload<ErrorBody>('/api/studio/drafts', {});
    expect(empty.status).toBe(400);
    expect(empty.body.error.message).toMatch(/No file was uploaded/);
    expect(await leftovers(live.server.dataDir)).toEqual(before);
  }, WORKER_TEST_TIMEOUT);

  it('reads a model by its content when its extension is wrong, and says so', async () => {
    const author = await studioClient(live.server);
    const { status, body } = await author.upload<Created>('/api/studio/drafts', { 'grinder.step': await glbBytes(await namedPartsDocument(64)) });
    expect(status).toBe(201);
    expect(body.draft.format).toBe('glb');
    expect(body.draft.warnings.map((warning) => warning.code)).toContain('renamed-format');
  }, WORKER_TEST_TIMEOUT);

  it('splits a merged mesh by material in a preview first, and only then in the draft', async () => {
    const author = await studioClient(live.server);
    const { body } = await author.upload<Created>('/api/studio/drafts', { 'merged.glb': await glbBytes(mergedMeshDocument()) });
    const merged = body.draft.tree.children[0]!;
    expect(merged.children).toEqual([]);
    const preview = await author.request<SplitPreview>('POST', `/api/studio/drafts/${body.draft.id}/split/preview`, { nodeId: merged.id, mode: 'material' });
    expect(preview.status).toBe(200);
    expect(preview.body.node.children.map((child) => child.name)).toEqual(['Red', 'Grey']);
    expect((await author.bytes(new URL(preview.body.modelUrl, live.server.url).pathname)).headers.get('content-type')).toBe('model/gltf-binary');
    const unchanged = await author.request<Created>('GET', `/api/studio/drafts/${body.draft.id}`);
    expect(unchanged.body.draft.tree.children[0]?.children).toEqual([]);
    const applied = await author.request<Created>('POST', `/api/studio/drafts/${body.draft.id}/split`, { nodeId: merged.id, mode: 'connected' });
    expect(applied.status).toBe(200);
    expect(applied.body.draft.tree.children[0]?.children).toHaveLength(3);
    const nothing = await author.request<ErrorBody>('POST', `/api/studio/drafts/${body.draft.id}/split`, { nodeId: 'n999', mode: 'material' });
    expect(nothing.status).toBe(400);
    expect(nothing.body.error.message.length).toBeGreaterThan(10);
  }, WORKER_TEST_TIMEOUT);

  it('deletes a draft that was never published, with its files', async () => {
    const author = await studioClient(live.server);
    const before = await leftovers(live.server.dataDir);
    const { body } = await author.upload<Created>('/api/studio/drafts', { 'merged.glb': await glbBytes(mergedMeshDocument()) });
    expect((await author.request('DELETE', `/api/studio/drafts/${body.draft.id}`)).status).toBe(204);
    expect((await author.request('GET', `/api/studio/drafts/${body.draft.id}`)).status).toBe(404);
    expect(await leftovers(live.server.dataDir)).toEqual(before);
  }, WORKER_TEST_TIMEOUT);
});

describe('an upload over STUDIO_MAX_UPLOAD_MB', () => {
  const live = useTestServer({ studioMaxUploadMb: 0.2 });

  it('is refused naming the limit and the setting, and a smaller upload then succeeds', async () => {
    const author = await studioClient(live.server);
    const large = await author.upload<ErrorBody>('/api/studio/drafts', { 'as1-oc-214.stp': await readFile(STEP_SAMPLE) });
    expect(large.status).toBe(400);
    expect(large.body.error.message).toMatch(/larger than the limit of 0\.2 MB \(STUDIO_MAX_UPLOAD_MB\)/);
    expect(await leftovers(live.server.dataDir)).toEqual([]);
    const small = await author.upload<Created>('/api/studio/drafts', { 'merged.glb': await glbBytes(mergedMeshDocument()) });
    expect(small.status).toBe(201);
  }, WORKER_TEST_TIMEOUT);
});
