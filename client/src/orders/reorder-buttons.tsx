// "Reorder last order" and "Reorder the usual" (consumables ordered at least twice): they fill the cart, then open it.
import { useState } from 'react';
import { useLocation } from 'wouter';
import { useTranslation } from 'react-i18next';
import { CartResponseSchema } from '../../../core/cart.ts';
import { UsualListSchema } from '../../../core/order.ts';
import { apiGet, apiRequest } from '../api/http.ts';
import { useResource } from '../components/use-resource.ts';
import { useShopStores } from './shop-stores.ts';
import { useStore } from '../state/use-store.ts';
import { orderProblemOf, type OrderProblem } from './order-problem.ts';
import { OrderProblemMessage } from './order-problem-message.tsx';
import { useLanguage } from '../components/use-language.ts';

export function ReorderButtons() {
  const { t } = useTranslation('orders');
  const language = useLanguage();
  const { cart, orders } = useShopStores();
  const hasOrders = useStore(orders, (state) => state.orders.length > 0);
  const orderCount = useStore(orders, (state) => state.orders.length);
  const usual = useResource((signal) => apiGet('/api/orders/usual', UsualListSchema, signal), [orderCount]);
  const [, navigate] = useLocation();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<OrderProblem | null>(null);
  const usualItems = usual.status === 'ready' ? usual.data.items : [];

  const reorder = async (path: '/api/orders/reorder-last' | '/api/orders/reorder-usual') => {
    setBusy(true);
    setProblem(null);
    try {
      cart.receive(CartResponseSchema.parse(await apiRequest(path, { method: 'POST' })).cart);
      navigate('/cart');
    } catch (error) {
      setProblem(orderProblemOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="reorder" aria-label={t('reorder.title')}>
      <div className="reorder-buttons">
        <button type="button" onClick={() => void reorder('/api/orders/reorder-last')} disabled={busy || !hasOrders} data-testid="reorder-last">
          {t('reorder.last')}
        </button>
        <button type="button" onClick={() => void reorder('/api/orders/reorder-usual')} disabled={busy || usualItems.length === 0} aria-describedby="usual-items" data-testid="reorder-usual">
          {t('reorder.usual')}
        </button>
      </div>
      <p id="usual-items" className="hint">
        {usualItems.length === 0 ? t('reorder.noUsual') : t('reorder.usualIs', { items: usualItems.map((item) => `${item.quantity} × ${item.name[language]}`).join(', ') })}
      </p>
      {problem && <OrderProblemMessage problem={problem} />}
    </section>
  );
}
