// The requester's latest orders in the agent's session header, folded like their earlier sessions: number, date, units,
// total and where each stands; said when they have none, and an error with a retry.
import { useTranslation } from 'react-i18next';
import type { RequesterOrder } from '../../../core/help.ts';
import { formatDate, formatPrice } from '../components/format.ts';
import { ErrorView } from '../components/status-views.tsx';
import { useLanguage } from '../components/use-language.ts';
import { useResource } from '../components/use-resource.ts';
import type { AgentConsole, AgentTab } from './agent-console-store.ts';

export function RequesterOrders({ agentConsole, tab }: { agentConsole: AgentConsole; tab: AgentTab }) {
  const { t } = useTranslation('assist');
  const language = useLanguage();
  const orders = useResource<RequesterOrder[]>(() => agentConsole.requesterOrders(tab), [agentConsole, tab.requestId]);
  if (tab.requestId === null || orders.status === 'loading') return null;
  if (orders.status === 'error') return <ErrorView error={orders.error} retry={orders.retry} />;
  if (orders.data.length === 0) return <p className="requester-orders">{t('workspace.orders.none')}</p>;
  return (
    <details className="requester-orders">
      <summary>{t('workspace.orders.summary', { count: orders.data.length })}</summary>
      <ul>
        {orders.data.map((order) => (
          <li key={order.number}>
            {order.number} · {formatDate(order.createdAt, language)} · {t('workspace.orders.units', { count: order.units })} · {formatPrice(order.totalCents, language)} · {t(`workspace.orders.status.${order.status}`)}
            {order.sessionId ? ` · ${t('workspace.orders.inSession')}` : ''}
          </li>
        ))}
      </ul>
    </details>
  );
}
