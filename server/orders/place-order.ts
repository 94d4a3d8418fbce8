// Places an order in one transaction: server prices, conditional stock decrement, order number, lines, history.
import { hash as digest } from 'node:crypto';
import { timeOrderedId } from '../platform/time-ordered-id.ts';
import type { Kysely, Transaction } from 'kysely';
import type { User } from '../../core/auth.ts';
import { AppError } from '../../core/errors.ts';
import type { ErrorIssue } from '../../core/ack.ts';
import type { LocalizedText } from '../../core/i18n.ts';
import { CURRENCY } from '../../core/order-limits.ts';
import { formatCents, type Address, type Order, type PlaceOrderRequest, type PricedLine } from '../../core/order.ts';
import type { Store } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { readStockedParts, takeStock, type StockedPart } from '../catalog/stock-repository.ts';
import { resolveDeliveryAddress, saveAddress } from './address-book.ts';
import { findOrderByKey } from './order-repository.ts';
import { insertPlacedOrder, nextOrderNumber, type NewOrder } from './order-writes.ts';

export interface PlacedOrder {
  order: Order;
  /** True when the idempotency key had already placed this order. */
  replayed: boolean;
  /** True when ordered lines were removed from the user's cart. */
  cartChanged: boolean;
}

/** What makes two submissions "the same order" for an idempotency key; shown prices and options are left out. */
function requestHash(request: PlaceOrderRequest): string {
  const items = [...request.items].map(({ sku, quantity }) => [sku, quantity]).sort((a, b) => String(a[0]).localeCompare(String(b[0])));
  const canonical = JSON.stringify({ items, address: request.address ?? null, addressId: request.addressId ?? null, sessionId: request.sessionId ?? null });
  return digest('sha256', canonical, 'base64url');
}

async function replay(db: Kysely<Database>, userId: string, key: string, hash: string): Promise<PlacedOrder | null> {
  const existing = await findOrderByKey(db, userId, key);
  if (!existing) return null;
  if (existing.requestHash !== hash) {
    throw new AppError('conflict', `This idempotency key already placed order ${existing.order.number} with other items or address. Use a new key for a new order.`, [
      { path: 'idempotencyKey', message: `already used for order ${existing.order.number}` },
    ]);
  }
  return { order: existing.order, replayed: true, cartChanged: false };
}

function unknownSkus(request: PlaceOrderRequest, parts: Map<string, StockedPart>): AppError | null {
  const issues: ErrorIssue[] = request.items.flatMap((item, index) => (parts.has(item.sku) ? [] : [{ path: `items.${index}.sku`, message: `unknown SKU "${item.sku}"` }]));
  if (issues.length === 0) return null;
  const skus = request.items.filter((item) => !parts.has(item.sku)).map((item) => `"${item.sku}"`);
  return new AppError('bad_request', `There is no part with SKU ${skus.join(', ')}.`, issues);
}

function priceLines(request: PlaceOrderRequest, parts: Map<string, StockedPart>): PricedLine[] {
  return request.items.flatMap((item) => {
    const part = parts.get(item.sku);
    return part ? [{ sku: item.sku, name: JSON.parse(part.name) as LocalizedText, quantity: item.quantity, unitPriceCents: part.price_cents, lineTotalCents: part.price_cents * item.quantity }] : [];
  });
}

/** The prices the buyer was shown, when sent, must be the server's. */
function tamperedPrices(request: PlaceOrderRequest, lines: PricedLine[]): AppError | null {
  const issues: ErrorIssue[] = [];
  request.items.forEach((item, index) => {
    const line = lines.find((candidate) => candidate.sku === item.sku);
    if (line && item.unitPriceCents !== undefined && item.unitPriceCents !== line.unitPriceCents) {
      issues.push({ path: `items.${index}.unitPriceCents`, message: `the price of ${item.sku} is ${formatCents(line.unitPriceCents)}, not ${formatCents(item.unitPriceCents)}` });
    }
  });
  const totalCents = lines.reduce((sum, line) => sum + line.lineTotalCents, 0);
  if (request.totalCents !== undefined && request.totalCents !== totalCents) {
    issues.push({ path: 'totalCents', message: `the total is ${formatCents(totalCents)}, not ${formatCents(request.totalCents)}` });
  }
  if (issues.length === 0) return null;
  return new AppError('conflict', `Tampered or out-of-date price: ${issues.map((issue) => issue.message).join('; ')}. Prices are set by the server; reload and try again.`, issues);
}

