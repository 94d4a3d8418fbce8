// The header link to the agent console, shown to agents only.
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { useAppStores } from '../state/app-stores.ts';
import { useStore } from '../state/use-store.ts';

export function AgentNavLink() {
  const { t } = useTranslation();
  const { auth } = useAppStores();
  const isAgent = useStore(auth, (state) => state.user?.role === 'agent');
  return isAgent ? <Link href="/agent">{t('nav.agentConsole')}</Link> : null;
}
