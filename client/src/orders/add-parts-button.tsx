// One tap puts a set of parts into the cart, e.g. what a guide step consumes or a guide's whole parts list.
import { useState } from 'react';
import { Link, useLocation } from 'wouter';
import { useTranslation } from 'react-i18next';
import type { CartItem } from '../../../core/order.ts';
import { useAppStores } from '../state/app-stores.ts';
import { useStore } from '../state/use-store.ts';
import { orderProblemOf, type OrderProblem } from './order-problem.ts';
import { OrderProblemMessage } from './order-problem-message.tsx';

export type AddPartsItem = { sku: string; quantity: number } | { partId: string; quantity: number };

export interface AddPartsButtonProps {
  items: readonly AddPartsItem[];
  /** Needed when items name parts by `partId`: the product whose parts they are. */
  product?: { parts: ReadonlyArray<{ id: string; sku: string }> };
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

/**
 * @example <AddPartsButton product={product} items={[{ partId: 'brake-pads', quantity: 1 }, { sku: 'WC-CBU-01', quantity: 2 }]} />
 */
export function AddPartsButton({ items, product, label }: AddPartsButtonProps) {
  const { t } = useTranslation('orders');
  const { cart } = useAppStores();
  const signedIn = useStore(cart, (state) => state.status !== 'signed-out');
  const [location] = useLocation();
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
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
    setDone(false);
    setProblem(null);
    try {
      await cart.add(cartItems);
      setDone(true);
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
        {done && t('addParts.added', { count })}
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
