// The back office (admins): everyone's orders, moved along their status, and every part's stock, set by hand.
import { useTranslation } from 'react-i18next';
import { RequireSignIn } from '../components/require-sign-in.tsx';
import { useAppStores } from '../state/app-stores.ts';
import { useStore } from '../state/use-store.ts';
import { OrdersDesk } from './orders-desk.tsx';
import { StockDesk } from './stock-desk.tsx';
import './back-office.css';

export default function BackOfficePage() {
  return (
    <RequireSignIn>
      <BackOffice />
    </RequireSignIn>
  );
}

function BackOffice() {
  const { t } = useTranslation('backOffice');
  const { auth } = useAppStores();
  const isAdmin = useStore(auth, (state) => state.user?.role === 'admin');
  return (
    <section className="back-office" aria-labelledby="back-office-title">
      <h1 id="back-office-title">{t('title')}</h1>
      {isAdmin ? (
        <>
          <OrdersDesk />
          <StockDesk />
        </>
      ) : (
        <p role="alert">{t('adminsOnly')}</p>
      )}
    </section>
  );
}
