// A published product moved between installations as one zip: exported from one server, imported into a second one,
// where the catalog shows the same product, parts, landmarks, placement and published guides; broken or clashing
// archives are refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unzipSync, zipSync } from 'fflate';
import type { ProductDetail } from '../../core/catalog.ts';
import type { GuideInput } from '../../core/guide.ts';
import type { ProductArchive, PublishResponse } from '../../core/studio.ts';
import { WORKER_TEST_TIMEOUT } from '../fixtures/studio/model-fixtures.ts';
import { grinderLidGuide as lidGuide, publishGrinder, publishGuide, studioClient, type ErrorBody } from '../support/studio-api.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let first: TestServer;
let second: TestServer;
let exported: Buffer;
let original: ProductDetail;

const manifestOf = (zip: Buffer) => JSON.parse(Buffer.from(unzipSync(new Uint8Array(zip))['product.json']!).toString('utf8')) as ProductArchive;

beforeAll(async () => {
  [first, second] = await Promise.all([startTestServer(), startTestServer()]);
}, WORKER_TEST_TIMEOUT);
afterAll(async () => {
  await first.close();
  await second.close();
});

describe('moving a product as one zip', () => {
  it('exports a published product with its model, thumbnail and product.json, its published guide included', async () => {
    const author = await studioClient(first);
    expect((await publishGrinder(author, 'moving-grinder', 'MG-1')).status).toBe(200);
    await publishGuide(author, lidGuide('lid'));
    const download = await author.bytes('/api/studio/products/moving-grinder/export');
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/zip');
    exported = download.bytes;
    const entries = unzipSync(new Uint8Array(exported));
    expect(Object.keys(entries).sort()).toEqual(['model.glb', 'product.json', 'thumbnail.png']);
    const manifest = JSON.parse(Buffer.from(entries['product.json']!).toString('utf8')) as ProductArchive;
    expect(manifest).toMatchObject({ format: 'xr-assist-product', version: 1, placement: 'wall', details: { id: 'moving-grinder', sku: 'MG-1' } });
    expect(manifest.guides.map((guide) => [guide.id, guide.steps.map((step) => step.targetPartIds)])).toEqual([['moving-grinder-lid', [['lid'], ['hopper']]]]);
    original = (await fetch(`${first.url}/api/products/moving-grinder`).then((response) => response.json())) as ProductDetail;
    expect((await author.bytes('/api/studio/products/wheel-corner/export')).status).toBe(404);
  }, WORKER_TEST_TIMEOUT);

  it('imports it into a second installation, where the catalog shows the same product', async () => {
    const author = await studioClient(second);
    const imported = await author.upload<PublishResponse>('/api/studio/products/import', { 'moving-grinder.zip': exported });
    expect(imported.status).toBe(201);
    const copy = (await fetch(`${second.url}/api/products/moving-grinder`).then((response) => response.json())) as ProductDetail;
    expect(copy).toMatchObject({ sku: 'MG-1', placement: 'wall', productLine: 'coffee', priceCents: 9900 });
    (['width', 'height', 'depth'] as const).forEach((side) => expect(copy.dimensions[side]).toBeCloseTo(original.dimensions[side], 4));
    expect(copy.parts.map((part) => [part.id, part.sku, part.priceCents, part.stock])).toEqual(original.parts.map((part) => [part.id, part.sku, part.priceCents, part.stock]));
    copy.landmarks.forEach((landmark, index) => {
      expect(landmark.id).toBe(original.landmarks[index]?.id);
      landmark.position.forEach((value, axis) => expect(value).toBeCloseTo(original.landmarks[index]?.position[axis] ?? NaN, 3));
    });
    expect((await fetch(new URL(copy.modelUrl, second.url))).status).toBe(200);
    const guides = (await author.request<{ guides: Array<{ id: string; version: number; status: string }> }>('GET', '/api/guides?productId=moving-grinder')).body.guides;
    expect(guides).toMatchObject([{ id: 'moving-grinder-lid', version: 1, status: 'published' }]);
    const guide = (await author.request<{ guide: GuideInput }>('GET', '/api/guides/moving-grinder-lid')).body.guide;
    expect(guide).toEqual(manifestOf(exported).guides[0]);
  }, WORKER_TEST_TIMEOUT);

  it('refuses an archive whose guide targets a part the product does not have, naming it, and keeps nothing of it', async () => {
    const author = await studioClient(second);
    const entries = unzipSync(new Uint8Array(exported));
    const manifest = manifestOf(exported);
    const moved = { ...manifest, details: { ...manifest.details, id: 'other-grinder', sku: 'OG-1' }, guides: [{ ...lidGuide('gearbox'), id: 'other-lid', productId: 'other-grinder' }] };
    const refused = await author.upload<ErrorBody>('/api/studio/products/import', { 'other.zip': zipSync({ ...entries, 'product.json': Buffer.from(JSON.stringify(moved)) }) });
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/^The guide "other-lid" in product\.json is not valid: product\.json\.guides\.0\.steps\.0\.targetPartIds\.0 .*gearbox/);
    expect((await fetch(`${second.url}/api/products/other-grinder`)).status).toBe(404);
    expect((await author.request('GET', '/api/guides/other-lid')).status).toBe(404);
  }, WORKER_TEST_TIMEOUT);

  it('refuses the same product twice, and archives that are not ones, leaving no draft behind', async () => {
    const author = await studioClient(second);
    const before = await author.request<{ drafts: unknown[] }>('GET', '/api/studio/drafts');
    const twice = await author.upload<ErrorBody>('/api/studio/products/import', { 'again.zip': exported });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toBe('This installation already has a product "moving-grinder".');
    const entries = unzipSync(new Uint8Array(exported));
    const manifest = JSON.parse(Buffer.from(entries['product.json']!).toString('utf8')) as ProductArchive;
    const renamed = zipSync({ ...entries, 'product.json': Buffer.from(JSON.stringify({ ...manifest, details: { ...manifest.details, id: 'other-grinder', sku: 'OG-1' }, parts: [{ partId: 'gearbox', name: { en: 'Gearbox', es: 'Caja' } }], landmarks: [], guides: [] })) });
    const missingNode = await author.upload<ErrorBody>('/api/studio/products/import', { 'other.zip': renamed });
    expect(missingNode.status).toBe(400);
    expect(missingNode.body.error.message).toMatch(/no node for the part "gearbox"/);
    const stray = await author.upload<ErrorBody>('/api/studio/products/import', { 'stray.zip': zipSync({ ...entries, 'run.sh': Buffer.from('echo hi') }) });
    expect(stray.status).toBe(400);
    expect(stray.body.error.message).toBe('This is not a product exported from XR Assist: it holds "run.sh".');
    const after = await author.request<{ drafts: unknown[] }>('GET', '/api/studio/drafts');
    expect(after.body.drafts).toHaveLength(before.body.drafts.length);
  }, WORKER_TEST_TIMEOUT);
});
