// Reads orders with their lines and status history and shapes them as the API's Order.
import type { Kysely } from 'kysely';
import type { LocalizedText } from '../../core/i18n.ts';
import { CURRENCY } from '../../core/order-limits.ts';
import type { Address, Order, OrderStatus } from '../../core/order.ts';
import type { Database, OrdersTable } from '../db/schema.ts';
import { ERASED_USER_ID } from '../db/erased-user.ts';

async function hydrate(db: Kysely<Database>, rows: OrdersTable[]): Promise<Order[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.id);
  const [items, history] = await Promise.all([
    db.selectFrom('order_items').selectAll().where('order_id', 'in', ids).orderBy('order_id').orderBy('position').execute(),
    db.selectFrom('order_status_history').selectAll().where('order_id', 'in', ids).orderBy('order_id').orderBy('at').execute(),
  ]);
  return rows.map((row) => ({
    id: row.id,
    number: row.number,
    userId: row.user_id === ERASED_USER_ID ? null : row.user_id,
    status: row.status as OrderStatus,
    items: items
      .filter((item) => item.order_id === row.id)
      .map((item) => ({
        sku: item.sku,
        name: JSON.parse(item.name) as LocalizedText,
        quantity: item.quantity,
        unitPriceCents: item.unit_price_cents,
        lineTotalCents: item.line_total_cents,
      })),
    totalCents: row.total_cents,
    currency: CURRENCY,
    address: JSON.parse(row.address) as Address | null,
    sessionId: row.session_id,
    origin: row.origin as Order['origin'],
    createdAt: Number(row.created_at),
    statusHistory: history.filter((entry) => entry.order_id === row.id).map((entry) => ({ status: entry.status as OrderStatus, at: Number(entry.at) })),
  }));
}

export async function findOrderById(db: Kysely<Database>, id: string): Promise<Order | null> {
  const row = await db.selectFrom('orders').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? ((await hydrate(db, [row]))[0] ?? null) : null;
}

/** The order a user placed with an idempotency key, with the hash of the request that placed it. */
export async function findOrderByKey(db: Kysely<Database>, userId: string, key: string): Promise<{ order: Order; requestHash: string } | null> {
  const row = await db.selectFrom('orders').selectAll().where('user_id', '=', userId).where('idempotency_key', '=', key).executeTakeFirst();
  if (!row) return null;
  const [order] = await hydrate(db, [row]);
  return order ? { order, requestHash: row.request_hash } : null;
}

/** A user's orders, newest first. */
export async function listOrdersOfUser(db: Kysely<Database>, userId: string, limit: number): Promise<Order[]> {
  const rows = await db.selectFrom('orders').selectAll().where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('number', 'desc').limit(limit).execute();
  return hydrate(db, rows);
}

/** Everyone's orders for the back office, newest first, optionally of one status, with who placed each. */
export async function listAllOrders(db: Kysely<Database>, status: OrderStatus | undefined, limit: number): Promise<Array<Order & { buyer: { name: string; email: string } | null }>> {
  let query = db.selectFrom('orders').selectAll();
  if (status) query = query.where('status', '=', status);
  const rows = await query.orderBy('created_at', 'desc').orderBy('number', 'desc').limit(limit).execute();
  const ids = [...new Set(rows.map((row) => row.user_id))];
  const users = ids.length ? await db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', ids).execute() : [];
  return (await hydrate(db, rows)).map((order) => {
    const user = order.userId === null ? undefined : users.find((candidate) => candidate.id === order.userId);
    return { ...order, buyer: order.userId === null ? null : { name: user?.name ?? '', email: user?.email ?? '' } };
  });
}
