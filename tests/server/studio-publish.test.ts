// Studio end to end on a real server: an author imports a model lying on its back, stands it up, maps parts with a SKU,
// sets landmarks and a thumbnail, publishes; the catalog serves it like a built-in product, after a restart too.
import { randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProductDetail, ProductList } from '../../core/catalog.ts';
import type { PublishResponse, StudioDraft, StudioLandmark } from '../../core/studio.ts';
import { readGlb, validatorErrors, vertexBounds } from '../fixtures/studio/inspect-glb.ts';
import { WORKER_TEST_TIMEOUT, glbBytes, namedPartsDocument } from '../fixtures/studio/model-fixtures.ts';
import { ADDRESS } from '../support/orders-api.ts';
import { nodeNamed, studioClient, thumbnailPng, type ErrorBody, type StudioClient } from '../support/studio-api.ts';
import { login, startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let author: StudioClient;
let draft: StudioDraft;

/** The grinder of the fixtures (0.21 × 0.42 × 0.2 m upright) turned +90° about X, as a model exported Z up arrives. */
async function lyingGrinder(): Promise<Uint8Array> {
  const document = await namedPartsDocument(64);
  document.getRoot().listNodes().find((node) => node.getName() === 'Grinder')?.setRotation([Math.SQRT1_2, 0, 0, Math.SQRT1_2]);
  return glbBytes(document);
}

async function glbFile(bytes: Buffer): Promise<string> {
  const file = path.join(await mkdtemp(path.join(tmpdir(), 'studio-glb-')), 'model.glb');
  await writeFile(file, bytes);
  return file;
}

beforeAll(async () => {
  server = await startTestServer();
  author = await studioClient(server);
}, WORKER_TEST_TIMEOUT);
afterAll(() => server.close());

describe('an author publishing an imported model', () => {
  it('uploads it and sees its parts tree and its size as imported', async () => {
    const uploaded = await author.upload('/api/studio/drafts', { 'grinder.glb': await lyingGrinder() });
    expect(uploaded.status).toBe(201);
    draft = uploaded.body.draft;
    expect(draft).toMatchObject({ status: 'draft', format: 'glb', sourceNames: ['grinder.glb'], scale: 1, placement: 'floor' });
    expect(['Body', 'Hopper', 'Lid', 'Button'].map((name) => nodeNamed(draft.tree, name).name)).toEqual(['Body', 'Hopper', 'Lid', 'Button']);
    expect(draft.measured.width).toBeCloseTo(0.21, 4);
    expect(draft.measured.height).toBeCloseTo(0.2, 4);
    expect(draft.measured.depth).toBeCloseTo(0.42, 4);
    expect(draft.publishProblems.map((problem) => problem.path)).toEqual(['parts', 'landmarks', 'thumbnail']);
    const model = await author.bytes(new URL(draft.modelUrl, server.url).pathname);
    expect(model.status).toBe(200);
    expect(model.headers.get('content-type')).toBe('model/gltf-binary');
    expect(model.headers.get('x-content-type-options')).toBe('nosniff');
  }, WORKER_TEST_TIMEOUT);

  it('stands it up, corrects a size only in proportion, maps three parts and sets four landmarks', async () => {
    const [body, hopper, lid] = ['Body', 'Hopper', 'Lid'].map((name) => nodeNamed(draft.tree, name));
    const stood = await author.request<{ draft: StudioDraft }>('PUT', `/api/studio/drafts/${draft.id}`, { orientation: { xTurns: 3, zTurns: 0, yawDegrees: 0 } });
    expect(stood.body.draft.dimensions).toEqual({ width: 0.21, height: 0.42, depth: 0.2 });

    const stretched = await author.request<ErrorBody>('PUT', `/api/studio/drafts/${draft.id}`, { dimensions: { width: 2.1, height: 0.42, depth: 0.2 } });
    expect(stretched.status).toBe(400);
    expect(stretched.body.error.message).toMatch(/proportions/);
    const tenfold = await author.request<{ draft: StudioDraft }>('PUT', `/api/studio/drafts/${draft.id}`, { dimensions: { width: 2.1, height: 4.2, depth: 2 } });
    expect(tenfold.body.draft.scale).toBeCloseTo(10, 9);
    expect(tenfold.body.draft.warnings.map((warning) => warning.code)).not.toContain('implausible-size');
    const undone = await author.request<{ draft: StudioDraft }>('PUT', `/api/studio/drafts/${draft.id}`, { dimensions: null });
    expect(undone.body.draft.scale).toBe(1);

    const unknownNode = await author.request<ErrorBody>('PUT', `/api/studio/drafts/${draft.id}`, { parts: [{ nodeId: 'n999', partId: 'ghost', name: { en: 'Ghost', es: 'Fantasma' } }] });
    expect(unknownNode.status).toBe(400);
    expect(unknownNode.body.error.issues).toEqual([{ path: 'parts.0.nodeId', message: 'the model has no node "n999"' }]);

    const top = (node = lid!) => [(node.bounds.min[0] + node.bounds.max[0]) / 2, (node.bounds.min[1] + node.bounds.max[1]) / 2, node.bounds.max[2]] as [number, number, number];
    const landmarks: StudioLandmark[] = [
      { id: 'lid-top', name: { en: 'Lid top', es: 'Tapa arriba' }, partId: 'lid', position: top() },
      { id: 'base-left', name: { en: 'Base left', es: 'Base izquierda' }, partId: 'body', position: body!.bounds.min },
      { id: 'base-right', name: { en: 'Base right', es: 'Base derecha' }, partId: 'body', position: [body!.bounds.max[0], body!.bounds.min[1], body!.bounds.min[2]] },
      { id: 'hopper-back', name: { en: 'Hopper back', es: 'Tolva detrás' }, partId: 'hopper', position: [hopper!.bounds.min[0], hopper!.bounds.max[1], hopper!.bounds.min[2]] },
    ];
    const edited = await author.request<{ draft: StudioDraft }>('PUT', `/api/studio/drafts/${draft.id}`, {
      details: { id: 'studio-grinder', sku: 'SG-100', name: { en: 'Studio grinder', es: 'Molinillo Studio' }, description: { en: 'A grinder.', es: 'Un molinillo.' }, productLine: 'coffee', priceCents: 12900 },
      parts: [
        { nodeId: body!.id, partId: 'body', name: { en: 'Body', es: 'Cuerpo' }, sku: 'SG-BODY-01', priceCents: 4900, stock: 3 },
        { nodeId: hopper!.id, partId: 'hopper', name: { en: 'Hopper', es: 'Tolva' } },
        { nodeId: lid!.id, partId: 'lid', name: { en: 'Lid', es: 'Tapa' } },
      ],
      landmarks,
    });
    expect(edited.status).toBe(200);
    expect(edited.body.draft.publishProblems).toEqual([{ path: 'thumbnail', message: 'capture a thumbnail from the 3D view' }]);

    const refused = await author.request<ErrorBody>('POST', `/api/studio/drafts/${draft.id}/publish`);
    expect(refused.status).toBe(400);
    expect(refused.body.error.message).toMatch(/capture a thumbnail/);
  });

  it('refuses a thumbnail that is not a PNG and keeps one that is', async () => {
    const jpeg = await author.request<ErrorBody>('POST', `/api/studio/drafts/${draft.id}/thumbnail`, Buffer.from('GIF89a not a png at all'));
    expect(jpeg.status).toBe(400);
    expect(jpeg.body.error.message).toMatch(/must be a PNG/);
    const huge = await author.request<ErrorBody>('POST', `/api/studio/drafts/${draft.id}/thumbnail`, Buffer.alloc(3 * 1024 * 1024, 1));
    expect(huge.status).toBe(413);
    expect(huge.body.error.message).toBe('The upload is larger than the limit of 2 MB.');
    const json = await author.request<ErrorBody>('POST', `/api/studio/drafts/${draft.id}/thumbnail`, { png: 'no' });
    expect(json.status).toBe(400);
    expect(json.body.error.message).toMatch(/must be a PNG/);
    const kept = await author.request<{ draft: StudioDraft }>('POST', `/api/studio/drafts/${draft.id}/thumbnail`, await thumbnailPng());
    expect(kept.status).toBe(200);
    expect(kept.body.draft.publishProblems).toEqual([]);
  });

  it('publishes: the catalog lists the product at its real size, with an orderable part and its landmarks', async () => {
    const published = await author.request<PublishResponse>('POST', `/api/studio/drafts/${draft.id}/publish`);
    expect(published.body).not.toHaveProperty('error');
    expect(published.status).toBe(200);
    expect(published.body.draft.status).toBe('published');
    const list = await fetch(`${server.url}/api/products`).then((response) => response.json() as Promise<ProductList>);
    const listed = list.products.find((product) => product.id === 'studio-grinder');
    expect(listed).toMatchObject({ sku: 'SG-100', productLine: 'coffee', placement: 'floor', dimensions: { width: 0.21, height: 0.42, depth: 0.2 } });

    const product = await fetch(`${server.url}/api/products/studio-grinder`).then((response) => response.json() as Promise<ProductDetail>);
    expect(product.parts.map((part) => [part.id, part.sku, part.priceCents, part.stock])).toEqual([
      ['body', 'SG-BODY-01', 4900, 3],
      ['hopper', 'SG-100-HOPPER', 0, 0],
      ['lid', 'SG-100-LID', 0, 0],
    ]);
    const lidTop = product.landmarks.find((landmark) => landmark.id === 'lid-top');
    expect(lidTop?.position[1]).toBeCloseTo(0.42, 4);
    expect(lidTop?.position[2]).toBeCloseTo(0, 4);

    const model = await fetch(new URL(product.modelUrl, server.url));
    expect(model.status).toBe(200);
    expect(model.headers.get('content-type')).toBe('model/gltf-binary');
    expect(model.headers.get('x-content-type-options')).toBe('nosniff');
    const file = await glbFile(Buffer.from(await model.arrayBuffer()));
    expect(await validatorErrors(file)).toEqual([]);
    const document = await readGlb(file);
    const root = document.getRoot().getDefaultScene()!.listChildren()[0]!;
    const bounds = vertexBounds(root);
    [0.21, 0.42, 0.2].forEach((side, axis) => expect((bounds.max[axis] ?? 0) - (bounds.min[axis] ?? 0)).toBeCloseTo(side, 3));
    expect(bounds.min[1]).toBeCloseTo(0, 4);
    for (const partId of ['body', 'hopper', 'lid']) expect(document.getRoot().listNodes().filter((node) => node.getName() === partId)).toHaveLength(1);
    const thumbnail = await fetch(new URL(product.thumbnailUrl, server.url));
    expect(thumbnail.headers.get('content-type')).toBe('image/png');

    const customer = await login(server, 'customer@demo.local');
    const order = await fetch(`${server.url}/api/orders`, {
      method: 'POST',
      headers: { authorization: `Bearer ${customer.token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ items: [{ sku: 'SG-BODY-01', quantity: 1 }], address: ADDRESS }),
    });
    expect(order.status).toBe(201);
    const unsold = await fetch(`${server.url}/api/orders`, {
      method: 'POST',
      headers: { authorization: `Bearer ${customer.token}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
      body: JSON.stringify({ items: [{ sku: 'SG-100-LID', quantity: 1 }], address: ADDRESS }),
    });
    expect(unsold.status).toBe(409);
  }, WORKER_TEST_TIMEOUT);

  it('is still in the catalog, with its files, after a restart', async () => {
    server = await server.restart();
    const product = await fetch(`${server.url}/api/products/studio-grinder`).then((response) => response.json() as Promise<ProductDetail>);
    expect(product.parts.find((part) => part.id === 'body')?.stock).toBe(2);
    expect((await fetch(new URL(product.modelUrl, server.url))).status).toBe(200);
    author = await studioClient(server);
    const again = await author.request<{ draft: StudioDraft }>('GET', `/api/studio/drafts/${draft.id}`);
    expect(again.body.draft).toMatchObject({ status: 'published', details: { id: 'studio-grinder' } });
  });

  it('keeps the stock that orders took when republished, and takes a count the author changed', async () => {
    const stockOfBody = async () => (await fetch(`${server.url}/api/products/studio-grinder`).then((response) => response.json() as Promise<ProductDetail>)).parts.find((part) => part.id === 'body')?.stock;
    const republished = await author.request<PublishResponse>('POST', `/api/studio/drafts/${draft.id}/publish`);
    expect(republished.status).toBe(200);
    expect(await stockOfBody()).toBe(2);

    const [body, hopper, lid] = ['Body', 'Hopper', 'Lid'].map((name) => nodeNamed(draft.tree, name));
    const restocked = await author.request<{ draft: StudioDraft }>('PUT', `/api/studio/drafts/${draft.id}`, {
      parts: [
        { nodeId: body!.id, partId: 'body', name: { en: 'Body', es: 'Cuerpo' }, sku: 'SG-BODY-01', priceCents: 4900, stock: 10 },
        { nodeId: hopper!.id, partId: 'hopper', name: { en: 'Hopper', es: 'Tolva' } },
        { nodeId: lid!.id, partId: 'lid', name: { en: 'Lid', es: 'Tapa' } },
      ],
    });
    expect(restocked.status).toBe(200);
    expect((await author.request<PublishResponse>('POST', `/api/studio/drafts/${draft.id}/publish`)).status).toBe(200);
    expect(await stockOfBody()).toBe(10);
  }, WORKER_TEST_TIMEOUT);
});
