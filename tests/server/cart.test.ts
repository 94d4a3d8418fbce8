// The server-side cart over HTTP and Socket.IO: priced by the server, pushed to every device of its owner, private.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartDetail } from '../../core/catalog.ts';
import type { Cart, CartResponse } from '../../core/cart.ts';
import { connectClient, emitWithAck, nextEvent, startTestServer, type ClientSocket, type TestServer } from '../support/test-server.ts';
import { ADDRESS, newKey, pickParts, placeOrder, setStock, signIn, type ApiClient, type ErrorResponseBody } from '../support/orders-api.ts';

let server: TestServer;
let customer: ApiClient;
let tech: ApiClient;
let pads: PartDetail;
let disc: PartDetail;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  [customer, tech] = await Promise.all([signIn(server, 'customer@demo.local'), signIn(server, 'tech@demo.local')]);
  ({ consumable: pads, other: disc } = await pickParts(server));
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await server.close();
});

async function socketOf(client: ApiClient | null): Promise<ClientSocket> {
  const socket = await connectClient(server, client ? { token: client.token } : {});
  sockets.push(socket);
  return socket;
}

const lines = (cart: Cart) => cart.items.map(({ sku, quantity }) => ({ sku, quantity }));

describe('cart over HTTP', () => {
  it('starts empty, sets, adds and removes lines, priced by the server', async () => {
    await customer.request('DELETE', '/api/cart');
    expect((await customer.get<CartResponse>('/api/cart')).body.cart).toEqual({ items: [], totalCents: 0, currency: 'EUR', updatedAt: null });
    await customer.request('PUT', `/api/cart/items/${pads.sku}`, { quantity: 2 });
    const added = await customer.request<CartResponse>('POST', '/api/cart/items', { sku: disc.sku, quantity: 1 });
    expect(added.status).toBe(200);
    expect(added.body.cart).toMatchObject({ totalCents: pads.priceCents * 2 + disc.priceCents, currency: 'EUR' });
    expect(added.body.cart.items.find((item) => item.sku === pads.sku)).toMatchObject({ unitPriceCents: pads.priceCents, lineTotalCents: pads.priceCents * 2, name: pads.name });
    const more = await customer.request<CartResponse>('POST', '/api/cart/items', { sku: pads.sku, quantity: 3 });
    expect(lines(more.body.cart)).toEqual(expect.arrayContaining([{ sku: pads.sku, quantity: 5 }]));
    const removed = await customer.request<CartResponse>('PUT', `/api/cart/items/${pads.sku}`, { quantity: 0 });
    expect(lines(removed.body.cart)).toEqual([{ sku: disc.sku, quantity: 1 }]);
    const deleted = await customer.request<CartResponse>('DELETE', `/api/cart/items/${disc.sku}`);
    expect(deleted.body.cart.items).toEqual([]);
  });

  it('refuses bad quantities, unknown parts, foreign fields and anonymous callers, changing nothing', async () => {
    await customer.request('DELETE', '/api/cart');
    await customer.request('PUT', `/api/cart/items/${pads.sku}`, { quantity: 98 });
    const refusals: Array<[Promise<{ status: number; body: unknown }>, number, string]> = [
      [customer.request('PUT', `/api/cart/items/${pads.sku}`, { quantity: 100 }), 400, 'body.quantity must be at most 99'],
      [customer.request('PUT', `/api/cart/items/${pads.sku}`, { quantity: -1 }), 400, 'body.quantity must be 0 (to remove) or more'],
      [customer.request('PUT', `/api/cart/items/${pads.sku}`, { quantity: '3' }), 400, 'body.quantity must be a number'],
      [customer.request('POST', '/api/cart/items', { sku: pads.sku, quantity: 2 }), 400, `would hold 100 of ${pads.sku}`],
      [customer.request('POST', '/api/cart/items', { sku: pads.sku, quantity: 0 }), 400, 'body.quantity must be at least 1'],
      [customer.request('PUT', '/api/cart/items/NO-SUCH-PART-1', { quantity: 1 }), 404, 'no part with SKU "NO-SUCH-PART-1"'],
      [customer.request('PUT', `/api/cart/items/${pads.sku}`, { quantity: 1, unitPriceCents: 1 }), 400, 'unknown field "unitPriceCents"'],
      [customer.request('PUT', `/api/cart/items/${pads.sku}`, { quantity: 1, userId: tech.userId }), 400, 'unknown field "userId"'],
    ];
    for (const [response, status, message] of refusals) {
      const { status: got, body } = await response;
      expect(got).toBe(status);
      expect((body as ErrorResponseBody).error.message).toContain(message);
    }
    expect((await fetch(`${server.url}/api/cart`)).status).toBe(401);
    expect(lines((await customer.get<CartResponse>('/api/cart')).body.cart)).toEqual([{ sku: pads.sku, quantity: 98 }]);
  });

  it('is private: another user sees their own cart and cannot reach this one', async () => {
    await customer.request('PUT', `/api/cart/items/${disc.sku}`, { quantity: 1 });
    await tech.request('DELETE', '/api/cart');
    expect((await tech.get<CartResponse>('/api/cart')).body.cart.items).toEqual([]);
    expect((await customer.get<CartResponse>('/api/cart')).body.cart.items.length).toBeGreaterThan(0);
  });
});

