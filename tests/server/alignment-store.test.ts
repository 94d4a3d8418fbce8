// Saved alignments of installed assets over HTTP and Socket.IO, on a real database file that outlives a restart.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AlignmentResponse } from '../../core/asset-alignment.ts';
import { requestJson, signIn, type ApiClient, type ErrorResponseBody } from '../support/orders-api.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { closeAll, ok, refused, signIn as signInSocket } from './assist-support.ts';

let server: TestServer;
let tech: ApiClient;
let customer: ApiClient;

const half = Math.SQRT1_2;
const FIT = {
  productId: 'wheel-corner',
  transform: { position: [1.2, 0, -0.8], quaternion: [0, half, 0, half] },
  rmsError: 0.004,
  landmarkIds: ['hub-centre-cap', 'tyre-bottom', 'tyre-tread-side'],
};

beforeAll(async () => {
  server = await startTestServer();
  [tech, customer] = await Promise.all([signIn(server, 'tech@demo.local'), signIn(server, 'customer@demo.local')]);
});
afterAll(async () => {
  closeAll();
  await server.close();
});

describe('alignment over HTTP', () => {
  it('saves a technician’s alignment per asset and answers it after a restart', async () => {
    const saved = await tech.request<AlignmentResponse>('PUT', '/api/assets/WC-0001/alignment', FIT);
    expect(saved.status).toBe(200);
    expect(saved.body.alignment).toMatchObject({ ...FIT, assetId: 'WC-0001', savedBy: tech.userId });
    expect(saved.body.alignment.savedAt).toBeLessThanOrEqual(Date.now());

    server = await server.restart();
    const again = await signIn(server, 'customer@demo.local');
    const read = await again.get<AlignmentResponse>('/api/assets/WC-0001/alignment');
    expect(read).toEqual({ status: 200, body: saved.body });
    tech = await signIn(server, 'tech@demo.local');
    customer = again;
  });

  it('replaces the alignment of the same asset and keeps the asset’s product', async () => {
    const moved = { ...FIT, transform: { position: [0, 0, 0], quaternion: [0, 0, 0, 1] }, rmsError: 0.01 };
    expect((await tech.request<AlignmentResponse>('PUT', '/api/assets/WC-0002/alignment', FIT)).status).toBe(200);
    const replaced = await tech.request<AlignmentResponse>('PUT', '/api/assets/WC-0002/alignment', moved);
    expect(replaced.body.alignment).toMatchObject({ transform: moved.transform, rmsError: 0.01 });
    const other = await tech.request<ErrorResponseBody>('PUT', '/api/assets/WC-0002/alignment', {
      ...FIT,
      productId: 'espresso-machine',
      landmarkIds: ['body-top-front-left', 'body-top-back-right', 'group-head-front'],
    });
    expect(other.status).toBe(409);
    expect((await tech.get<AlignmentResponse>('/api/assets/WC-0002/alignment')).body.alignment.productId).toBe('wheel-corner');
  });

  it('refuses a bad fit, unknown or repeated landmarks and a non-unit rotation with the field named', async () => {
    const bad = await tech.request<ErrorResponseBody>('PUT', '/api/assets/WC-0003/alignment', {
      ...FIT,
      transform: { position: [0, 0, 0], quaternion: [0, 0, 0, 2] },
      rmsError: 0.05,
      landmarkIds: ['hub-centre-cap', 'hub-centre-cap', 'steering-wheel'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues?.map((issue) => issue.path)).toEqual(['transform.quaternion', 'rmsError', 'landmarkIds.1', 'landmarkIds.2', 'landmarkIds']);
    expect((await tech.request('PUT', '/api/assets/WC-0003/alignment', { ...FIT, productId: 'time-machine' })).status).toBe(404);
    expect((await tech.request('PUT', '/api/assets/bad%20id/alignment', FIT)).status).toBe(400);
    expect(await tech.get('/api/assets/WC-0003/alignment')).toEqual({ status: 200, body: { alignment: null } });
  });

  it('lets only technicians and admins save, and only signed-in people read', async () => {
    expect((await customer.request('PUT', '/api/assets/WC-0004/alignment', FIT)).status).toBe(403);
    expect((await requestJson(`${server.url}/api/assets/WC-0001/alignment`, 'GET')).status).toBe(401);
  });
});

describe('alignment over Socket.IO', () => {
  it('saves and reads with the same payloads and rules', async () => {
    const techSocket = await signInSocket(server, 'tech@demo.local');
    const customerSocket = await signInSocket(server, 'customer@demo.local');
    const { alignment } = await ok(techSocket.socket, 'alignment:save', { assetId: 'WH-7', ...FIT, productId: 'water-heater', landmarkIds: ['casing-top-front-left', 'casing-top-front-right', 'casing-bottom-front-left'] });
    expect(alignment).toMatchObject({ assetId: 'WH-7', productId: 'water-heater', savedBy: techSocket.user.id });
    expect(await ok(customerSocket.socket, 'alignment:get', { assetId: 'WH-7' })).toEqual({ ok: true, alignment });
    expect((await tech.get<AlignmentResponse>('/api/assets/WH-7/alignment')).body.alignment).toEqual(alignment);
    await refused(customerSocket.socket, 'alignment:save', { assetId: 'WH-8', ...FIT }, 'forbidden');
    expect(await ok(customerSocket.socket, 'alignment:get', { assetId: 'WH-8' })).toEqual({ ok: true, alignment: null });
    await refused(techSocket.socket, 'alignment:save', { assetId: 'WH-8', ...FIT, rmsError: 0.5 }, 'bad_request');
  });
});
