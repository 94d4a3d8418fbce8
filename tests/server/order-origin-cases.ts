// Where an order was placed, through both ways of placing one: `origin` is validated, stored, read back in the order and
// the history, kept by a retry, and counted by Insights as an AR order; an order that does not say has none.
import { expect } from 'vitest';
import type { ServiceFigures } from '../../core/insights-service-figures.ts';
import type { Order, PlaceOrderResponse } from '../../core/order.ts';
import { ADDRESS, newKey, pickParts, placeOrder, setStock, signIn, type ErrorResponseBody } from '../support/orders-api.ts';
import { connectClient, emitWithAck, type TestServer } from '../support/test-server.ts';

export async function recordsWhereOrdersWerePlaced(server: TestServer): Promise<void> {
  const [customer, admin, operator] = await Promise.all([signIn(server, 'customer@demo.local'), signIn(server, 'admin@demo.local'), signIn(server, 'operator@demo.local')]);
  const { consumable: pads } = await pickParts(server);
  await setStock(admin, pads.sku, 100);
  const from = Date.now();
  const items = [{ sku: pads.sku, quantity: 1 }];

  const refused = await placeOrder<ErrorResponseBody>(customer, newKey(), { items, address: ADDRESS, origin: 'headset' });
  expect([refused.status, refused.body.error.issues?.map((issue) => issue.path)]).toEqual([400, ['body.origin']]);

  const arKey = newKey();
  const ar = await placeOrder<PlaceOrderResponse>(customer, arKey, { items, address: ADDRESS, origin: 'ar' });
  expect([ar.status, ar.body.order.origin]).toEqual([201, 'ar']);
  const retried = await placeOrder<PlaceOrderResponse>(customer, arKey, { items, address: ADDRESS, origin: 'ar' });
  expect([retried.body.replayed, retried.body.order.id, retried.body.order.origin]).toEqual([true, ar.body.order.id, 'ar']);

  const unsaid = await placeOrder<PlaceOrderResponse>(customer, newKey(), { items, address: ADDRESS });
  expect(unsaid.body.order.origin).toBeNull();

  const socket = await connectClient(server, { token: customer.token });
  try {
    const page = await emitWithAck<{ ok: true; order: Order } | { ok: false }>(socket, 'order:place', { idempotencyKey: newKey(), items, address: ADDRESS, origin: 'page' });
    expect(page.ok && page.order.origin).toBe('page');
  } finally {
    socket.close();
  }

  const read = await customer.get<{ order: Order }>(`/api/orders/${ar.body.order.id}`);
  expect(read.body.order.origin).toBe('ar');
  const history = await customer.get<{ orders: Order[] }>('/api/orders?limit=10');
  expect(history.body.orders.map((order) => order.origin).sort()).toEqual(['ar', 'page', null].sort());

  const figures = await operator.get<ServiceFigures>(`/api/insights/service?from=${from}`);
  expect(figures.body.orders).toEqual({ total: 3, fromAssist: 0, fromProposal: 0, fromAr: 1, fromArOrProposal: 1 });
}
