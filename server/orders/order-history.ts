// What a user's order history suggests: the items of their last order ("the usual" is in usual-parts.ts).
import type { Kysely } from 'kysely';
import type { CartItem } from '../../core/cart.ts';
import type { Database } from '../db/schema.ts';

/** The newest order of a user with its lines, or null when they have none. */
export async function lastOrderItems(db: Kysely<Database>, userId: string): Promise<{ orderId: string; number: string; items: CartItem[] } | null> {
  const order = await db.selectFrom('orders').select(['id', 'number']).where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('number', 'desc').limit(1).executeTakeFirst();
  if (!order) return null;
  const items = await db.selectFrom('order_items').select(['sku', 'quantity']).where('order_id', '=', order.id).orderBy('position').execute();
  return { orderId: order.id, number: order.number, items };
}
