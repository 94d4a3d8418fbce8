// Orders over HTTP and Socket.IO against a real server and database file: rules, concurrency, idempotency, live status.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartDetail } from '../../core/catalog.ts';
import type { Order, PlaceOrderResponse, UsualItem, SavedAddress } from '../../core/order.ts';
import type { OrderStatusEvent } from '../../core/order-events.ts';
import type { Cart } from '../../core/cart.ts';
import { connectClient, emitWithAck, nextEvent, startTestServer, type ClientSocket, type TestServer } from '../support/test-server.ts';
import {
  ADDRESS,
  newKey,
  pickParts,
  placeOrder,
  setStock,
  signIn,
  stockOf,
  type ApiClient,
  type ErrorResponseBody,
} from '../support/orders-api.ts';

let server: TestServer;
let customer: ApiClient;
let tech: ApiClient;
let admin: ApiClient;
let pads: PartDetail;
let disc: PartDetail;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  [customer, tech, admin] = await Promise.all([signIn(server, 'customer@demo.local'), signIn(server, 'tech@demo.local'), signIn(server, 'admin@demo.local')]);
  ({ consumable: pads, other: disc } = await pickParts(server));
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await server.close();
});

async function socketOf(client: ApiClient): Promise<ClientSocket> {
  const socket = await connectClient(server, { token: client.token });
  sockets.push(socket);
  return socket;
}

async function orderCount(client: ApiClient): Promise<number> {
  const { body } = await client.get<{ orders: Order[] }>('/api/orders?limit=100');
  return body.orders.length;
}

describe('placing an order over HTTP', () => {
  it('answers 201 with an order priced by the server, with a human number and its status history', async () => {
    await setStock(admin, pads.sku, 100);
    const { status, body } = await placeOrder<PlaceOrderResponse>(customer, newKey(), { items: [{ sku: pads.sku, quantity: 2 }], address: ADDRESS });
    expect(status).toBe(201);
    expect(body.replayed).toBe(false);
    expect(body.order).toMatchObject({
      userId: customer.userId,
      status: 'placed',
      currency: 'EUR',
      totalCents: pads.priceCents * 2,
      items: [{ sku: pads.sku, quantity: 2, unitPriceCents: pads.priceCents, lineTotalCents: pads.priceCents * 2 }],
      address: ADDRESS,
      sessionId: null,
      statusHistory: [{ status: 'placed' }],
    });
    expect(body.order.number).toMatch(/^XR-\d{6}$/);
    expect(await stockOf(server, pads.sku)).toBe(98);
  });

  it('returns the same order with 200 when the idempotency key is replayed, and never a second one', async () => {
    const key = newKey();
    const request = { items: [{ sku: pads.sku, quantity: 1 }], address: ADDRESS };
    const first = await placeOrder<PlaceOrderResponse>(customer, key, request);
    const before = { stock: await stockOf(server, pads.sku), orders: await orderCount(customer) };
    const again = await placeOrder<PlaceOrderResponse>(customer, key, request);
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ order: first.body.order, replayed: true });
    expect({ stock: await stockOf(server, pads.sku), orders: await orderCount(customer) }).toEqual(before);
  });

  it('refuses a reused idempotency key carrying a different order', async () => {
    const key = newKey();
    await placeOrder(customer, key, { items: [{ sku: pads.sku, quantity: 1 }], address: ADDRESS });
    const other = await placeOrder<ErrorResponseBody>(customer, key, { items: [{ sku: pads.sku, quantity: 3 }], address: ADDRESS });
    expect(other.status).toBe(409);
    expect(other.body.error).toMatchObject({ code: 'conflict', message: expect.stringContaining('Use a new key') });
  });

  it('keeps idempotency keys per user: the same key from another user places their own order', async () => {
    const key = newKey();
    const mine = await placeOrder<PlaceOrderResponse>(customer, key, { items: [{ sku: pads.sku, quantity: 1 }], address: ADDRESS });
    const theirs = await placeOrder<PlaceOrderResponse>(tech, key, { items: [{ sku: pads.sku, quantity: 1 }], address: ADDRESS });
    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.order.id).not.toBe(mine.body.order.id);
  });

  it('checks out with a saved address, and can save the one it was given', async () => {
    const placed = await placeOrder<PlaceOrderResponse>(customer, newKey(), {
      items: [{ sku: pads.sku, quantity: 1 }],
      address: { ...ADDRESS, street: 'Gran Vía 2' },
      saveAddress: true,
    });
    expect(placed.status).toBe(201);
    const { body } = await customer.get<{ addresses: SavedAddress[] }>('/api/addresses');
    const saved = body.addresses.find((address) => address.street === 'Gran Vía 2');
    expect(saved).toBeDefined();
    const withSaved = await placeOrder<PlaceOrderResponse>(customer, newKey(), { items: [{ sku: pads.sku, quantity: 1 }], addressId: saved!.id });
    expect(withSaved.status).toBe(201);
    expect(withSaved.body.order.address).toEqual({ ...ADDRESS, street: 'Gran Vía 2' });
    const notMine = await placeOrder<ErrorResponseBody>(tech, newKey(), { items: [{ sku: pads.sku, quantity: 1 }], addressId: saved!.id });
    expect(notMine.status).toBe(404);
    expect(notMine.body.error.issues?.[0]?.path).toBe('addressId');
  });

  it('accepts the prices the buyer was shown when they are the server’s', async () => {
    const { status } = await placeOrder(customer, newKey(), {
      items: [{ sku: pads.sku, quantity: 2, unitPriceCents: pads.priceCents }],
      totalCents: pads.priceCents * 2,
      address: ADDRESS,
    });
    expect(status).toBe(201);
  });
});

