// The HTTP API as integrators meet it: the served OpenAPI document passes Redocly's recommended rules, the typed client
// generated from it is current, and that client signs in, shops and signs out against a real server.
import fs from 'node:fs';
import { randomUUID } from 'node:crypto';
import createClient from 'openapi-fetch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import packageJson from '../../package.json' with { type: 'json' };
import type { paths } from '../support/api-types.generated.ts';
import { API_TYPES_FILE, generateApiTypes, lintDocument, servedDocument } from '../support/openapi-tools.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
let document: Record<string, unknown>;
beforeAll(async () => {
  server = await startTestServer();
  document = await servedDocument(server);
});
afterAll(() => server.close());

describe('the OpenAPI document', () => {
  it('passes `redocly lint` with the recommended rules: no errors, no warnings', async () => {
    const problems = await lintDocument(document);
    // The document names the license package.json declares; the project has not chosen one yet.
    const expected = (packageJson as { license?: string }).license ? [] : [{ ruleId: 'info-license', severity: 'warn', message: 'Info object should contain `license` field.', pointer: '#/info' }];
    expect(problems).toEqual(expected);
  });

  it('names every operation and describes /api/config', () => {
    const paths = document.paths as Record<string, Record<string, { operationId?: string }>>;
    const operations = Object.values(paths).flatMap((item) => Object.values(item));
    expect(operations.every((operation) => typeof operation.operationId === 'string')).toBe(true);
    expect(new Set(operations.map((operation) => operation.operationId)).size).toBe(operations.length);
    expect(paths['/api/config']?.get?.operationId).toBe('getClientConfig');
  });

  it('is what the committed typed client was generated from (`npm run openapi:types` when this fails)', async () => {
    expect(await generateApiTypes(document)).toBe(fs.readFileSync(API_TYPES_FILE, 'utf8'));
  });
});

describe('the typed client generated from the document', () => {
  it('signs in, reads the catalog, fills the cart, places an order, reads it back and signs out', async () => {
    const api = createClient<paths>({ baseUrl: server.url });
    const signedIn = await api.POST('/api/auth/login', { body: { email: 'customer@demo.local', password: 'demo' } });
    expect(signedIn.response.status).toBe(200);
    const token = signedIn.data!.token;
    const headers = { authorization: `Bearer ${token}` };

    const products = await api.GET('/api/products');
    const wheel = products.data!.products.find((product) => product.id === 'wheel-corner');
    expect(wheel).toBeDefined();
    const detail = await api.GET('/api/products/{id}', { params: { path: { id: 'wheel-corner' } } });
    const part = detail.data!.parts[0]!;

    const cart = await api.POST('/api/cart/items', { headers, body: { sku: part.sku, quantity: 2 } });
    expect(cart.data!.cart.items).toEqual([expect.objectContaining({ sku: part.sku, quantity: 2 })]);

    const placed = await api.POST('/api/orders', {
      params: { header: { 'Idempotency-Key': randomUUID() } },
      headers,
      body: { items: [{ sku: part.sku, quantity: 2 }], address: { name: 'Carmen', street: 'Calle Mayor 1', city: 'Madrid', postalCode: '28013', country: 'ES' } },
    });
    expect(placed.response.status).toBe(201);
    const order = await api.GET('/api/orders/{id}', { params: { path: { id: placed.data!.order.id } }, headers });
    expect(order.data!.order.items.map((item) => [item.sku, item.quantity])).toEqual([[part.sku, 2]]);

    const config = await api.GET('/api/config');
    expect(config.data).toEqual({ iceServers: [] });

    expect((await api.POST('/api/auth/logout', { headers })).response.status).toBe(204);
    const after = await api.GET('/api/auth/me', { headers });
    expect(after.response.status).toBe(401);
    expect(after.error?.error.code).toBe('unauthorized');
  });
});
