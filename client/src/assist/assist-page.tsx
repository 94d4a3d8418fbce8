// The assist page `/assist/:productId?session=&asset=&guide=`: signed-in only; opens or resumes the person's session
// for the product (the session id stays in the URL so another device opens the same one), then runs the guide. The
// page owns its live session: inline view and AR share it, so a call or a help request outlives switching between them.
import { useMemo, type ReactNode } from 'react';
import { Redirect, useLocation, useSearch } from 'wouter';
import { useTranslation } from 'react-i18next';
import { ProductDetailSchema } from '../../../core/catalog.ts';
import type { User } from '../../../core/auth.ts';
import type { Language } from '../../../core/languages.ts';
import { apiGet } from '../api/http.ts';
import { ErrorView, Loading } from '../components/status-views.tsx';
import { useResource } from '../components/use-resource.ts';
import { assetIdFor } from '../guides/guide-api.ts';
import { SessionProvider } from '../sessions/session-provider.tsx';
import { useOpenSession } from '../sessions/use-open-session.ts';
import { SessionEndedGate } from '../sessions/end-session.tsx';
import { useAppStores } from '../state/app-stores.ts';
import { useStore } from '../state/use-store.ts';
import { AssistView } from './assist-view.tsx';
import { AssistHelp } from '../help/assist-help.tsx';
import { AssistHelpScene } from '../help/assist-help-scene.tsx';
import { ProactiveOfferSlot } from '../proactive/proactive-offer.tsx';
import '../guides/guide.css';

export interface AssistPageProps {
  productId: string;
  /** Rendered beside the guide's step controls (inline and in AR). @default the live-help "Get help" button and the help offered before asking */
  helpSlot?: ReactNode;
}

const defaultHelp = (
  <>
    <AssistHelp />
    <ProactiveOfferSlot />
  </>
);

export default function AssistPage({ productId, helpSlot = defaultHelp }: AssistPageProps) {
  const { auth } = useAppStores();
  const user = useStore(auth, (state) => state.user);
  const [location] = useLocation();
  const search = useSearch();
  if (!user) return <Redirect to={`/sign-in?next=${encodeURIComponent(search ? `${location}?${search}` : location)}`} replace />;
  return <AssistLoader key={`${user.id}:${productId}`} productId={productId} user={user} helpSlot={helpSlot} />;
}

function AssistLoader({ productId, user, helpSlot }: { productId: string; user: User; helpSlot: ReactNode }) {
  const { t, i18n } = useTranslation('guide');
  const search = useSearch();
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const assetId = assetIdFor(productId, params.get('asset'));
  const requestedGuide = useMemo(() => params.get('guide'), [params]);
  const product = useResource((signal) => apiGet(`/api/products/${encodeURIComponent(productId)}`, ProductDetailSchema, signal), [productId]);
  const boot = useOpenSession({ productId, userId: user.id, installedAssetId: assetId, sameUnitOnly: params.get('asset') !== null, language: (i18n.resolvedLanguage ?? 'en') as Language });

  if (product.status === 'loading') return <Loading />;
  if (product.status === 'error') return <ErrorView error={product.error} retry={product.retry} />;
  if (boot.status === 'connecting') return <Loading label={t('page.connecting')} />;
  if (boot.status === 'opening') return <Loading label={t('page.opening')} />;
  if (boot.status === 'error') {
    return (
      <div className="status status-error" role="alert">
        <p>{t('page.failed', { message: boot.message })}</p>
        <button type="button" onClick={boot.retry}>
          {t('page.retry')}
        </button>
      </div>
    );
  }
  const { state } = boot.joined;
  const sessionAsset = params.get('asset') === null ? state.session.installedAssetId : null;
  return (
    <SessionProvider key={state.session.id} sessionId={state.session.id} initial={boot.joined} startNew={boot.startNew}>
      <SessionEndedGate>
        <AssistView product={product.data} session={state} user={user} assetId={sessionAsset ?? assetId} requestedGuide={requestedGuide} helpSlot={helpSlot} helpScene={<AssistHelpScene />} />
      </SessionEndedGate>
    </SessionProvider>
  );
}
