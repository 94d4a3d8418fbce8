// "The usual" cases over HTTP, run on SQLite and on Postgres: seeded orders whose right answer is known (who qualifies,
// the usual and the last quantity, the last address), a guide's product scope, and one tap through the order route.
import { expect } from 'vitest';
import type { Address, Order, PlaceOrderResponse, UsualItem } from '../../core/order.ts';
import { createUser } from '../../server/auth/user-repository.ts';
import { ADDRESS, newKey, placeOrder, setStock, signIn, stockOf, type ApiClient, type ErrorResponseBody } from '../support/orders-api.ts';
import type { TestServer } from '../support/test-server.ts';

const PADS = 'WC-PAD-01';
const COFFEE_FILTER = 'EM-FLT-01';
const HEATER_FILTER = 'WH-FLT-01';
export const BERLIN: Address = { name: 'Carmen Customer', street: 'Unter den Linden 5', city: 'Berlin', postalCode: '10117', country: 'DE' };

let people = 0;
export async function newCustomer(server: TestServer): Promise<{ api: ApiClient; email: string }> {
  people += 1;
  const email = `usual${people}-${Date.now()}@demo.local`;
  await createUser(server.ctx.store.db, { email, name: `Usual ${people}`, role: 'customer', languages: ['en'], skills: [], password: 'demo' });
  return { api: await signIn(server, email), email };
}

export async function order(client: ApiClient, items: Array<[string, number]>, address: Address): Promise<Order> {
  const { status, body } = await placeOrder<PlaceOrderResponse>(client, newKey('usual'), { items: items.map(([sku, quantity]) => ({ sku, quantity })), address });
  expect(status).toBe(201);
  return body.order;
}

const usualOf = (client: ApiClient, guideId?: string) => client.get<{ items: UsualItem[] } & ErrorResponseBody>(`/api/orders/usual${guideId ? `?guideId=${guideId}` : ''}`);

export interface UsualHistory {
  admin: ApiClient;
  /** Pads ×2, ×2 (Madrid), ×5 (Berlin); the coffee filter twice (last to Madrid); the heater filter once, plus once cancelled. */
  regular: ApiClient;
  /** One order of everything: nothing is usual yet. */
  newcomer: ApiClient;
}

export async function seedHistory(server: TestServer): Promise<UsualHistory> {
  const admin = await signIn(server, 'admin@demo.local');
  for (const sku of [PADS, COFFEE_FILTER, HEATER_FILTER]) await setStock(admin, sku, 500);
  const [regular, newcomer] = [(await newCustomer(server)).api, (await newCustomer(server)).api];
  await order(regular, [[PADS, 2]], ADDRESS);
  await order(regular, [[PADS, 2], [COFFEE_FILTER, 1]], ADDRESS);
  await order(regular, [[HEATER_FILTER, 1]], ADDRESS);
  const cancelled = await order(regular, [[HEATER_FILTER, 3]], BERLIN);
  expect((await admin.request('PATCH', `/api/orders/${cancelled.id}`, { status: 'cancelled' })).status).toBe(200);
  await order(regular, [[PADS, 5]], BERLIN);
  await order(regular, [[COFFEE_FILTER, 3]], ADDRESS);
  await order(newcomer, [[PADS, 2], [COFFEE_FILTER, 1], [HEATER_FILTER, 1]], BERLIN);
  return { admin, regular, newcomer };
}

export async function knowsWhoQualifies({ regular, newcomer }: UsualHistory): Promise<void> {
  const { status, body } = await usualOf(regular);
  expect(status).toBe(200);
  expect(body.items.map((item) => [item.sku, item.timesOrdered, item.quantity, item.last.quantity, item.last.address?.city])).toEqual([
    [PADS, 3, 2, 5, 'Berlin'],
    [COFFEE_FILTER, 2, 3, 3, 'Madrid'],
  ]);
  const pads = body.items[0]!;
  expect(pads.last.address).toEqual(BERLIN);
  expect(pads.last.number).toMatch(/^XR-\d{6}$/);
  expect(pads.lastOrderedAt).toBe(pads.last.orderedAt);
  expect(pads.name.es).toBeTruthy();
  expect((await usualOf(newcomer)).body.items).toEqual([]);
}

