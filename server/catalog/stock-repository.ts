// Stock of parts, changed only here: an admin sets it, an order takes it (never below zero), a cancellation returns it.
import { sql, type Kysely } from 'kysely';
import type { PartDetail } from '../../core/catalog.ts';
import { AppError } from '../../core/errors.ts';
import type { Database } from '../db/schema.ts';
import { preparedQuery } from '../db/prepared-query.ts';
import { getPart } from './catalog-repository.ts';

type Db = Kysely<Database>;

/** What an order reads of a part to price its line or to explain why it cannot have it. */
export interface StockedPart {
  sku: string;
  name: string;
  price_cents: number;
  stock: number;
}

export async function setStock(db: Db, sku: string, stock: number): Promise<PartDetail> {
  const result = await db.updateTable('parts').set({ stock, updated_at: Date.now() }).where('sku', '=', sku).executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw new AppError('not_found', `There is no part with SKU "${sku}".`);
  const part = await getPart(db, sku);
  if (!part) throw new AppError('not_found', `There is no part with SKU "${sku}".`);
  return part;
}

/**
 * Takes `quantity` of a part only where that much is left (a conditional decrement, so concurrent orders never
 * oversell, on SQLite and Postgres alike); undefined when it is not. Run it in the order's transaction.
 */
const takeStockRow = preparedQuery(3, (db: Db, sku: string, quantity: number, now: number) =>
  db
    .updateTable('parts')
    .set({ stock: sql`stock - ${quantity}`, updated_at: now })
    .where('sku', '=', sku)
    .where('stock', '>=', quantity)
    .returning(['sku', 'name', 'price_cents', 'stock']),
);

export async function takeStock(trx: Db, sku: string, quantity: number, now: number): Promise<StockedPart | undefined> {
  const [row] = await takeStockRow(trx, sku, quantity, now);
  return row;
}

/** Puts back what a cancelled order took, in its transaction. */
export async function returnStock(trx: Db, sku: string, quantity: number, now: number): Promise<void> {
  await trx.updateTable('parts').set({ stock: sql`stock + ${quantity}`, updated_at: now }).where('sku', '=', sku).execute();
}

export async function readStockedParts(db: Db, skus: readonly string[]): Promise<StockedPart[]> {
  return db.selectFrom('parts').select(['sku', 'name', 'price_cents', 'stock']).where('sku', 'in', [...skus]).execute();
}
