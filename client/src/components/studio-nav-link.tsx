// The header links to Studio (admins and authors), the back office (admins) and Insights (admins and operators); each
// room loads when it is opened.
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import type * as Insights from '../../../core/insights.ts';
import type * as Studio from '../../../core/studio.ts';
import { useAppStores } from '../state/app-stores.ts';
import { useStore } from '../state/use-store.ts';

/** core/studio.ts's STUDIO_ROLES, repeated so the header does not ship Studio's schemas; the type keeps the two equal. */
const STUDIO_ROLES: typeof Studio.STUDIO_ROLES = ['admin', 'author'];

/** core/insights.ts's INSIGHTS_ROLES, repeated for the same reason. */
const INSIGHTS_ROLES: typeof Insights.INSIGHTS_ROLES = ['admin', 'operator'];

function canUseStudio(role: string | undefined): boolean {
  return (STUDIO_ROLES as readonly (string | undefined)[]).includes(role);
}

export function StudioNavLink() {
  const { t } = useTranslation();
  const { auth } = useAppStores();
  const allowed = useStore(auth, (state) => canUseStudio(state.user?.role));
  return allowed ? <Link href="/studio">{t('nav.studio')}</Link> : null;
}

export function BackOfficeNavLink() {
  const { t } = useTranslation();
  const { auth } = useAppStores();
  const allowed = useStore(auth, (state) => state.user?.role === 'admin');
  return allowed ? <Link href="/admin">{t('nav.backOffice')}</Link> : null;
}

export function InsightsNavLink() {
  const { t } = useTranslation();
  const { auth } = useAppStores();
  const allowed = useStore(auth, (state) => (INSIGHTS_ROLES as readonly (string | undefined)[]).includes(state.user?.role));
  return allowed ? <Link href="/insights">{t('nav.insights')}</Link> : null;
}