describe('cart over Socket.IO', () => {
  it('follows the user across two sockets and the HTTP API, and stays away from other users', async () => {
    await customer.request('DELETE', '/api/cart');
    const [phone, headset, stranger] = await Promise.all([socketOf(customer), socketOf(customer), socketOf(tech)]);
    let strangerPushes = 0;
    stranger.on('cart:updated', () => (strangerPushes += 1));

    const onHeadset = nextEvent<CartResponse>(headset, 'cart:updated');
    const ack = await emitWithAck<{ ok: true } & CartResponse>(phone, 'cart:set-item', { sku: pads.sku, quantity: 2 });
    expect(ack.ok).toBe(true);
    expect(lines((await onHeadset).cart)).toEqual([{ sku: pads.sku, quantity: 2 }]);

    const onPhone = nextEvent<CartResponse>(phone, 'cart:updated');
    await emitWithAck(headset, 'cart:add-item', { sku: disc.sku, quantity: 1 });
    expect(lines((await onPhone).cart)).toEqual(expect.arrayContaining([{ sku: pads.sku, quantity: 2 }, { sku: disc.sku, quantity: 1 }]));

    const fromHttp = Promise.all([nextEvent<CartResponse>(phone, 'cart:updated'), nextEvent<CartResponse>(headset, 'cart:updated')]);
    await customer.request('PUT', `/api/cart/items/${pads.sku}`, { quantity: 5 });
    for (const push of await fromHttp) expect(push.cart.items.find((item) => item.sku === pads.sku)?.quantity).toBe(5);

    const got = await emitWithAck<{ ok: true } & CartResponse>(headset, 'cart:get', {});
    expect(got.cart.totalCents).toBe(pads.priceCents * 5 + disc.priceCents);
    const cleared = await emitWithAck<{ ok: true } & CartResponse>(phone, 'cart:clear', {});
    expect(cleared.cart.items).toEqual([]);
    await emitWithAck(stranger, 'ping:echo', { at: 1 });
    expect(strangerPushes).toBe(0);
  });

  it('applies an add sent again with the same change id once, even from another socket and concurrently', async () => {
    await customer.request('DELETE', '/api/cart');
    const [phone, headset] = await Promise.all([socketOf(customer), socketOf(customer)]);
    const add = (socket: ClientSocket, changeId: string) => emitWithAck<{ ok: true } & CartResponse>(socket, 'cart:add-item', { sku: pads.sku, quantity: 2, changeId });
    await add(phone, 'change-0001');
    const resent = await Promise.all([add(phone, 'change-0001'), add(headset, 'change-0001'), add(headset, 'change-0001')]);
    for (const answer of resent) expect(lines(answer.cart)).toEqual([{ sku: pads.sku, quantity: 2 }]);
    expect(lines((await add(headset, 'change-0002')).cart)).toEqual([{ sku: pads.sku, quantity: 4 }]);
    const other = await socketOf(tech);
    expect(lines((await emitWithAck<{ ok: true } & CartResponse>(other, 'cart:add-item', { sku: pads.sku, quantity: 1, changeId: 'change-0001' })).cart)).toEqual([{ sku: pads.sku, quantity: 1 }]);
    expect(await emitWithAck(phone, 'cart:add-item', { sku: pads.sku, quantity: 1, changeId: 'short' })).toMatchObject({ ok: false, error: { code: 'bad_request', issues: [{ path: 'changeId' }] } });
    expect(lines((await customer.get<CartResponse>('/api/cart')).body.cart)).toEqual([{ sku: pads.sku, quantity: 4 }]);
    await emitWithAck(other, 'cart:clear', {});
  });

  it('answers bad payloads and anonymous sockets with error acks', async () => {
    const socket = await socketOf(customer);
    expect(await emitWithAck(socket, 'cart:set-item', { sku: pads.sku, quantity: 100 })).toMatchObject({ ok: false, error: { code: 'bad_request', issues: [{ path: 'quantity' }] } });
    expect(await emitWithAck(socket, 'cart:set-item', { sku: 'NO-SUCH-PART-1', quantity: 1 })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    const anonymous = await socketOf(null);
    expect(await emitWithAck(anonymous, 'cart:get', {})).toMatchObject({ ok: false, error: { code: 'unauthorized' } });
  });

  it('an order placed with clearCart removes the ordered lines in the same transaction and pushes the cart', async () => {
    const admin = await signIn(server, 'admin@demo.local');
    await setStock(admin, pads.sku, 10);
    await customer.request('DELETE', '/api/cart');
    await customer.request('PUT', `/api/cart/items/${pads.sku}`, { quantity: 2 });
    await customer.request('PUT', `/api/cart/items/${disc.sku}`, { quantity: 1 });
    const socket = await socketOf(customer);
    const pushed = nextEvent<CartResponse>(socket, 'cart:updated');
    const { status } = await placeOrder(customer, newKey(), { items: [{ sku: pads.sku, quantity: 2 }], address: ADDRESS, clearCart: true });
    expect(status).toBe(201);
    expect(lines((await pushed).cart)).toEqual([{ sku: disc.sku, quantity: 1 }]);
  });
});
