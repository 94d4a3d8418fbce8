// Says, politely, that cart changes made offline will be sent when the connection is back (or why they cannot be,
// while the server refuses the connection), and shows the server's refusal of one of them.
import { useTranslation } from 'react-i18next';
import { useShopStores } from './shop-stores.ts';
import { useStore } from '../state/use-store.ts';
import { useLanguage } from '../components/use-language.ts';
import { useConnectionProblem } from '../components/use-connection-problem.ts';
import { errorText } from '../i18n/error-text.ts';

export function CartSyncNotice() {
  const { t } = useTranslation();
  const language = useLanguage();
  const { cart } = useShopStores();
  const signedIn = useStore(cart, (state) => state.status !== 'signed-out');
  const waiting = useStore(cart, (state) => !state.online && state.pending.length > 0);
  const refused = useStore(cart, (state) => state.refused);
  const problem = useConnectionProblem();
  if (!signedIn) return null;
  return (
    <div className="cart-sync">
      <p role="status" aria-live="polite" data-testid="cart-sync">
        {waiting && (problem?.blocking ? t('cartSync.blocked', { reason: t(`connection.short.${problem.kind}`) }) : t('cartSync.offline'))}
      </p>
      {refused && (
        <p role="alert" className="cart-sync-refused" data-testid="cart-refused">
          {t('cartSync.refused', { name: refused.name?.[language] ?? refused.sku, message: errorText(refused.error) })}
        </p>
      )}
    </div>
  );
}
