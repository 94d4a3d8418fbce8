// "Get live help" from a product page: opens the requester's help page for the product (sign-in first when needed).
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { useAppStores } from '../state/app-stores.ts';
import { useStore } from '../state/use-store.ts';

export function HelpLink({ productId }: { productId: string }) {
  const { t } = useTranslation('catalog');
  const { auth } = useAppStores();
  const role = useStore(auth, (state) => state.user?.role ?? null);
  if (role === 'agent' || role === 'admin') return null;
  return (
    <p className="help-link">
      <Link href={`/help/${encodeURIComponent(productId)}`} data-testid="help-link">
        {t('liveHelp')}
      </Link>
    </p>
  );
}
