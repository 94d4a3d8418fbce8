// What a user's order history suggests: the items of their last order, and "the usual" consumables.
import type { Kysely } from 'kysely';
import type { LocalizedText } from '../../core/i18n.ts';
import type { CartItem } from '../../core/cart.ts';
import type { UsualItem } from '../../core/order.ts';
import type { Database } from '../db/schema.ts';

/** The newest order of a user with its lines, or null when they have none. */
export async function lastOrderItems(db: Kysely<Database>, userId: string): Promise<{ orderId: string; number: string; items: CartItem[] } | null> {
  const order = await db.selectFrom('orders').select(['id', 'number']).where('user_id', '=', userId).orderBy('created_at', 'desc').orderBy('number', 'desc').limit(1).executeTakeFirst();
  if (!order) return null;
  const items = await db.selectFrom('order_items').select(['sku', 'quantity']).where('order_id', '=', order.id).orderBy('position').execute();
  return { orderId: order.id, number: order.number, items };
}

/** The most frequent quantity; on a tie, the one ordered most recently. */
function usualQuantity(history: Array<{ quantity: number; at: number }>): number {
  const counts = new Map<number, { count: number; last: number }>();
  for (const { quantity, at } of history) {
    const seen = counts.get(quantity) ?? { count: 0, last: 0 };
    counts.set(quantity, { count: seen.count + 1, last: Math.max(seen.last, at) });
  }
  const [best] = [...counts.entries()].sort((a, b) => b[1].count - a[1].count || b[1].last - a[1].last);
  return best?.[0] ?? 1;
}

/** Consumable parts the user ordered in at least two orders that were not cancelled, with their usual quantity. */
export async function usualItems(db: Kysely<Database>, userId: string, minOrders = 2): Promise<UsualItem[]> {
  const rows = await db
    .selectFrom('order_items')
    .innerJoin('orders', 'orders.id', 'order_items.order_id')
    .innerJoin('parts', 'parts.sku', 'order_items.sku')
    .select(['order_items.sku', 'order_items.quantity', 'orders.id as order_id', 'orders.created_at', 'parts.name', 'parts.price_cents', 'parts.stock'])
    .where('orders.user_id', '=', userId)
    .where('orders.status', '!=', 'cancelled')
    .where('parts.consumable', '=', 1)
    .execute();
  const bySku = new Map<string, typeof rows>();
  for (const row of rows) bySku.set(row.sku, [...(bySku.get(row.sku) ?? []), row]);
  const usual: UsualItem[] = [];
  for (const [sku, lines] of bySku) {
    const orders = new Set(lines.map((line) => line.order_id));
    if (orders.size < minOrders) continue;
    const part = lines[0]!;
    usual.push({
      sku,
      name: JSON.parse(part.name) as LocalizedText,
      quantity: usualQuantity(lines.map((line) => ({ quantity: line.quantity, at: Number(line.created_at) }))),
      timesOrdered: orders.size,
      lastOrderedAt: Math.max(...lines.map((line) => Number(line.created_at))),
      unitPriceCents: part.price_cents,
      stock: part.stock,
    });
  }
  return usual.sort((a, b) => b.timesOrdered - a.timesOrdered || b.lastOrderedAt - a.lastOrderedAt || a.sku.localeCompare(b.sku));
}
