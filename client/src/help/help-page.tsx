// /help/:productId — a requester's live help for a product without a guide: the product inline and in AR with the
// agent's annotations, and the help panel (queue, chat, voice). Joins the same session the assist page uses.
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useLocation, useSearchParams } from 'wouter';
import { useTranslation } from 'react-i18next';
import type { ProductDetail } from '../../../core/catalog.ts';
import type { Language } from '../../../core/languages.ts';
import { apiFetch } from '../api/http.ts';
import { useResource } from '../components/use-resource.ts';
import { ErrorView, Loading } from '../components/status-views.tsx';
import { RequireSignIn } from '../components/require-sign-in.tsx';
import type { SessionJoinResult } from '../../../core/session-events.ts';
import { openHelpSession } from './open-help-session.ts';
import { useAppStores } from '../state/app-stores.ts';
import { useStore } from '../state/use-store.ts';
import { ArLauncher } from '../xr/ar-launcher.tsx';
import { ProposedCartPanel } from '../orders/proposed-cart-panel.tsx';
import { HelpProvider, useHelpBundle } from './help-context.tsx';
import { HelpPanel } from './help-panel.tsx';
import { HelpScene } from './help-scene.tsx';
import './help.css';

const ProductViewer = lazy(() => import('../three/product-viewer.tsx'));

export default function HelpPage({ productId }: { productId: string }) {
  return (
    <RequireSignIn>
      <HelpPageLoader productId={productId} />
    </RequireSignIn>
  );
}

function HelpPageLoader({ productId }: { productId: string }) {
  const { t, i18n } = useTranslation('assist');
  const { connection, auth } = useAppStores();
  const client = useStore(connection, (state) => state.client);
  const userId = useStore(auth, (state) => state.user?.id ?? '');
  const [params] = useSearchParams();
  const [, navigate] = useLocation();
  const sessionParam = params.get('session');
  const product = useResource((signal) => apiFetch<ProductDetail>(`/api/products/${encodeURIComponent(productId)}`, signal), [productId]);
  const [joined, setJoined] = useState<SessionJoinResult | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let cancelled = false;
    openHelpSession(client, { productId, userId, sessionId: sessionParam, language: (i18n.resolvedLanguage ?? 'en') as Language }).then(
      (result) => {
        if (cancelled) return;
        setJoined(result);
        const id = result.state.session.id;
        if (sessionParam === id) return;
        const next = new URLSearchParams(params);
        next.set('session', id);
        navigate(`/help/${encodeURIComponent(productId)}?${next.toString()}`, { replace: true });
      },
      (failure: unknown) => !cancelled && setError(failure),
    );
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- opened once per product and client; the URL then follows
  }, [client, productId, userId]);

  if (product.status === 'error') return <ErrorView error={product.error} retry={product.retry} />;
  if (error) return <ErrorView error={error} />;
  if (product.status === 'loading' || !joined) return <Loading label={t('help.opening')} />;
  return (
    <HelpProvider sessionId={joined.state.session.id} initial={joined}>
      <HelpView product={product.data} guideId={params.get('guide')} />
    </HelpProvider>
  );
}

function HelpView({ product, guideId }: { product: ProductDetail; guideId: string | null }) {
  const { t, i18n } = useTranslation('assist');
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const bundle = useHelpBundle();
  const color = product.variants[0]?.color ?? null;
  const context = useMemo(() => (guideId ? { guideId } : {}), [guideId]);
  const ping = useCallback(
    (partId: string) => {
      if (bundle?.mirror.getState().session?.help?.status === 'active') void bundle.help.ping(partId);
    },
    [bundle],
  );
  return (
    <article className="help-page" aria-labelledby="help-page-title">
      <h1 id="help-page-title">{t('help.pageTitle', { name: product.name[language] })}</h1>
      <div className="product-layout">
        <div className="product-stage">
          <Suspense fallback={<Loading />}>
            <ProductViewer product={product} color={color} onPartSelect={ping}>
              <HelpScene inAr={false} />
            </ProductViewer>
          </Suspense>
          <ArLauncher product={product} color={color} onPartSelect={ping} overlay={<HelpPanel product={product} compact context={context} />}>
            <HelpScene inAr />
          </ArLauncher>
        </div>
        <div className="product-info">
          <HelpPanel product={product} context={context} />
          {bundle && <ProposedCartPanel sessionId={bundle.sessionId} />}
        </div>
      </div>
    </article>
  );
}
