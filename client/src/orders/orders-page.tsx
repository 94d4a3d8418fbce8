// Order history with live status, and the reorder buttons.
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { formatDateTime, formatPrice } from '../components/format.ts';
import { ErrorView, Loading } from '../components/status-views.tsx';
import { useShopStores } from './shop-stores.ts';
import { useStore } from '../state/use-store.ts';
import { OrderStatusBadge } from './order-status-badge.tsx';
import { ReorderButtons } from './reorder-buttons.tsx';
import { RequireSignIn } from '../components/require-sign-in.tsx';
import { useLanguage } from '../components/use-language.ts';

export function OrdersPage() {
  return (
    <RequireSignIn>
      <OrdersView />
    </RequireSignIn>
  );
}

function OrdersView() {
  const { t } = useTranslation('orders');
  const language = useLanguage();
  const { orders: store } = useShopStores();
  const { status, orders, error, lastChange } = useStore(store, (state) => state);

  return (
    <section className="orders-page" aria-labelledby="orders-title">
      <h1 id="orders-title">{t('orders.title')}</h1>
      <ReorderButtons />
      <p className="visually-hidden" role="status" aria-live="polite">
        {lastChange ? t('orders.statusChanged', { number: lastChange.number, status: t(`status.${lastChange.status}`) }) : ''}
      </p>
      {status === 'loading' && <Loading />}
      {status === 'error' && <ErrorView error={error} retry={() => void store.refresh()} />}
      {status === 'ready' && orders.length === 0 && <p>{t('orders.none')}</p>}
      <ul className="order-list" data-testid="order-list">
        {orders.map((order) => (
          <li key={order.id} className="order-row" data-order-id={order.id}>
            <Link href={`/orders/${order.id}`}>
              <strong>{order.number}</strong>
            </Link>
            <span>{formatDateTime(order.createdAt, language)}</span>
            <OrderStatusBadge status={order.status} />
            <span>{formatPrice(order.totalCents, language)}</span>
            <span className="order-row-items">{order.items.map((line) => `${line.quantity} × ${line.name[language]}`).join(', ')}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
