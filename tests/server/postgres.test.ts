// The same store on Postgres: catalog basics, no oversell under 200 concurrent orders, idempotent retries, restart.
import { beforeAll, expect, it } from 'vitest';
import type { PartDetail } from '../../core/catalog.ts';
import type { Order, PlaceOrderResponse } from '../../core/order.ts';
import { describeOnPostgres } from '../support/postgres.ts';
import { ADDRESS, newKey, pickParts, placeOrder, setStock, signIn, stockOf, type ApiClient, type ErrorResponseBody } from '../support/orders-api.ts';

await describeOnPostgres('on Postgres', (postgres) => {
  let customer: ApiClient;
  let admin: ApiClient;
  let pads: PartDetail;
  let disc: PartDetail;

  beforeAll(async () => {
    [customer, admin] = await Promise.all([signIn(postgres.server, 'customer@demo.local'), signIn(postgres.server, 'admin@demo.local')]);
    ({ consumable: pads, other: disc } = await pickParts(postgres.server));
  });

  it('serves health and the seeded catalog from Postgres', async () => {
    const health = (await (await fetch(`${postgres.server.url}/api/health`)).json()) as { database: string };
    expect(health.database).toBe('postgres');
    const part = (await (await fetch(`${postgres.server.url}/api/parts/${pads.sku}`)).json()) as PartDetail;
    expect(part).toMatchObject({ sku: pads.sku, priceCents: pads.priceCents, currency: 'EUR' });
    expect(part.productIds.length).toBeGreaterThan(0);
  });

  it('200 concurrent orders for a part with stock 50 place exactly 50 orders and never oversell', async () => {
    await setStock(admin, disc.sku, 50);
    const results = await Promise.all(
      Array.from({ length: 200 }, () => placeOrder<PlaceOrderResponse & ErrorResponseBody>(customer, newKey('pg-burst'), { items: [{ sku: disc.sku, quantity: 1 }], address: ADDRESS })),
    );
    expect(results.filter((result) => result.status === 201)).toHaveLength(50);
    const refused = results.filter((result) => result.status === 409);
    expect(refused).toHaveLength(150);
    expect(refused.every((result) => result.body.error.code === 'out_of_stock')).toBe(true);
    expect(await stockOf(postgres.server, disc.sku)).toBe(0);
    const numbers = results.filter((result) => result.status === 201).map((result) => result.body.order.number);
    expect(new Set(numbers).size).toBe(50);
  });

  it('the same idempotency key sent 10 times at once places one order', async () => {
    await setStock(admin, pads.sku, 100);
    const key = newKey('pg-same');
    const results = await Promise.all(Array.from({ length: 10 }, () => placeOrder<PlaceOrderResponse>(customer, key, { items: [{ sku: pads.sku, quantity: 4 }], address: ADDRESS })));
    expect(results.map((result) => result.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(results.map((result) => result.body.order.id)).size).toBe(1);
    expect(await stockOf(postgres.server, pads.sku)).toBe(96);
  });

  it('the same key sent 10 times at once for the last units in stock answers every retry with the one order', async () => {
    await setStock(admin, pads.sku, 4);
    const key = newKey('pg-last');
    const results = await Promise.all(Array.from({ length: 10 }, () => placeOrder<PlaceOrderResponse>(customer, key, { items: [{ sku: pads.sku, quantity: 4 }], address: ADDRESS })));
    expect(results.map((result) => result.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(await stockOf(postgres.server, pads.sku)).toBe(0);
  });

  it('refuses out-of-stock and unknown parts without changing anything', async () => {
    await setStock(admin, pads.sku, 2);
    const short = await placeOrder<ErrorResponseBody>(customer, newKey(), { items: [{ sku: pads.sku, quantity: 3 }], address: ADDRESS });
    expect(short.body.error).toMatchObject({ code: 'out_of_stock', message: expect.stringContaining(`only 2 of ${pads.sku} left`) });
    const unknown = await placeOrder<ErrorResponseBody>(customer, newKey(), { items: [{ sku: 'NO-SUCH-PART-1', quantity: 1 }], address: ADDRESS });
    expect(unknown.status).toBe(400);
    expect(await stockOf(postgres.server, pads.sku)).toBe(2);
  });

  it('keeps acknowledged orders and cancels with restock after a restart', async () => {
    await setStock(admin, pads.sku, 10);
    const { body } = await placeOrder<PlaceOrderResponse>(customer, newKey(), { items: [{ sku: pads.sku, quantity: 3 }], address: ADDRESS });
    postgres.server = await postgres.server.restart();
    const [again, adminAgain] = await Promise.all([signIn(postgres.server, 'customer@demo.local'), signIn(postgres.server, 'admin@demo.local')]);
    expect((await again.get<{ order: Order }>(`/api/orders/${body.order.id}`)).body.order).toEqual(body.order);
    const cancelled = await adminAgain.request<{ order: Order }>('PATCH', `/api/orders/${body.order.id}`, { status: 'cancelled' });
    expect(cancelled.body.order.status).toBe('cancelled');
    expect(await stockOf(postgres.server, pads.sku)).toBe(10);
  });
});
