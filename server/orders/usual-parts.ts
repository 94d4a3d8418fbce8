// "The usual": the consumables a person reorders, computed in one SQL query over their order history (docs/USUAL.md).
import { sql, type Kysely } from 'kysely';
import { AppError } from '../../core/errors.ts';
import type { LocalizedText } from '../../core/i18n.ts';
import { AddressSchema, type UsualItem } from '../../core/order.ts';
import type { Database } from '../db/schema.ts';

/** A part is "usual" once it was ordered in this many orders that were not cancelled. */
export const USUAL_MIN_ORDERS = 2;

interface UsualRow {
  sku: string;
  name: string;
  price_cents: number | string;
  stock: number | string;
  times_ordered: number | string;
  usual_quantity: number | string;
  last_quantity: number | string;
  last_number: string;
  last_at: number | string;
  last_address: string;
}

export interface UsualScope {
  userId: string;
  /** Only parts of this product (a guide's product). */
  productId?: string | undefined;
}

function toUsualItem(row: UsualRow): UsualItem {
  let address: unknown = null;
  try {
    address = JSON.parse(row.last_address);
  } catch {
    address = null;
  }
  const parsed = AddressSchema.safeParse(address);
  return {
    sku: row.sku,
    name: JSON.parse(row.name) as LocalizedText,
    quantity: Number(row.usual_quantity),
    timesOrdered: Number(row.times_ordered),
    lastOrderedAt: Number(row.last_at),
    unitPriceCents: Number(row.price_cents),
    stock: Number(row.stock),
    last: { number: row.last_number, orderedAt: Number(row.last_at), quantity: Number(row.last_quantity), address: parsed.success ? parsed.data : null },
  };
}

/**
 * Consumable parts the user ordered in at least `USUAL_MIN_ORDERS` orders that were not cancelled, most often ordered
 * first; each with its most frequent quantity (ties: the most recent), and the quantity, address and number of the
 * newest of those orders (ties on time: the higher number). Runs on SQLite and Postgres alike.
 */
export async function usualItems(db: Kysely<Database>, { userId, productId }: UsualScope): Promise<UsualItem[]> {
  const ofProduct = productId === undefined ? sql`` : sql`AND oi.sku IN (SELECT pp.sku FROM product_parts pp WHERE pp.product_id = ${productId})`;
  const { rows } = await sql<UsualRow>`
    WITH lines AS (
      SELECT oi.sku, oi.quantity, o.id AS order_id, o.number, o.created_at, o.address
      FROM order_items oi
      JOIN orders o ON o.id = oi.order_id
      JOIN parts p ON p.sku = oi.sku
      WHERE o.user_id = ${userId} AND o.status <> 'cancelled' AND p.consumable = 1 ${ofProduct}
    ),
    counted AS (
      SELECT sku, COUNT(DISTINCT order_id) AS times_ordered FROM lines GROUP BY sku HAVING COUNT(DISTINCT order_id) >= ${USUAL_MIN_ORDERS}
    ),
    quantities AS (
      SELECT sku, quantity,
        ROW_NUMBER() OVER (PARTITION BY sku ORDER BY COUNT(*) DESC, MAX(created_at) DESC, quantity DESC) AS pick
      FROM lines GROUP BY sku, quantity
    ),
    newest AS (
      SELECT sku, quantity, number, created_at, address,
        ROW_NUMBER() OVER (PARTITION BY sku ORDER BY created_at DESC, number DESC) AS recency
      FROM lines
    )
    SELECT c.sku, p.name, p.price_cents, p.stock, c.times_ordered, q.quantity AS usual_quantity,
      n.quantity AS last_quantity, n.number AS last_number, n.created_at AS last_at, n.address AS last_address
    FROM counted c
    JOIN parts p ON p.sku = c.sku
    JOIN quantities q ON q.sku = c.sku AND q.pick = 1
    JOIN newest n ON n.sku = c.sku AND n.recency = 1
    ORDER BY c.times_ordered DESC, n.created_at DESC, c.sku
  `.execute(db);
  return rows.map(toUsualItem);
}

/** The product a guide is for (any stored version: a guide never changes product), or not_found. */
export async function productOfGuide(db: Kysely<Database>, guideId: string): Promise<string> {
  const row = await db.selectFrom('guides').select('product_id').where('id', '=', guideId).limit(1).executeTakeFirst();
  if (!row) throw new AppError('not_found', `There is no guide "${guideId}".`);
  return row.product_id;
}
