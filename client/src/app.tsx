// The app shell: header with navigation, language and account, and the page routes.
import { Link, Route, Switch } from 'wouter';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from './components/language-switcher.tsx';
import { useAppStores } from './state/app-stores.ts';
import { useStore } from './state/use-store.ts';
import { CatalogPage } from './pages/catalog-page.tsx';
import { ProductPage } from './pages/product-page.tsx';
import { CartLink } from './orders/cart-link.tsx';
import { CartSyncNotice } from './orders/cart-sync-notice.tsx';
import { CartPage, CheckoutPage, OrderPage, OrdersPage, SessionPage } from './orders/order-pages.tsx';
import { lazyPage } from './components/lazy-page.tsx';
import { AgentNavLink } from './agent/agent-nav-link.tsx';
import { BackOfficeNavLink, InsightsNavLink, StudioNavLink } from './components/studio-nav-link.tsx';
import { loadNamespace } from './i18n/i18n.ts';
import { ConnectionBanner } from './components/connection-banner.tsx';
import { useConnectionProblem } from './components/use-connection-problem.ts';
import { UpdateNotice } from './offline/update-notice.tsx';

const SignInPage = lazyPage(() => import('./pages/sign-in-page.tsx').then((module) => module.SignInPage));
/** The live-help pages are loaded on demand: the catalog and product pages do not ship the guide runner or the console. */
const StoragePage = lazyPage(() => Promise.all([import('./offline-packages/storage-page.tsx'), loadNamespace('offline')]).then(([module]) => module.default));
const AssistPage = lazyPage(() => Promise.all([import('./assist/assist-page.tsx'), loadNamespace('guide', 'assist')]).then(([module]) => module.default));
const HelpPage = lazyPage(() => Promise.all([import('./pages/help-page.tsx'), loadNamespace('assist')]).then(([module]) => module.default));
const AgentPage = lazyPage(() => Promise.all([import('./agent/agent-page.tsx'), loadNamespace('assist', 'activity')]).then(([module]) => module.default));
/** Studio (admins and authors) loads with its own translations; visitors never download either. */
const BackOfficePage = lazyPage(() => Promise.all([import('./back-office/back-office-page.tsx'), loadNamespace('backOffice')]).then(([module]) => module.default));
const InsightsPage = lazyPage(() => Promise.all([import('./insights/insights-page.tsx'), loadNamespace('insights')]).then(([module]) => module.default));
const ActivityPage = lazyPage(() => Promise.all([import('./activity/activity-page.tsx'), loadNamespace('activity')]).then(([module]) => module.default));
/** The person's settings and data, with its own translations. */
const MyDataPage = lazyPage(() => Promise.all([import('./account/my-data-page.tsx'), loadNamespace('account')]).then(([module]) => module.default));
const StudioPage = lazyPage(() => Promise.all([import('./studio/studio-page.tsx'), loadNamespace('studio')]).then(([module]) => module.default));

function AccountMenu() {
  const { t } = useTranslation();
  const { auth } = useAppStores();
  const user = useStore(auth, (state) => state.user);
  const problem = useConnectionProblem();
  if (!user) {
    return (
      <span className="account">
        {problem?.kind === 'signInExpired' && <span className="account-problem">{t('connection.header.signInExpired')}</span>}
        <Link href="/sign-in">{t('nav.signIn')}</Link>
      </span>
    );
  }
  return (
    <span className="account" data-testid="account">
      <span>{t('signIn.signedInAs', { name: user.name })}</span>
      <Link href="/activity">{t('nav.activity')}</Link>
      <Link href="/my-data">{t('nav.myData')}</Link>
      {problem && (
        <span className="account-problem" data-testid="account-connection">
          {problem.kind === 'signInExpired' ? t('connection.header.signInExpired') : t('connection.header.notConnected')}
        </span>
      )}
      <button type="button" className="link" onClick={() => void auth.logout()}>
        {t('nav.signOut')}
      </button>
    </span>
  );
}

export function App() {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="app-header">
        <Link href="/" className="brand">
          {t('appName')}
        </Link>
        <nav aria-label={t('nav.main')}>
          <Link href="/">{t('nav.catalog')}</Link>
          <CartLink />
          <AgentNavLink />
          <StudioNavLink />
          <BackOfficeNavLink />
          <InsightsNavLink />
        </nav>
        <div className="header-tools">
          <LanguageSwitcher />
          <AccountMenu />
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <ConnectionBanner />
        <UpdateNotice />
        <CartSyncNotice />
        <Switch>
          <Route path="/">
            <CatalogPage />
          </Route>
          <Route path="/products/:id">{(params) => <ProductPage id={params.id} />}</Route>
          <Route path="/offline">
            <StoragePage />
          </Route>
          <Route path="/assist/:productId">{(params) => <AssistPage productId={params.productId} />}</Route>
          <Route path="/sign-in">
            <SignInPage />
          </Route>
          <Route path="/cart">
            <CartPage />
          </Route>
          <Route path="/checkout">
            <CheckoutPage />
          </Route>
          <Route path="/orders">
            <OrdersPage />
          </Route>
          <Route path="/activity">
            <ActivityPage />
          </Route>
          <Route path="/orders/:id">{(params) => <OrderPage id={params.id} />}</Route>
          <Route path="/sessions/:id">{(params) => <SessionPage id={params.id} />}</Route>
          <Route path="/agent">
            <AgentPage />
          </Route>
          <Route path="/admin">
            <BackOfficePage />
          </Route>
          <Route path="/my-data">
            <MyDataPage />
          </Route>
          <Route path="/insights">
            <InsightsPage />
          </Route>
          <Route path="/studio">
            <StudioPage />
          </Route>
          <Route path="/studio/drafts/:id">{(params) => <StudioPage draftId={params.id} />}</Route>
          <Route path="/studio/guides">
            <StudioPage guides />
          </Route>
          <Route path="/studio/guides/:id">{(params) => <StudioPage guideId={params.id} />}</Route>
          <Route path="/studio/guides/:id/preview">{(params) => <StudioPage guideId={params.id} preview />}</Route>
          <Route path="/help/:productId">{(params) => <HelpPage productId={params.productId} />}</Route>
          <Route>
            <p role="alert">{t('error.notFound')}</p>
          </Route>
        </Switch>
      </main>
    </>
  );
}
