// Everyone's orders, newest first, filtered by status; each moves to the statuses it may take next, with one press.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { apiGet, apiRequest } from '../api/http.ts';
import { AdminOrderListSchema, ORDER_STATUSES, ORDER_TRANSITIONS, type AdminOrderList, type OrderStatus } from '../../../core/order.ts';
import { formatDateTime, formatPrice } from '../components/format.ts';
import { ErrorView, Loading } from '../components/status-views.tsx';
import { useLanguage } from '../components/use-language.ts';
import { errorText } from '../i18n/error-text.ts';
import { OrderStatusBadge } from '../orders/order-status-badge.tsx';

type Orders = AdminOrderList['orders'];

export function OrdersDesk() {
  const { t } = useTranslation('backOffice');
  const { t: tOrders } = useTranslation('orders');
  const language = useLanguage();
  const [filter, setFilter] = useState<OrderStatus | ''>('');
  const [orders, setOrders] = useState<Orders | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);

  const load = useCallback(() => {
    setLoadError(null);
    apiGet(`/api/admin/orders?limit=100${filter ? `&status=${filter}` : ''}`, AdminOrderListSchema).then(
      (list) => setOrders(list.orders),
      (error: unknown) => setLoadError(error),
    );
  }, [filter]);
  useEffect(load, [load]);

  const move = async (order: Orders[number], status: OrderStatus) => {
    setBusy(order.id);
    try {
      await apiRequest(`/api/orders/${order.id}`, { method: 'PATCH', body: { status } });
      setMessage({ ok: true, text: t('orders.moved', { number: order.number, status: tOrders(`status.${status}`) }) });
      load();
    } catch (error) {
      setMessage({ ok: false, text: errorText(error) });
    } finally {
      setBusy(null);
    }
  };

  return (
    <section aria-labelledby="orders-desk-title" className="back-office-desk">
      <h2 id="orders-desk-title">{t('orders.title')}</h2>
      <label className="back-office-filter">
        {t('orders.filter')}
        <select value={filter} onChange={(event) => setFilter(event.target.value as OrderStatus | '')}>
          <option value="">{t('orders.all')}</option>
          {ORDER_STATUSES.map((status) => (
            <option key={status} value={status}>
              {tOrders(`status.${status}`)}
            </option>
          ))}
        </select>
      </label>
      <p className={message?.ok === false ? 'status-error' : 'status'} role={message?.ok === false ? 'alert' : 'status'} aria-live="polite">
        {message?.text ?? ''}
      </p>
      {loadError !== null && <ErrorView error={loadError} retry={load} />}
      {orders === null && loadError === null && <Loading />}
      {orders?.length === 0 && <p>{t('orders.none')}</p>}
      <ul className="back-office-list" data-testid="back-office-orders">
        {orders?.map((order) => (
          <li key={order.id} data-order-id={order.id}>
            <div className="back-office-row-head">
              <Link href={`/orders/${order.id}`}>
                <strong>{order.number}</strong>
              </Link>
              <OrderStatusBadge status={order.status} />
              <span>{formatPrice(order.totalCents, language)}</span>
            </div>
            <p>
              {order.buyer ? t('orders.placedBy', { name: order.buyer.name, email: order.buyer.email, at: formatDateTime(order.createdAt, language) }) : t('orders.placedByErased', { at: formatDateTime(order.createdAt, language) })}
            </p>
            <p className="back-office-items">{order.items.map((line) => `${line.quantity} × ${line.name[language]}`).join(', ')}</p>
            <div className="back-office-actions">
              {ORDER_TRANSITIONS[order.status].map((next) => (
                <button key={next} type="button" className={next === 'cancelled' ? 'danger' : ''} disabled={busy === order.id} onClick={() => void move(order, next)}>
                  {t(`orders.to.${next}`, { number: order.number })}
                </button>
              ))}
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
