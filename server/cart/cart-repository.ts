// The server-side cart of a user: lines of (sku, quantity) priced from the catalog whenever they are read.
import type { Kysely } from 'kysely';
import { AppError } from '../../core/errors.ts';
import { CURRENCY, MAX_LINE_QUANTITY } from '../../core/order-limits.ts';
import type { Cart, CartItem } from '../../core/cart.ts';
import type { LocalizedText } from '../../core/i18n.ts';
import type { Database } from '../db/schema.ts';

export async function readCart(db: Kysely<Database>, userId: string): Promise<Cart> {
  const rows = await db
    .selectFrom('cart_items')
    .innerJoin('parts', 'parts.sku', 'cart_items.sku')
    .select(['cart_items.sku', 'cart_items.quantity', 'cart_items.updated_at', 'parts.name', 'parts.price_cents', 'parts.stock', 'parts.consumable'])
    .where('cart_items.user_id', '=', userId)
    .orderBy('cart_items.added_at')
    .orderBy('cart_items.sku')
    .execute();
  const items = rows.map((row) => ({
    sku: row.sku,
    name: JSON.parse(row.name) as LocalizedText,
    quantity: row.quantity,
    unitPriceCents: row.price_cents,
    lineTotalCents: row.price_cents * row.quantity,
    stock: row.stock,
    consumable: row.consumable === 1,
  }));
  return {
    items,
    totalCents: items.reduce((sum, item) => sum + item.lineTotalCents, 0),
    currency: CURRENCY,
    updatedAt: rows.length ? Math.max(...rows.map((row) => Number(row.updated_at))) : null,
  };
}

async function assertPartExists(db: Kysely<Database>, sku: string): Promise<void> {
  const part = await db.selectFrom('parts').select('sku').where('sku', '=', sku).executeTakeFirst();
  if (!part) throw new AppError('not_found', `There is no part with SKU "${sku}".`, [{ path: 'sku', message: `unknown SKU "${sku}"` }]);
}

async function upsertLine(db: Kysely<Database>, userId: string, sku: string, quantity: number): Promise<void> {
  const now = Date.now();
  if (quantity === 0) {
    await db.deleteFrom('cart_items').where('user_id', '=', userId).where('sku', '=', sku).execute();
    return;
  }
  await db
    .insertInto('cart_items')
    .values({ user_id: userId, sku, quantity, added_at: now, updated_at: now })
    .onConflict((oc) => oc.columns(['user_id', 'sku']).doUpdateSet({ quantity, updated_at: now }))
    .execute();
}

/** Sets the quantity of one line; 0 removes it. */
export async function setCartLine(db: Kysely<Database>, userId: string, sku: string, quantity: number): Promise<void> {
  await assertPartExists(db, sku);
  await upsertLine(db, userId, sku, quantity);
}

/**
 * Adds to the quantity of one line, refusing a total above the line limit. With the client's `changeId`, an add that
 * was already applied (its answer was lost and it was sent again) changes nothing.
 */
export async function addToCartLine(db: Kysely<Database>, userId: string, sku: string, quantity: number, changeId?: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await assertPartExists(trx, sku);
    if (changeId !== undefined) {
      const recorded = await trx
        .insertInto('cart_changes')
        .values({ user_id: userId, change_id: changeId, applied_at: Date.now() })
        .onConflict((oc) => oc.columns(['user_id', 'change_id']).doNothing())
        .executeTakeFirst();
      if (Number(recorded.numInsertedOrUpdatedRows ?? 0n) === 0) return;
    }
    const line = await trx.selectFrom('cart_items').select('quantity').where('user_id', '=', userId).where('sku', '=', sku).executeTakeFirst();
    const total = (line?.quantity ?? 0) + quantity;
    if (total > MAX_LINE_QUANTITY) {
      throw new AppError('bad_request', `The cart would hold ${total} of ${sku}; a line holds at most ${MAX_LINE_QUANTITY}.`, [
        { path: 'quantity', message: `must be at most ${MAX_LINE_QUANTITY - (line?.quantity ?? 0)} more` },
      ]);
    }
    await upsertLine(trx, userId, sku, total);
  });
}

/** Sets several lines at once (a reorder), leaving the other lines as they are. */
export async function setCartLines(db: Kysely<Database>, userId: string, items: readonly CartItem[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const item of items) await upsertLine(trx, userId, item.sku, Math.min(item.quantity, MAX_LINE_QUANTITY));
  });
}

export async function clearCartLines(db: Kysely<Database>, userId: string, skus?: readonly string[]): Promise<void> {
  let query = db.deleteFrom('cart_items').where('user_id', '=', userId);
  if (skus) {
    if (skus.length === 0) return;
    query = query.where('sku', 'in', skus);
  }
  await query.execute();
}
