// The rows placing an order writes (the next number, the order, its lines, its first status), as prepared statements.
import { sql, type Kysely } from 'kysely';
import { CURRENCY } from '../../core/order-limits.ts';
import { formatOrderNumber, type Address, type Order } from '../../core/order.ts';
import type { Database } from '../db/schema.ts';
import { preparedQuery } from '../db/prepared-query.ts';

type Db = Kysely<Database>;

const bumpOrderNumber = preparedQuery(0, (db: Db) =>
  db
    .updateTable('order_counters')
    .set({ value: sql`value + 1` })
    .where('name', '=', 'order_number')
    .returning('value'),
);

const insertOrderRow = preparedQuery(
  12,
  (db: Db, id: string, number: string, userId: string, status: string, totalCents: number, address: string, sessionId: string | null, origin: string | null, idempotencyKey: string, requestHash: string, createdAt: number, currency: string) =>
    db.insertInto('orders').values({
      id,
      number,
      user_id: userId,
      status,
      total_cents: totalCents,
      currency,
      address,
      session_id: sessionId,
      origin,
      idempotency_key: idempotencyKey,
      request_hash: requestHash,
      created_at: createdAt,
      updated_at: createdAt,
    }),
);

const insertItemRow = preparedQuery(7, (db: Db, orderId: string, position: number, sku: string, name: string, quantity: number, unitPriceCents: number, lineTotalCents: number) =>
  db.insertInto('order_items').values({ order_id: orderId, position, sku, name, quantity, unit_price_cents: unitPriceCents, line_total_cents: lineTotalCents }),
);

const insertStatusRow = preparedQuery(4, (db: Db, orderId: string, status: string, at: number, byUserId: string) =>
  db.insertInto('order_status_history').values({ order_id: orderId, status, at, by_user_id: byUserId }),
);

export async function nextOrderNumber(trx: Db): Promise<string> {
  const [row] = await bumpOrderNumber(trx);
  if (!row) throw new Error('The order number counter is missing.');
  return formatOrderNumber(Number(row.value));
}

/** An order being placed always has its buyer and address (only an erased person's old orders lose them). */
export type NewOrder = Order & { userId: string; address: Address };

/** The order, its lines and its first status, in the order's transaction. */
export async function insertPlacedOrder(trx: Db, order: NewOrder, idempotencyKey: string, requestHash: string): Promise<void> {
  const { id, number, userId, status, totalCents, address, sessionId, origin, createdAt } = order;
  await insertOrderRow(trx, id, number, userId, status, totalCents, JSON.stringify(address), sessionId, origin, idempotencyKey, requestHash, createdAt, CURRENCY);
  for (const [position, line] of order.items.entries()) {
    await insertItemRow(trx, id, position, line.sku, JSON.stringify(line.name), line.quantity, line.unitPriceCents, line.lineTotalCents);
  }
  await insertStatusRow(trx, id, status, createdAt, userId);
}