describe('bad input is refused with a clear message and changes nothing', () => {
  const good = () => ({ items: [{ sku: pads.sku, quantity: 1 }], address: ADDRESS });
  const cases: Array<{ name: string; key?: string | null; body: () => unknown; status: number; code: string; message: RegExp; path?: string }> = [
    { name: 'unknown SKU', body: () => ({ items: [{ sku: 'NO-SUCH-PART-1', quantity: 1 }], address: ADDRESS }), status: 400, code: 'bad_request', message: /NO-SUCH-PART-1/, path: 'items.0.sku' },
    { name: 'malformed SKU', body: () => ({ items: [{ sku: 'brake pads', quantity: 1 }], address: ADDRESS }), status: 400, code: 'bad_request', message: /items\.0\.sku/, path: 'body.items.0.sku' },
    { name: 'quantity 0', body: () => ({ items: [{ sku: pads.sku, quantity: 0 }], address: ADDRESS }), status: 400, code: 'bad_request', message: /items\.0\.quantity must be at least 1/, path: 'body.items.0.quantity' },
    { name: 'negative quantity', body: () => ({ items: [{ sku: pads.sku, quantity: -3 }], address: ADDRESS }), status: 400, code: 'bad_request', message: /items\.0\.quantity/, path: 'body.items.0.quantity' },
    { name: 'quantity above 99', body: () => ({ items: [{ sku: pads.sku, quantity: 100 }], address: ADDRESS }), status: 400, code: 'bad_request', message: /at most 99/, path: 'body.items.0.quantity' },
    { name: 'fractional quantity', body: () => ({ items: [{ sku: pads.sku, quantity: 1.5 }], address: ADDRESS }), status: 400, code: 'bad_request', message: /whole number/, path: 'body.items.0.quantity' },
    { name: 'no items', body: () => ({ items: [], address: ADDRESS }), status: 400, code: 'bad_request', message: /at least one item/, path: 'body.items' },
    { name: 'the same SKU twice', body: () => ({ items: [{ sku: pads.sku, quantity: 1 }, { sku: pads.sku, quantity: 1 }], address: ADDRESS }), status: 400, code: 'bad_request', message: /appears twice/, path: 'body.items.1.sku' },
    { name: 'missing address', body: () => ({ items: [{ sku: pads.sku, quantity: 1 }] }), status: 400, code: 'bad_request', message: /delivery address is required/, path: 'address' },
    { name: 'address without city', body: () => ({ ...good(), address: { ...ADDRESS, city: ' ' } }), status: 400, code: 'bad_request', message: /address\.city is required/, path: 'body.address.city' },
    { name: 'unknown country', body: () => ({ ...good(), address: { ...ADDRESS, country: 'XX' } }), status: 400, code: 'bad_request', message: /ISO 3166-1/, path: 'body.address.country' },
    { name: 'tampered unit price', body: () => ({ items: [{ sku: pads.sku, quantity: 1, unitPriceCents: 1 }], address: ADDRESS }), status: 409, code: 'conflict', message: /Tampered or out-of-date price/, path: 'items.0.unitPriceCents' },
    { name: 'tampered total', body: () => ({ ...good(), totalCents: 1 }), status: 409, code: 'conflict', message: /Tampered or out-of-date price: the total is/, path: 'totalCents' },
    { name: 'a field the server does not take', body: () => ({ ...good(), userId: 'someone-else' }), status: 400, code: 'bad_request', message: /unknown field "userId"/ },
    { name: 'a line total sent by the client', body: () => ({ items: [{ sku: pads.sku, quantity: 1, lineTotalCents: 1 }], address: ADDRESS }), status: 400, code: 'bad_request', message: /unknown field "lineTotalCents"/ },
    { name: 'missing Idempotency-Key', key: null, body: good, status: 400, code: 'bad_request', message: /Idempotency-Key is required/, path: 'headers.Idempotency-Key' },
    { name: 'too short Idempotency-Key', key: 'short', body: good, status: 400, code: 'bad_request', message: /8 to 128 characters/, path: 'headers.Idempotency-Key' },
    { name: 'too long Idempotency-Key', key: 'k'.repeat(129), body: good, status: 400, code: 'bad_request', message: /8 to 128 characters/, path: 'headers.Idempotency-Key' },
  ];

  for (const testCase of cases) {
    it(`refuses ${testCase.name}`, async () => {
      const before = { pads: await stockOf(server, pads.sku), orders: await orderCount(customer) };
      const key = testCase.key === null ? undefined : (testCase.key ?? newKey());
      const { status, body } = await placeOrder<ErrorResponseBody>(customer, key, testCase.body());
      expect(status).toBe(testCase.status);
      expect(body.error.code).toBe(testCase.code);
      expect(body.error.message).toMatch(testCase.message);
      if (testCase.path) expect(body.error.issues?.map((issue) => issue.path)).toContain(testCase.path);
      expect({ pads: await stockOf(server, pads.sku), orders: await orderCount(customer) }).toEqual(before);
    });
  }

  it('refuses an order above the stock, saying how many are left, and changes nothing', async () => {
    await setStock(admin, disc.sku, 3);
    await setStock(admin, pads.sku, 50);
    const before = await orderCount(customer);
    const { status, body } = await placeOrder<ErrorResponseBody>(customer, newKey(), {
      items: [{ sku: pads.sku, quantity: 1 }, { sku: disc.sku, quantity: 5 }],
      address: ADDRESS,
    });
    expect(status).toBe(409);
    expect(body.error).toMatchObject({ code: 'out_of_stock', message: `Not enough stock: only 3 of ${disc.sku} left (you asked for 5).`, issues: [{ path: 'items.1.quantity', message: 'only 3 left' }] });
    expect([await stockOf(server, pads.sku), await stockOf(server, disc.sku), await orderCount(customer)]).toEqual([50, 3, before]);
  });

  it('refuses an order without a token', async () => {
    const response = await fetch(`${server.url}/api/orders`, { method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': newKey() }, body: JSON.stringify({ items: [{ sku: pads.sku, quantity: 1 }], address: ADDRESS }) });
    expect(response.status).toBe(401);
  });

  it('refuses stock changes by anyone but an admin, and a negative stock', async () => {
    expect((await customer.request('PATCH', `/api/parts/${pads.sku}`, { stock: 1000 })).status).toBe(403);
    const negative = await admin.request<ErrorResponseBody>('PATCH', `/api/parts/${pads.sku}`, { stock: -1 });
    expect(negative.status).toBe(400);
    expect(negative.body.error.issues?.[0]).toEqual({ path: 'body.stock', message: 'must be 0 or more' });
    expect((await admin.request('PATCH', '/api/parts/NO-SUCH-PART-1', { stock: 1 })).status).toBe(404);
  });
});

describe('concurrency', () => {
  it('200 concurrent orders for a part with stock 50 place exactly 50 orders and never oversell', async () => {
    await setStock(admin, disc.sku, 50);
    const before = await orderCount(tech);
    const results = await Promise.all(
      Array.from({ length: 200 }, () => placeOrder<PlaceOrderResponse & ErrorResponseBody>(tech, newKey('burst'), { items: [{ sku: disc.sku, quantity: 1 }], address: ADDRESS })),
    );
    const placed = results.filter((result) => result.status === 201);
    const refused = results.filter((result) => result.status === 409);
    expect(placed).toHaveLength(50);
    expect(refused).toHaveLength(150);
    expect(refused.every((result) => result.body.error.code === 'out_of_stock' && /out of stock \(0 left\)/.test(result.body.error.message))).toBe(true);
    expect(new Set(placed.map((result) => result.body.order.number)).size).toBe(50);
    expect(await stockOf(server, disc.sku)).toBe(0);
    expect(await orderCount(tech)).toBe(before + 50);
  });

  it('the same idempotency key sent 10 times at once places one order', async () => {
    await setStock(admin, pads.sku, 100);
    const key = newKey('same');
    const before = await orderCount(customer);
    const results = await Promise.all(Array.from({ length: 10 }, () => placeOrder<PlaceOrderResponse>(customer, key, { items: [{ sku: pads.sku, quantity: 4 }], address: ADDRESS })));
    expect(results.map((result) => result.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((result) => result.body.order.id)).size).toBe(1);
    expect(await orderCount(customer)).toBe(before + 1);
    expect(await stockOf(server, pads.sku)).toBe(96);
  });

  it('the same key sent 10 times at once for the last units in stock answers every retry with the one order', async () => {
    await setStock(admin, pads.sku, 4);
    const key = newKey('last');
    const results = await Promise.all(Array.from({ length: 10 }, () => placeOrder<PlaceOrderResponse>(customer, key, { items: [{ sku: pads.sku, quantity: 4 }], address: ADDRESS })));
    expect(results.map((result) => result.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((result) => result.body.order.id)).size).toBe(1);
    expect(await stockOf(server, pads.sku)).toBe(0);
    await setStock(admin, pads.sku, 100);
  });
});

describe('reading orders', () => {
  it('lists the caller’s orders newest first, and only theirs', async () => {
    const { body } = await customer.get<{ orders: Order[] }>('/api/orders?limit=100');
    expect(body.orders.length).toBeGreaterThan(0);
    expect(body.orders.every((order) => order.userId === customer.userId)).toBe(true);
    const times = body.orders.map((order) => order.createdAt);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect((await customer.get('/api/orders?limit=0')).status).toBe(400);
  });

  it('shows an order to its owner and an admin, and to nobody else', async () => {
    const { body } = await placeOrder<PlaceOrderResponse>(customer, newKey(), { items: [{ sku: pads.sku, quantity: 1 }], address: ADDRESS });
    const id = body.order.id;
    expect((await customer.get<{ order: Order }>(`/api/orders/${id}`)).body.order).toEqual(body.order);
    expect((await admin.get(`/api/orders/${id}`)).status).toBe(200);
    const other = await tech.get<ErrorResponseBody>(`/api/orders/${id}`);
    expect(other.status).toBe(404);
    expect((await customer.get<ErrorResponseBody>('/api/orders/not-an-id')).status).toBe(400);
  });
});

describe('order status', () => {
  it('moves forward only, is pushed live to every socket of the buyer and to nobody else', async () => {
    const [first, second, stranger] = await Promise.all([socketOf(customer), socketOf(customer), socketOf(tech)]);
    const { body } = await placeOrder<PlaceOrderResponse>(customer, newKey(), { items: [{ sku: pads.sku, quantity: 1 }], address: ADDRESS });
    const id = body.order.id;
    let strangerGotIt = false;
    stranger.on('order:status', () => (strangerGotIt = true));

    for (const status of ['confirmed', 'shipped', 'delivered'] as const) {
      const pushes = [nextEvent<OrderStatusEvent>(first, 'order:status'), nextEvent<OrderStatusEvent>(second, 'order:status')];
      const response = await admin.request<{ order: Order }>('PATCH', `/api/orders/${id}`, { status });
      expect(response.status).toBe(200);
      expect(response.body.order.status).toBe(status);
      for (const push of await Promise.all(pushes)) expect(push).toMatchObject({ orderId: id, number: body.order.number, status, order: { status } });
    }
    const { body: final } = await customer.get<{ order: Order }>(`/api/orders/${id}`);
    expect(final.order.statusHistory.map((change) => change.status)).toEqual(['placed', 'confirmed', 'shipped', 'delivered']);
    await emitWithAck(stranger, 'ping:echo', { at: 1 });
    expect(strangerGotIt).toBe(false);
  });

  it('refuses backward moves, cancelling a shipped order, and anyone but an admin', async () => {
    const { body } = await placeOrder<PlaceOrderResponse>(customer, newKey(), { items: [{ sku: pads.sku, quantity: 1 }], address: ADDRESS });
    const id = body.order.id;
    expect((await customer.request('PATCH', `/api/orders/${id}`, { status: 'confirmed' })).status).toBe(403);
    await admin.request('PATCH', `/api/orders/${id}`, { status: 'confirmed' });
    await admin.request('PATCH', `/api/orders/${id}`, { status: 'shipped' });
    const back = await admin.request<ErrorResponseBody>('PATCH', `/api/orders/${id}`, { status: 'placed' });
    expect(back.status).toBe(409);
    expect(back.body.error.message).toMatch(/is shipped and cannot become placed: it can only become delivered/);
    const cancel = await admin.request<ErrorResponseBody>('PATCH', `/api/orders/${id}`, { status: 'cancelled' });
    expect(cancel.status).toBe(409);
    const unknown = await admin.request<ErrorResponseBody>('PATCH', `/api/orders/${id}`, { status: 'lost' });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.issues?.[0]?.path).toBe('body.status');
  });

  it('cancelling before shipping puts the stock back', async () => {
    await setStock(admin, pads.sku, 20);
    const { body } = await placeOrder<PlaceOrderResponse>(customer, newKey(), { items: [{ sku: pads.sku, quantity: 5 }], address: ADDRESS });
    expect(await stockOf(server, pads.sku)).toBe(15);
    await admin.request('PATCH', `/api/orders/${body.order.id}`, { status: 'confirmed' });
    const cancelled = await admin.request<{ order: Order }>('PATCH', `/api/orders/${body.order.id}`, { status: 'cancelled' });
    expect(cancelled.body.order.status).toBe('cancelled');
    expect(await stockOf(server, pads.sku)).toBe(20);
    const again = await admin.request<{ order: Order }>('PATCH', `/api/orders/${body.order.id}`, { status: 'cancelled' });
    expect(again.status).toBe(200);
    expect(await stockOf(server, pads.sku)).toBe(20);
  });
});

describe('ordering over Socket.IO', () => {
  it('places an order with the idempotency key in the payload, acks after commit, replays the same order', async () => {
    await setStock(admin, pads.sku, 30);
    const socket = await socketOf(customer);
    const other = await socketOf(customer);
    const placedPush = nextEvent<{ order: Order }>(other, 'order:placed');
    const payload = { idempotencyKey: newKey('socket'), items: [{ sku: pads.sku, quantity: 3 }], address: ADDRESS };
    const first = await emitWithAck<{ ok: true } & PlaceOrderResponse>(socket, 'order:place', payload);
    expect(first).toMatchObject({ ok: true, replayed: false, order: { status: 'placed', totalCents: pads.priceCents * 3 } });
    expect((await placedPush).order.id).toBe(first.order.id);
    expect((await customer.get<{ order: Order }>(`/api/orders/${first.order.id}`)).status).toBe(200);
    const again = await emitWithAck<{ ok: true } & PlaceOrderResponse>(socket, 'order:place', payload);
    expect(again).toMatchObject({ ok: true, replayed: true, order: { id: first.order.id } });
    expect(await stockOf(server, pads.sku)).toBe(27);
  });

  it('refuses bad payloads and anonymous sockets with an error ack', async () => {
    const socket = await socketOf(customer);
    const noKey = await emitWithAck<ErrorResponseBody & { ok: false }>(socket, 'order:place', { items: [{ sku: pads.sku, quantity: 1 }], address: ADDRESS });
    expect(noKey).toMatchObject({ ok: false, error: { code: 'bad_request', issues: [{ path: 'idempotencyKey' }] } });
    const tooMany = await emitWithAck(socket, 'order:place', { idempotencyKey: newKey(), items: [{ sku: pads.sku, quantity: 500 }], address: ADDRESS });
    expect(tooMany).toMatchObject({ ok: false, error: { code: 'bad_request', message: expect.stringContaining('items.0.quantity must be at most 99') } });
    const anonymous = await connectClient(server);
    sockets.push(anonymous);
    expect(await emitWithAck(anonymous, 'order:place', { idempotencyKey: newKey(), items: [{ sku: pads.sku, quantity: 1 }], address: ADDRESS })).toMatchObject({
      ok: false,
      error: { code: 'unauthorized' },
    });
  });
});

describe('reorder', () => {
  it('puts the last order’s items into the cart', async () => {
    await customer.request('DELETE', '/api/cart');
    await setStock(admin, disc.sku, 10);
    await placeOrder(customer, newKey(), { items: [{ sku: pads.sku, quantity: 2 }, { sku: disc.sku, quantity: 1 }], address: ADDRESS });
    const { status, body } = await customer.request<{ cart: Cart; fromOrder: { number: string } }>('POST', '/api/orders/reorder-last');
    expect(status).toBe(200);
    expect(body.cart.items.map(({ sku, quantity }) => ({ sku, quantity }))).toEqual(
      expect.arrayContaining([
        { sku: pads.sku, quantity: 2 },
        { sku: disc.sku, quantity: 1 },
      ]),
    );
    expect(body.cart.items).toHaveLength(2);
    expect(body.cart.totalCents).toBe(pads.priceCents * 2 + disc.priceCents);
  });

  it('suggests the usual: consumables ordered at least twice, with the most frequent quantity', async () => {
    const buyer = await signIn(server, 'agent.es@demo.local');
    expect((await buyer.request('POST', '/api/orders/reorder-last')).status).toBe(404);
    await setStock(admin, pads.sku, 50);
    await setStock(admin, disc.sku, 50);
    for (const quantity of [4, 2, 4]) await placeOrder(buyer, newKey(), { items: [{ sku: pads.sku, quantity }, { sku: disc.sku, quantity: 1 }], address: ADDRESS });
    const { body } = await buyer.get<{ items: UsualItem[] }>('/api/orders/usual');
    expect(body.items).toEqual([expect.objectContaining({ sku: pads.sku, quantity: 4, timesOrdered: 3, unitPriceCents: pads.priceCents })]);
    const { body: usual } = await buyer.request<{ cart: Cart }>('POST', '/api/orders/reorder-usual');
    expect(usual.cart.items.map(({ sku, quantity }) => ({ sku, quantity }))).toEqual([{ sku: pads.sku, quantity: 4 }]);
  });
});

describe('saved addresses', () => {
  it('saves, lists, deduplicates and deletes a user’s addresses', async () => {
    const buyer = await signIn(server, 'agent@demo.local');
    const created = await buyer.request<{ address: SavedAddress }>('POST', '/api/addresses', { ...ADDRESS, country: 'de', city: 'Berlin' });
    expect(created.status).toBe(201);
    expect(created.body.address).toMatchObject({ city: 'Berlin', country: 'DE' });
    const again = await buyer.request<{ address: SavedAddress }>('POST', '/api/addresses', { ...ADDRESS, country: 'DE', city: 'Berlin' });
    expect(again.status).toBe(200);
    expect(again.body.address.id).toBe(created.body.address.id);
    const bad = await buyer.request<ErrorResponseBody>('POST', '/api/addresses', { ...ADDRESS, postalCode: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues?.[0]?.path).toBe('body.postalCode');
    expect((await tech.request('DELETE', `/api/addresses/${created.body.address.id}`)).status).toBe(404);
    const list = await buyer.request<{ addresses: SavedAddress[] }>('DELETE', `/api/addresses/${created.body.address.id}`);
    expect(list.body.addresses.some((address) => address.id === created.body.address.id)).toBe(false);
  });
});

describe('OpenAPI', () => {
  it('documents the order, cart and address routes with the Idempotency-Key header', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, { parameters: Array<{ name: string }> }>> };
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/orders', '/api/orders/{id}', '/api/cart', '/api/cart/items/{sku}', '/api/addresses']));
    expect(doc.paths['/api/orders']?.post?.parameters.map((parameter) => parameter.name)).toContain('Idempotency-Key');
  });
});
