// One order, with its live status: the confirmation after checkout ("?placed=1", with the survey about ordering) and the
// detail page from the history.
import { useEffect, useMemo } from 'react';
import { Link, useSearchParams } from 'wouter';
import { useTranslation } from 'react-i18next';
import { OrderResponseSchema } from '../../../core/order.ts';
import { apiGet } from '../api/http.ts';
import { ErrorView, Loading } from '../components/status-views.tsx';
import { useResource } from '../components/use-resource.ts';
import { useShopStores } from './shop-stores.ts';
import { useStore } from '../state/use-store.ts';
import { formatCountry, formatDateTime } from '../components/format.ts';
import { OrderLines } from './order-lines.tsx';
import { OrderStatusBadge } from './order-status-badge.tsx';
import { RequireSignIn } from '../components/require-sign-in.tsx';
import { useLanguage } from '../components/use-language.ts';
import { LazySurvey } from '../surveys/lazy-survey.tsx';

export function OrderPage({ id }: { id: string }) {
  return (
    <RequireSignIn>
      <OrderView id={id} />
    </RequireSignIn>
  );
}

function OrderView({ id }: { id: string }) {
  const { t } = useTranslation('orders');
  const language = useLanguage();
  const { orders } = useShopStores();
  const live = useStore(orders, (state) => state.orders.find((order) => order.id === id) ?? null);
  const [params] = useSearchParams();
  const fetched = useResource((signal) => (live ? Promise.resolve(null) : apiGet(`/api/orders/${encodeURIComponent(id)}`, OrderResponseSchema, signal)), [id, live === null]);

  useEffect(() => {
    if (fetched.status === 'ready' && fetched.data) orders.receive(fetched.data.order);
  }, [fetched, orders]);

  const order = live ?? (fetched.status === 'ready' ? fetched.data?.order ?? null : null);
  const survey = useMemo(() => ({ context: 'order' as const, contextId: id }), [id]);
  if (!order) {
    if (fetched.status === 'error') return <ErrorView error={fetched.error} retry={fetched.retry} />;
    return <Loading />;
  }
  const placed = params.get('placed') === '1';
  return (
    <article className="order-page" aria-labelledby="order-title" data-order-id={order.id}>
      <h1 id="order-title">{placed ? t('order.thanks', { number: order.number }) : t('order.title', { number: order.number })}</h1>
      <p className="order-number">
        {t('order.number')}: <strong data-testid="order-number">{order.number}</strong>
      </p>
      <p role="status" aria-live="polite" aria-atomic="true">
        {t('order.status')}: <OrderStatusBadge status={order.status} />
      </p>
      <ol className="order-history" aria-label={t('order.history')}>
        {order.statusHistory.map((change) => (
          <li key={`${change.status}-${change.at}`}>
            {t(`status.${change.status}`)} — {formatDateTime(change.at, language)}
          </li>
        ))}
      </ol>
      <OrderLines lines={order.items} totalCents={order.totalCents} />
      <h2>{t('order.deliverTo')}</h2>
      {order.address ? (
        <address>
          {order.address.name}
          <br />
          {order.address.street}
          <br />
          {order.address.postalCode} {order.address.city}
          <br />
          {formatCountry(order.address.country, language)}
        </address>
      ) : (
        <p>{t('order.addressErased')}</p>
      )}
      {order.sessionId && <p className="hint">{t('order.fromSession')}</p>}
      <p>
        <Link href="/orders">{t('orders.all')}</Link>
      </p>
      {placed && <LazySurvey target={survey} />}
    </article>
  );
}
