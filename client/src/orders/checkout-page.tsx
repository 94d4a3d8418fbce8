// Checkout of the cart, for signed-in people: what is ordered, the delivery address, then the order's confirmation page.
import { useCallback } from 'react';
import { Link, useLocation } from 'wouter';
import { useTranslation } from 'react-i18next';
import type { Order } from '../../../core/order.ts';
import { ErrorView, Loading } from '../components/status-views.tsx';
import { useShopStores } from './shop-stores.ts';
import { useStore } from '../state/use-store.ts';
import { CheckoutForm } from './checkout-form.tsx';
import { OrderLines } from './order-lines.tsx';
import { RequireSignIn } from '../components/require-sign-in.tsx';
import { useLanguage } from '../components/use-language.ts';

export function CheckoutPage() {
  return (
    <RequireSignIn>
      <CheckoutView />
    </RequireSignIn>
  );
}

function CheckoutView() {
  const { t } = useTranslation('orders');
  const language = useLanguage();
  const { cart } = useShopStores();
  const state = useStore(cart, (s) => s);
  const [, navigate] = useLocation();
  const onPlaced = useCallback((order: Order) => navigate(`/orders/${order.id}?placed=1`), [navigate]);

  if (!state.cart) {
    if (state.status === 'error') return <ErrorView error={state.error} retry={() => void cart.refresh()} />;
    return <Loading />;
  }
  const { items, totalCents } = state.cart;
  return (
    <section className="checkout-page" aria-labelledby="checkout-title">
      <h1 id="checkout-title">{t('checkout.title')}</h1>
      {items.length === 0 ? (
        <p>
          {t('cart.empty')} <Link href="/">{t('cart.browse')}</Link>
        </p>
      ) : (
        <>
          <OrderLines lines={items} totalCents={totalCents} />
          <p>
            <Link href="/cart">{t('checkout.editCart')}</Link>
          </p>
          <CheckoutForm
            lines={items.map((line) => ({ sku: line.sku, name: line.name[language], quantity: line.quantity, unitPriceCents: line.unitPriceCents }))}
            totalCents={totalCents}
            keyScope="cart"
            fromCart
            onPlaced={onPlaced}
          />
        </>
      )}
    </section>
  );
}
