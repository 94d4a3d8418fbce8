// An order's status as a labelled badge (placed, confirmed, shipped, delivered, cancelled).
import { useTranslation } from 'react-i18next';
import type { OrderStatus } from '../../../core/order.ts';

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  const { t } = useTranslation('orders');
  return (
    <span className={`order-status order-status-${status}`} data-status={status} data-testid="order-status">
      {t(`status.${status}`)}
    </span>
  );
}