export async function scopesToAGuide({ regular }: UsualHistory): Promise<void> {
  expect((await usualOf(regular, 'wheel-corner-brake-pads')).body.items.map((item) => item.sku)).toEqual([PADS]);
  expect((await usualOf(regular, 'espresso-machine-descale')).body.items.map((item) => item.sku)).toEqual([COFFEE_FILTER]);
  expect((await usualOf(regular, 'water-heater-filter')).body.items).toEqual([]);
  const unknown = await usualOf(regular, 'no-such-guide');
  expect(unknown.status).toBe(404);
  expect(unknown.body.error.code).toBe('not_found');
  const bad = await usualOf(regular, 'Not A Slug');
  expect(bad.status).toBe(400);
  expect(bad.body.error.issues?.[0]?.path).toBe('query.guideId');
}

/** One tap: the order route with the remembered quantity, address and shown price; a retry of the key orders nothing more. */
export async function ordersTheUsualInOneTap(server: TestServer, { admin, regular }: UsualHistory): Promise<void> {
  const [pads] = (await usualOf(regular)).body.items;
  if (!pads?.last.address) throw new Error('the pads should be usual, with an address');
  const tap = { items: [{ sku: pads.sku, quantity: pads.last.quantity, unitPriceCents: pads.unitPriceCents }], address: pads.last.address, totalCents: pads.unitPriceCents * pads.last.quantity };
  const key = newKey('tap');
  const stockBefore = await stockOf(server, PADS);
  const first = await placeOrder<PlaceOrderResponse>(regular, key, tap);
  expect(first.status).toBe(201);
  const again = await placeOrder<PlaceOrderResponse>(regular, key, tap);
  expect(again.status).toBe(200);
  expect(again.body.order.id).toBe(first.body.order.id);
  expect(await stockOf(server, PADS)).toBe(stockBefore - 5);
  const stored = await regular.get<{ order: Order }>(`/api/orders/${first.body.order.id}`);
  expect(stored.body.order).toMatchObject({ address: BERLIN, items: [{ sku: PADS, quantity: 5 }] });
  const after = (await usualOf(regular)).body.items[0]!;
  expect(after).toMatchObject({ sku: PADS, timesOrdered: 4, last: { number: first.body.order.number, quantity: 5, address: BERLIN } });

  await setStock(admin, PADS, 4);
  expect((await usualOf(regular)).body.items[0]).toMatchObject({ sku: PADS, stock: 4 });
  const refused = await placeOrder<ErrorResponseBody>(regular, newKey('tap'), tap);
  expect(refused.status).toBe(409);
  expect(refused.body.error).toMatchObject({ code: 'out_of_stock', issues: [{ path: 'items.0.quantity', message: 'only 4 left' }] });
  expect(await stockOf(server, PADS)).toBe(4);
  expect((await usualOf(regular)).body.items[0]).toMatchObject({ timesOrdered: 4, last: { number: first.body.order.number } });
  await setStock(admin, PADS, 500);
}

/** An order whose stored address is no longer a valid address (e.g. anonymised) is remembered without one: null. */
export async function remembersNoInvalidAddress(server: TestServer): Promise<void> {
  const { api } = await newCustomer(server);
  await order(api, [[HEATER_FILTER, 1]], BERLIN);
  const newest = await order(api, [[HEATER_FILTER, 2]], BERLIN);
  await server.ctx.store.db.updateTable('orders').set({ address: JSON.stringify({ name: '', street: '', city: '', postalCode: '', country: '' }) }).where('id', '=', newest.id).execute();
  expect((await usualOf(api)).body.items).toEqual([expect.objectContaining({ sku: HEATER_FILTER, timesOrdered: 2, last: expect.objectContaining({ number: newest.number, quantity: 2, address: null }) })]);
}
