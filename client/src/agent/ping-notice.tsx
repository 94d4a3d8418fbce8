// What the requester last pointed at, announced beside the twin so the agent sees it whichever side tab is open.
import { useTranslation } from 'react-i18next';
import type { ProductDetail } from '../../../core/catalog.ts';
import { useLanguage } from '../components/use-language.ts';
import { useStore } from '../state/use-store.ts';
import type { AgentTab } from './agent-console-store.ts';

export function PingNotice({ tab, product }: { tab: AgentTab; product: ProductDetail }) {
  const { t } = useTranslation('assist');
  const language = useLanguage();
  const pinged = useStore(tab.session.mirror, (state) => state.lastPing?.partId ?? null);
  const name = pinged ? product.parts.find((part) => part.id === pinged)?.name[language] : null;
  return (
    <p role="status" className="pinged">
      {name ? t('parts.pinged', { name: tab.requesterName, part: name }) : ''}
    </p>
  );
}
