// One tap puts a set of parts into the cart, e.g. what a guide step consumes or a guide's whole parts list.
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useTranslation } from 'react-i18next';
import type { CartItem } from '../../../core/cart.ts';
import type { Part } from '../../../core/catalog.ts';
import { useShopStores } from './shop-stores.ts';
import { useStore } from '../state/use-store.ts';
import { cartPartInfo } from './cart-changes.ts';
import type { CartAddition } from './cart-store.ts';
import { orderProblemOf, type OrderProblem } from './order-problem.ts';
import { OrderProblemMessage } from './order-problem-message.tsx';

export type AddPartsItem = { sku: string; quantity: number } | { partId: string; quantity: number };

type ProductPart = Pick<Part, 'id' | 'sku'> & Partial<Pick<Part, 'name' | 'priceCents' | 'stock' | 'consumable'>>;

export interface AddPartsButtonProps {
  items: readonly AddPartsItem[];
  /** Needed when items name parts by `partId`: the product whose parts they are (with names and prices, shown at once). */
  product?: { parts: ReadonlyArray<ProductPart> };
  /** Button text. @default "Add to cart" (or "Add all to cart" for several items) */
  label?: string;
}

/** Resolves part ids to SKUs; null when a part id is not in the product. */
export function toCartItems(items: readonly AddPartsItem[], product?: AddPartsButtonProps['product']): CartItem[] | null {
  const resolved: CartItem[] = [];
  for (const item of items) {
    const sku = 'sku' in item ? item.sku : product?.parts.find((part) => part.id === item.partId)?.sku;
    if (!sku) return null;
    const existing = resolved.find((line) => line.sku === sku);
    if (existing) existing.quantity += item.quantity;
    else resolved.push({ sku, quantity: item.quantity });
  }
  return resolved;
}

/** The items with what the product says of each part, so the cart can show a new line before the server answers. */
export function withPartInfo(items: readonly CartItem[], product?: AddPartsButtonProps['product']): CartAddition[] {
  return items.map((item) => {
    const { name, priceCents, stock, consumable } = product?.parts.find((part) => part.sku === item.sku) ?? {};
    if (!name || priceCents === undefined || stock === undefined || consumable === undefined) return item;
    return { ...item, part: cartPartInfo({ name, priceCents, stock, consumable }) };
  });
}

/**
 * @example <AddPartsButton product={product} items={[{ partId: 'brake-pads', quantity: 1 }, { sku: 'WC-CBU-01', quantity: 2 }]} />
 */
export function AddPartsButton({ items, product, label }: AddPartsButtonProps) {
  const { t } = useTranslation('orders');
  const { cart } = useShopStores();
  const signedIn = useStore(cart, (state) => state.status !== 'signed-out');
  const [location] = useLocation();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<'saved' | 'queued' | null>(null);
  const [problem, setProblem] = useState<OrderProblem | null>(null);
  const cartItems = toCartItems(items, product);
  const count = cartItems?.reduce((sum, item) => sum + item.quantity, 0) ?? 0;

  if (!signedIn) {
    return (
      <Link href={`/sign-in?next=${encodeURIComponent(location)}`} className="add-parts">
        {t('signInToOrder')}
      </Link>
    );
  }

  const add = async () => {
    if (!cartItems) return;
    setBusy(true);
    setDone(null);
    setProblem(null);
    try {
      setDone(await cart.add(withPartInfo(cartItems, product)));
    } catch (error) {
      setProblem(orderProblemOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <span className="add-parts">
      <button type="button" onClick={() => void add()} disabled={busy || !cartItems || cartItems.length === 0} data-testid="add-parts">
        {label ?? (items.length > 1 ? t('addParts.all') : t('partCard.addToCart'))}
      </button>
      <span role="status" aria-live="polite">
        {done && t(done === 'queued' ? 'addParts.addedOffline' : 'addParts.added', { count })}
      </span>
      {!cartItems && (
        <span role="alert" className="status-error">
          {t('addParts.unknownPart')}
        </span>
      )}
      {problem && <OrderProblemMessage problem={problem} />}
    </span>
  );
}
