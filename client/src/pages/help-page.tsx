// /help/:productId — a requester's live help for a product without a guide: the product inline and in AR with the
// agent's annotations, and the help panel (queue, chat, voice; in a headset, its 3D sheet). Joins the same session the
// assist page uses.
import { lazy, Suspense, useCallback, useMemo } from 'react';
import { useSearchParams } from 'wouter';
import { useTranslation } from 'react-i18next';
import type { ProductDetail } from '../../../core/catalog.ts';
import { apiFetch } from '../api/http.ts';
import { useResource } from '../components/use-resource.ts';
import { ErrorView, Loading } from '../components/status-views.tsx';
import { RequireSignIn } from '../components/require-sign-in.tsx';
import { useLanguage } from '../components/use-language.ts';
import { SessionProvider, useLiveSession } from '../sessions/session-provider.tsx';
import { useOpenSession } from '../sessions/use-open-session.ts';
import { EndSessionButton, SessionEndedGate } from '../sessions/end-session.tsx';
import { useAppStores } from '../state/app-stores.ts';
import { useStore } from '../state/use-store.ts';
import { ArLauncher } from '../xr/ar-launcher.tsx';
import { ProposedCartPanel } from '../orders/proposed-cart-panel.tsx';
import { helpOf } from '../help/help-store.ts';
import { HelpPanel } from '../help/help-panel.tsx';
import { HelpScene } from '../help/help-scene.tsx';
import { HelpSurvey } from '../help/help-survey.tsx';
import '../help/help.css';

const ProductViewer = lazy(() => import('../three/product-viewer.tsx'));
const HelpPageHud = lazy(() => import('../help/three/help-page-hud.tsx'));

export default function HelpPage({ productId }: { productId: string }) {
  return (
    <RequireSignIn>
      <HelpPageLoader productId={productId} />
    </RequireSignIn>
  );
}

function HelpPageLoader({ productId }: { productId: string }) {
  const { t } = useTranslation('assist');
  const { auth } = useAppStores();
  const userId = useStore(auth, (state) => state.user?.id ?? '');
  const [params] = useSearchParams();
  const product = useResource((signal) => apiFetch<ProductDetail>(`/api/products/${encodeURIComponent(productId)}`, signal), [productId]);
  const language = useLanguage();
  const boot = useOpenSession({ productId, userId, language });

  if (product.status === 'error') return <ErrorView error={product.error} retry={product.retry} />;
  if (boot.status === 'error') return <ErrorView error={boot.error} />;
  if (product.status === 'loading' || boot.status !== 'ready') return <Loading label={t('help.opening')} />;
  return (
    <SessionProvider key={boot.joined.state.session.id} sessionId={boot.joined.state.session.id} initial={boot.joined} startNew={boot.startNew}>
      <SessionEndedGate ended={<HelpSurvey />}>
        <HelpView product={product.data} guideId={params.get('guide')} />
      </SessionEndedGate>
    </SessionProvider>
  );
}

function HelpView({ product, guideId }: { product: ProductDetail; guideId: string | null }) {
  const { t } = useTranslation('assist');
  const language = useLanguage();
  const session = useLiveSession();
  const color = product.variants[0]?.color ?? null;
  const context = useMemo(() => (guideId ? { guideId } : {}), [guideId]);
  const ping = useCallback(
    (partId: string) => {
      if (session?.mirror.getState().session?.help?.status === 'active') void helpOf(session).ping(partId);
    },
    [session],
  );
  return (
    <article className="help-page" aria-labelledby="help-page-title">
      <h1 id="help-page-title">{t('help.pageTitle', { name: product.name[language] })}</h1>
      <EndSessionButton />
      <div className="product-layout">
        <div className="product-stage">
          <Suspense fallback={<Loading />}>
            <ProductViewer product={product} color={color} onPartSelect={ping}>
              <HelpScene inAr={false} />
            </ProductViewer>
          </Suspense>
          <ArLauncher product={product} color={color} onPartSelect={ping} overlay={<HelpPanel product={product} compact context={context} />} hud={<HelpPageHud product={product} guideId={guideId} />}>
            <HelpScene inAr />
          </ArLauncher>
        </div>
        <div className="product-info">
          <HelpPanel product={product} context={context} />
          <ProposedCartPanel />
        </div>
      </div>
    </article>
  );
}