function shortageError(shortages: Array<{ index: number; sku: string; wanted: number; left: number }>): AppError {
  const phrases = shortages.map(({ sku, wanted, left }) => (left === 0 ? `${sku} is out of stock (0 left)` : `only ${left} of ${sku} left (you asked for ${wanted})`));
  return new AppError(
    'out_of_stock',
    `Not enough stock: ${phrases.join('; ')}.`,
    shortages.map(({ index, left }) => ({ path: `items.${index}.quantity`, message: `only ${left} left` })),
  );
}

/** Why stock could not be taken, most basic reason first: unknown SKUs, wrong prices, then every line short of stock. */
async function refusal(trx: Transaction<Database>, request: PlaceOrderRequest, taken: Set<string>): Promise<AppError> {
  const rows = await readStockedParts(trx, request.items.map((item) => item.sku));
  const parts = new Map(rows.map((row) => [row.sku, row]));
  const basic = unknownSkus(request, parts) ?? tamperedPrices(request, priceLines(request, parts));
  if (basic) return basic;
  const shortages = request.items
    .map((item, index) => ({ index, sku: item.sku, wanted: item.quantity, left: parts.get(item.sku)?.stock ?? 0 }))
    .filter(({ sku, wanted, left }) => !taken.has(sku) && wanted > left);
  return shortageError(shortages);
}

/** Takes the stock of every line (never below zero) and prices the lines from the rows it updated. */
async function takeLines(trx: Transaction<Database>, request: PlaceOrderRequest, now: number): Promise<PricedLine[]> {
  const parts = new Map<string, StockedPart>();
  for (const item of [...request.items].sort((a, b) => a.sku.localeCompare(b.sku))) {
    const row = await takeStock(trx, item.sku, item.quantity, now);
    if (!row) throw await refusal(trx, request, new Set(parts.keys()));
    parts.set(row.sku, row);
  }
  const lines = priceLines(request, parts);
  const tampered = tamperedPrices(request, lines);
  if (tampered) throw tampered;
  return lines;
}

/** A full address book must not fail the order it was saved with. */
function keepOrderWhenAddressBookIsFull(error: unknown): void {
  if (!(error instanceof AppError && error.code === 'conflict')) throw error;
}

export interface PlaceOrderInput {
  user: User;
  idempotencyKey: string;
  request: PlaceOrderRequest;
  /** More writes that must commit with the order, or not at all. */
  alsoWrite?: ((trx: Transaction<Database>, order: Order, now: number) => Promise<void>) | undefined;
}

/**
 * Places the order, or returns the one this idempotency key already placed. Resolves only after the commit.
 * The unique (user, key) constraint lets exactly one transaction per key commit; a retry, concurrent or late, fails
 * (on that constraint, or on the stock the first one took) and then answers with the committed order. Retries are
 * rare, so the common path does not look the key up first.
 */
export async function placeOrder({ db, write }: Pick<Store, 'db' | 'write'>, { user, idempotencyKey, request, alsoWrite }: PlaceOrderInput): Promise<PlacedOrder> {
  const hash = requestHash(request);
  try {
    const address: Address = await resolveDeliveryAddress(db, user.id, request);
    const order = await write(async (trx) => {
      const now = Date.now();
      const items = await takeLines(trx, request, now);

      const placed: NewOrder = {
        // Time-ordered ids append to the id indexes instead of scattering writes over their pages.
        id: timeOrderedId(),
        number: await nextOrderNumber(trx),
        userId: user.id,
        status: 'placed',
        items,
        totalCents: items.reduce((sum, line) => sum + line.lineTotalCents, 0),
        currency: CURRENCY,
        address,
        sessionId: request.sessionId ?? null,
        origin: request.origin ?? null,
        createdAt: now,
        statusHistory: [{ status: 'placed', at: now }],
      };
      await insertPlacedOrder(trx, placed, idempotencyKey, hash);
      if (request.address && request.saveAddress) await saveAddress(trx, user.id, request.address).catch(keepOrderWhenAddressBookIsFull);
      if (request.clearCart) await trx.deleteFrom('cart_items').where('user_id', '=', user.id).where('sku', 'in', items.map((line) => line.sku)).execute();
      await alsoWrite?.(trx, placed, now);
      return placed;
    });
    return { order, replayed: false, cartChanged: request.clearCart === true };
  } catch (error) {
    // This key may have placed its order already: that order is the answer, not our unique violation or the
    // out-of-stock that its own stock decrement caused.
    const winner = await replay(db, user.id, idempotencyKey, hash);
    if (winner) return winner;
    throw error;
  }
}
