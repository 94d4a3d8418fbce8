// The requester's latest orders for the agent helping them: when, how many units, what it cost and where it stands.
import type { Kysely } from 'kysely';
import type { RequesterOrder } from '../../core/help.ts';
import type { OrderStatus } from '../../core/order.ts';
import type { Database } from '../db/schema.ts';

export async function requesterOrders(db: Kysely<Database>, requesterId: string, limit: number): Promise<RequesterOrder[]> {
  const rows = await db
    .selectFrom('orders')
    .select(['orders.number', 'orders.status', 'orders.total_cents', 'orders.created_at', 'orders.session_id'])
    .select((eb) => eb.selectFrom('order_items').select((inner) => inner.fn.sum<number>('order_items.quantity').as('units')).whereRef('order_items.order_id', '=', 'orders.id').as('units'))
    .where('orders.user_id', '=', requesterId)
    .orderBy('orders.created_at', 'desc')
    .orderBy('orders.number', 'desc')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    number: row.number,
    status: row.status as OrderStatus,
    totalCents: Number(row.total_cents),
    createdAt: Number(row.created_at),
    units: Number(row.units ?? 0),
    sessionId: row.session_id,
  }));
}
