// The cart: change quantities, remove lines (at once, sent when online), totals priced by the server, then checkout
// (which needs a connection); reorders when it is empty.
import { useState } from 'react';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import type { CartLine } from '../../../core/cart.ts';
import { formatPrice } from '../components/format.ts';
import { ErrorView, Loading } from '../components/status-views.tsx';
import { useShopStores } from './shop-stores.ts';
import { useStore } from '../state/use-store.ts';
import { orderProblemOf, type OrderProblem } from './order-problem.ts';
import { OrderProblemMessage } from './order-problem-message.tsx';
import { QuantityStepper } from './quantity-stepper.tsx';
import { ReorderButtons } from './reorder-buttons.tsx';
import { RequireSignIn } from '../components/require-sign-in.tsx';
import { useLanguage } from '../components/use-language.ts';
import { useConnectionProblem } from '../components/use-connection-problem.ts';

export function CartPage() {
  return (
    <RequireSignIn>
      <CartView />
    </RequireSignIn>
  );
}

function CartView() {
  const { t } = useTranslation('orders');
  const language = useLanguage();
  const { cart } = useShopStores();
  const state = useStore(cart, (s) => s);

  if (!state.cart) {
    if (state.status === 'error') return <ErrorView error={state.error} retry={() => void cart.refresh()} />;
    return <Loading />;
  }
  const { items, totalCents } = state.cart;
  return (
    <section className="cart-page" aria-labelledby="cart-title">
      <h1 id="cart-title">{t('cart.title')}</h1>
      {items.length === 0 ? (
        <>
          <p>{t('cart.empty')}</p>
          <p>
            <Link href="/">{t('cart.browse')}</Link>
          </p>
          <ReorderButtons />
        </>
      ) : (
        <>
          <ul className="cart-lines" data-testid="cart-lines">
            {items.map((line) => (
              <CartLineRow key={line.sku} line={line} pending={state.pending.includes(line.sku)} />
            ))}
          </ul>
          <p className="cart-total">
            {t('cart.total')}: <strong data-testid="cart-total">{formatPrice(totalCents, language)}</strong>
          </p>
          {state.online ? (
            <Link href="/checkout" className="button primary" data-testid="go-checkout">
              {t('cart.checkout')}
            </Link>
          ) : (
            <button type="button" className="button primary" aria-disabled="true" data-testid="go-checkout">
              {t('cart.checkoutOffline')}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/** Why a change is still waiting: the connection problem, in words, when there is one. */
function PendingNote() {
  const { t } = useTranslation('orders');
  const problem = useConnectionProblem();
  return (
    <div className="cart-line-pending" data-testid="cart-line-pending">
      {problem ? t('cart.notSentBecause', { reason: t(`connection.short.${problem.kind}`, { ns: 'common' }) }) : t('cart.notSent')}
    </div>
  );
}

function CartLineRow({ line, pending }: { line: CartLine; pending: boolean }) {
  const { t } = useTranslation('orders');
  const language = useLanguage();
  const { cart } = useShopStores();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<OrderProblem | null>(null);
  const name = line.name[language];

  const change = async (quantity: number) => {
    setBusy(true);
    setProblem(null);
    try {
      await cart.setQuantity(line.sku, quantity);
    } catch (error) {
      setProblem(orderProblemOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="cart-line" data-sku={line.sku}>
      <div className="cart-line-name">
        <strong>{name}</strong> <small>{line.sku}</small>
        {pending && <PendingNote />}
        <div>{t('cart.each', { price: formatPrice(line.unitPriceCents, language) })}</div>
        {line.quantity > line.stock && (
          <div className="status-error">{line.stock === 0 ? t('errors.outOfStock', { name }) : t('errors.onlyLeft', { count: line.stock, name })}</div>
        )}
      </div>
      <QuantityStepper label={t('quantity.labelFor', { name })} value={line.quantity} onChange={(quantity) => void change(quantity)} disabled={busy} />
      <div className="cart-line-total">{formatPrice(line.lineTotalCents, language)}</div>
      <button type="button" className="link" onClick={() => void change(0)} disabled={busy} aria-label={t('cart.removeItem', { name })}>
        {t('cart.remove')}
      </button>
      {problem && <OrderProblemMessage problem={problem} nameOf={() => name} />}
    </li>
  );
}
