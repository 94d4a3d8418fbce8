// The back office's reads over HTTP on a real server and database file: everyone's orders (by status, with the buyer)
// and every part's stock, for admins only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartDetail } from '../../core/catalog.ts';
import type { AdminOrderList, PlaceOrderResponse } from '../../core/order.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { ADDRESS, newKey, pickParts, placeOrder, setStock, signIn, type ApiClient, type ErrorResponseBody } from '../support/orders-api.ts';

let server: TestServer;
let customer: ApiClient;
let tech: ApiClient;
let admin: ApiClient;
let pads: PartDetail;

beforeAll(async () => {
  server = await startTestServer();
  [customer, tech, admin] = await Promise.all([signIn(server, 'customer@demo.local'), signIn(server, 'tech@demo.local'), signIn(server, 'admin@demo.local')]);
  ({ consumable: pads } = await pickParts(server));
  await setStock(admin, pads.sku, 40);
});
afterAll(async () => {
  await server.close();
});

describe('the back office', () => {
  it('lists everyone’s orders newest first with who placed each, and filters them by status', async () => {
    const first = await placeOrder<PlaceOrderResponse>(customer, newKey(), { items: [{ sku: pads.sku, quantity: 1 }], address: ADDRESS });
    const second = await placeOrder<PlaceOrderResponse>(tech, newKey(), { items: [{ sku: pads.sku, quantity: 2 }], address: ADDRESS });
    await admin.request('PATCH', `/api/orders/${first.body.order.id}`, { status: 'confirmed' });

    const all = await admin.get<AdminOrderList>('/api/admin/orders');
    expect(all.status).toBe(200);
    expect(all.body.orders.map((order) => order.number).slice(0, 2)).toEqual([second.body.order.number, first.body.order.number]);
    expect(all.body.orders[0]).toMatchObject({ status: 'placed', buyer: { name: 'Tomás Technician', email: 'tech@demo.local' }, items: [{ sku: pads.sku, quantity: 2 }] });
    expect(all.body.orders[1]?.buyer?.email).toBe('customer@demo.local');

    const confirmed = await admin.get<AdminOrderList>('/api/admin/orders?status=confirmed');
    expect(confirmed.body.orders.map((order) => order.id)).toEqual([first.body.order.id]);
    const wrong = await admin.get<ErrorResponseBody>('/api/admin/orders?status=lost');
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.issues?.[0]?.path).toBe('query.status');
  });

  it('lists every part with its stock and the products it fits, as the shop sells it', async () => {
    const { status, body } = await admin.get<{ parts: PartDetail[] }>('/api/parts');
    expect(status).toBe(200);
    expect(body.parts.map((part) => part.sku)).toEqual([...body.parts.map((part) => part.sku)].sort());
    expect(body.parts.find((part) => part.sku === pads.sku)).toMatchObject({ stock: 37, productIds: pads.productIds, priceCents: pads.priceCents });
  });

  it('answers only admins', async () => {
    for (const path of ['/api/admin/orders', '/api/parts']) {
      expect((await customer.get(path)).status).toBe(403);
      expect((await tech.get(path)).status).toBe(403);
      expect((await fetch(`${server.url}${path}`)).status).toBe(401);
    }
  });
});
