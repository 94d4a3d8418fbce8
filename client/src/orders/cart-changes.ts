// A cart change waiting for the server, and the cart a person sees: the server's cart with those changes applied on top.
import { MAX_LINE_QUANTITY } from '../../../core/order-limits.ts';
import type { Cart, CartLine } from '../../../core/cart.ts';
import type { LocalizedText } from '../../../core/i18n.ts';
import type { Part } from '../../../core/catalog.ts';

/** What the person was shown of a part, so a line the server's cart does not have yet can be shown at once. */
export type CartPartInfo = Pick<CartLine, 'name' | 'unitPriceCents' | 'stock' | 'consumable'>;

export function cartPartInfo(part: Pick<Part, 'name' | 'priceCents' | 'stock' | 'consumable'>): CartPartInfo {
  return { name: part.name, unitPriceCents: part.priceCents, stock: part.stock, consumable: part.consumable };
}

export interface CartChange {
  changeId: string;
  kind: 'add' | 'set';
  sku: string;
  quantity: number;
  part?: CartPartInfo;
}

const isText = (value: unknown): value is string => typeof value === 'string';
const isInt = (value: unknown): value is number => Number.isInteger(value);

function isLocalizedText(value: unknown): value is LocalizedText {
  const text = value as Partial<LocalizedText> | null;
  return typeof text === 'object' && text !== null && isText(text.en) && isText(text.es);
}

function isPartInfo(value: unknown): value is CartPartInfo {
  const part = value as Partial<CartPartInfo> | null;
  return typeof part === 'object' && part !== null && isLocalizedText(part.name) && isInt(part.unitPriceCents) && isInt(part.stock) && typeof part.consumable === 'boolean';
}

/** Checks a stored change without zod, which the first pages a visitor loads do not ship. */
export function isCartChange(value: unknown): value is CartChange {
  const change = value as Partial<CartChange> | null;
  return (
    typeof change === 'object' &&
    change !== null &&
    isText(change.changeId) &&
    (change.kind === 'add' || change.kind === 'set') &&
    isText(change.sku) &&
    isInt(change.quantity) &&
    (change.part === undefined || isPartInfo(change.part))
  );
}

/**
 * The cart with the changes applied in order. A change the server will refuse for its quantity is left out, and so is
 * a new line whose part is unknown here (no name or price to show) until the server answers.
 */
export function applyCartChanges(cart: Cart, changes: readonly CartChange[]): Cart {
  const items = [...cart.items];
  for (const change of changes) {
    const index = items.findIndex((line) => line.sku === change.sku);
    const line = items[index];
    const quantity = change.kind === 'add' ? (line?.quantity ?? 0) + change.quantity : change.quantity;
    if (quantity > MAX_LINE_QUANTITY || quantity < 0) continue;
    if (quantity === 0) {
      if (line) items.splice(index, 1);
    } else if (line) {
      items[index] = { ...line, quantity, lineTotalCents: line.unitPriceCents * quantity };
    } else if (change.part) {
      items.push({ sku: change.sku, ...change.part, quantity, lineTotalCents: change.part.unitPriceCents * quantity });
    }
  }
  return { ...cart, items, totalCents: items.reduce((sum, line) => sum + line.lineTotalCents, 0) };
}
