// Studio on Postgres: a draft published, edited and published again (its parts' rows updated in place), exported, and
// a second product refused another's SKU.
import { expect, it } from 'vitest';
import type { ProductDetail } from '../../core/catalog.ts';
import type { PublishResponse, StudioDraft } from '../../core/studio.ts';
import { WORKER_TEST_TIMEOUT } from '../fixtures/studio/model-fixtures.ts';
import { describeOnPostgres } from '../support/postgres.ts';
import { publishGrinder, studioClient } from '../support/studio-api.ts';

await describeOnPostgres('Studio on Postgres', (postgres) => {
  it('publishes a draft, again with new stock and a part fewer, and again with the part back', async () => {
    const author = await studioClient(postgres.server);
    const first = await publishGrinder(author, 'pg-grinder', 'PG-1');
    expect(first.status).toBe(200);
    const { draft } = first.body;
    const parts = draft.parts.map((part) => (part.partId === 'body' ? { ...part, stock: 11 } : part)).filter((part) => part.partId !== 'hopper');
    const edited = await author.request<{ draft: StudioDraft }>('PUT', `/api/studio/drafts/${draft.id}`, { parts, landmarks: draft.landmarks.map((landmark) => ({ ...landmark, partId: landmark.partId === 'hopper' ? 'lid' : landmark.partId })) });
    expect(edited.status).toBe(200);
    const again = await author.request<PublishResponse>('POST', `/api/studio/drafts/${draft.id}/publish`);
    expect(again.status).toBe(200);
    const product = (await fetch(`${postgres.server.url}/api/products/pg-grinder`).then((response) => response.json())) as ProductDetail;
    expect(product.parts.map((part) => [part.id, part.stock])).toEqual([['body', 11], ['lid', 0]]);
    expect(product.modelUrl).not.toBe(first.body.product.modelUrl);
    expect((await fetch(new URL(product.modelUrl, postgres.server.url))).status).toBe(200);
    expect((await author.bytes('/api/studio/products/pg-grinder/export')).status).toBe(200);

    const back = await author.request('PUT', `/api/studio/drafts/${draft.id}`, { parts: draft.parts, landmarks: draft.landmarks });
    expect(back.status).toBe(200);
    expect((await author.request('POST', `/api/studio/drafts/${draft.id}/publish`)).status).toBe(200);
    const other = await publishGrinder(author, 'pg-grinder-two', 'PG-2');
    expect(other.status).toBe(200);
    const stolen = other.body.draft.parts.map((part) => (part.partId === 'body' ? { ...part, sku: 'PG-1-BODY' } : part));
    await author.request('PUT', `/api/studio/drafts/${other.body.draft.id}`, { parts: stolen });
    const refused = await author.request('POST', `/api/studio/drafts/${other.body.draft.id}/publish`);
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ error: { message: 'The SKU PG-1-BODY already belongs to another product: choose another SKU.' } });
    const unchanged = (await fetch(`${postgres.server.url}/api/products/pg-grinder-two`).then((response) => response.json())) as ProductDetail;
    expect(unchanged.parts.find((part) => part.id === 'body')?.sku).toBe('PG-2-BODY');
    expect((await fetch(new URL(unchanged.modelUrl, postgres.server.url))).status).toBe(200);
  }, WORKER_TEST_TIMEOUT);
});
