// The header's cart link with the number of items, and the orders link, for signed-in people.
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { useShopStores } from './shop-stores.ts';
import { useStore } from '../state/use-store.ts';
import { cartItemCount } from './cart-store.ts';
import '../styles/orders.css';

export function CartLink() {
  const { t } = useTranslation();
  const { cart } = useShopStores();
  const signedIn = useStore(cart, (state) => state.status !== 'signed-out');
  const count = useStore(cart, (state) => cartItemCount(state.cart));
  if (!signedIn) return null;
  return (
    <>
      <Link href="/orders">{t('nav.orders')}</Link>
      <Link href="/cart" className="cart-link" aria-label={t('nav.cartLabel', { count })} data-testid="cart-link">
        {t('nav.cart')} <span className="cart-count" aria-hidden="true">{count}</span>
      </Link>
    </>
  );
}
