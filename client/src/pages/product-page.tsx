// A product: interactive 3D view with variants and real dimensions, "View in your space", its parts.
import { lazy, Suspense, useState } from 'react';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import type { ProductDetail } from '../../../core/catalog.ts';
import type { Language } from '../../../core/languages.ts';
import { apiFetch } from '../api/http.ts';
import { dimensionsInCm, formatPrice } from '../components/format.ts';
import { useResource } from '../components/use-resource.ts';
import { ErrorView, Loading } from '../components/status-views.tsx';
import { ArLauncher } from '../xr/ar-launcher.tsx';
import { variantSku } from '../../../core/product-sku.ts';
import { useAppStores } from '../state/app-stores.ts';
import { useStore } from '../state/use-store.ts';
import { usePartCard } from '../orders/use-part-card.tsx';
import { HelpLink } from '../help/help-link.tsx';
import { GuideLinks } from '../guides/guide-links.tsx';
import { loadNamespace } from '../i18n/i18n.ts';
import { markFirstFrameShown } from '../three/first-frame.ts';

const ProductViewer = lazy(() => import('../three/product-page-viewer.tsx'));
const PartCardHud = lazy(() => import('../orders/three/part-card-hud.tsx'));
const DownloadForOffline = lazy(() =>
  Promise.all([import('../offline-packages/download-for-offline.tsx'), loadNamespace('offline')]).then(([module]) => ({ default: module.DownloadForOffline })),
);
const AddPartsButton = lazy(() => import('../orders/add-parts-button.tsx').then((module) => ({ default: module.AddPartsButton })));

export function ProductPage({ id }: { id: string }) {
  const product = useResource((signal) => apiFetch<ProductDetail>(`/api/products/${encodeURIComponent(id)}`, signal), [id]);
  if (product.status === 'loading') return <Loading />;
  if (product.status === 'error') return <ErrorView error={product.error} retry={product.retry} />;
  return <ProductView product={product.data} />;
}

function ProductView({ product }: { product: ProductDetail }) {
  const { t, i18n } = useTranslation('catalog');
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const signedIn = useStore(useAppStores().auth, (state) => state.user !== null);
  const [variantId, setVariantId] = useState(product.variants[0]?.id ?? null);
  /** The model is on screen: "Download for offline" (its code and data schemas) loads only then. */
  const [viewerShown, setViewerShown] = useState(false);
  const variant = product.variants.find((v) => v.id === variantId) ?? null;
  const partCard = usePartCard(product);
  const onShown = () => {
    setViewerShown(true);
    markFirstFrameShown();
  };

  return (
    <article className="product-page" aria-labelledby="product-title">
      <p>
        <Link href="/">← {t('title')}</Link>
      </p>
      <div className="product-layout">
        <div className="product-stage">
          <Suspense fallback={<Loading label={t('loadingModel', { ns: 'common', percent: 0 })} />}>
            <ProductViewer product={product} color={variant?.color ?? null} onPartSelect={partCard.selectPart} onShown={onShown} />
          </Suspense>
        </div>
        <div className="product-info">
          <h1 id="product-title">{product.name[language]}</h1>
          <p className="price">{formatPrice(product.priceCents, language)}</p>
          <p>{product.description[language]}</p>
          <p className="dimensions" data-testid="dimensions">
            <strong>{t('dimensionsLabel')}:</strong> {t('dimensions', dimensionsInCm(product.dimensions))}
          </p>
          <fieldset className="variants">
            <legend>{t('variants')}</legend>
            {product.variants.map((v) => (
              <label key={v.id} className="variant">
                <input type="radio" name="variant" value={v.id} checked={v.id === variantId} onChange={() => setVariantId(v.id)} />
                <span className="swatch" style={{ background: v.color }} aria-hidden="true" />
                {v.name[language]}
              </label>
            ))}
          </fieldset>
          {variant && signedIn && (
            <Suspense fallback={null}>
              <AddPartsButton items={[{ sku: variantSku(product.sku, variant.id), quantity: 1 }]} label={t('addProductToCart', { name: product.name[language], variant: variant.name[language], price: formatPrice(product.priceCents, language) })} />
            </Suspense>
          )}
          {!signedIn && (
            <p>
              <Link href={`/sign-in?next=${encodeURIComponent(`/products/${product.id}`)}`}>{t('signInToOrder')}</Link>
            </p>
          )}
          <ArLauncher product={product} color={variant?.color ?? null} onPartSelect={partCard.selectPart} onActiveChange={partCard.onArActiveChange} overlay={partCard.arCard} hud={<PartCardHud product={product} partId={partCard.partId} onClose={partCard.close} />} />
          <GuideLinks productId={product.id} />
          <HelpLink productId={product.id} />
          {viewerShown && (
            <Suspense fallback={null}>
              <DownloadForOffline productId={product.id} />
            </Suspense>
          )}
          {partCard.inlineCard}
          <details className="parts">
            <summary>{t('parts')}</summary>
            <ul>
              {product.parts.map((part) => (
                <li key={part.sku}>
                  <button type="button" className="link" onClick={() => partCard.selectPart(part.id)}>
                    {part.name[language]}
                  </button>{' '}
                  <small>({part.sku})</small> — {formatPrice(part.priceCents, language)}
                </li>
              ))}
            </ul>
          </details>
        </div>
      </div>
    </article>
  );
}
