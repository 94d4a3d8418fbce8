// The requester's earlier sessions, as the help request carried them.
import { useTranslation } from 'react-i18next';
import type { HelpHistoryItem } from '../../../core/help.ts';
import { formatDate } from '../components/format.ts';
import { useLanguage } from '../components/use-language.ts';
import { useProductNames } from '../components/use-product-names.ts';
import { useGuideNames } from './use-guide-names.ts';

export function RequesterHistory({ history }: { history: readonly HelpHistoryItem[] }) {
  const { t } = useTranslation('assist');
  const language = useLanguage();
  const productName = useProductNames(language);
  const { guideTitle } = useGuideNames(language, history.map((item) => item.guideId));
  if (history.length === 0) return null;
  return (
    <details className="requester-history">
      <summary>{t('queue.earlierSessions', { count: history.length })}</summary>
      <ul>
        {history.map((item) => (
          <li key={item.sessionId}>
            {formatDate(item.createdAt, language)} · {productName(item.productId)}
            {item.guideId ? ` · ${guideTitle(item.guideId)}` : ''} · {t('workspace.helpRequests', { count: item.helpRequests })}
          </li>
        ))}
      </ul>
    </details>
  );
}
