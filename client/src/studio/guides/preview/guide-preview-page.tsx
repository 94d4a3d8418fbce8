// `/studio/guides/:id/preview?step=&emulate=1`: the editor's draft (not the published version) run as a technician runs
// a guide — the runner beside the product in 3D with the step's parts lit, and AR with the 3D step panel (IWER's Quest 3
// on localhost with `?emulate=1`, as the product page allows). Progress stays on the page: nothing is saved.
import { Suspense, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearch } from 'wouter';
import { ProductDetailSchema, type ProductDetail } from '../../../../../core/catalog.ts';
import { GuideSchema, type Guide } from '../../../../../core/guide.ts';
import { guideEditorApi } from '../../../api/guide-editor-api.ts';
import { apiGet } from '../../../api/http.ts';
import { ErrorView, Loading } from '../../../components/status-views.tsx';
import { useResource } from '../../../components/use-resource.ts';
import { GuideRunner } from '../../../guides/guide-runner.tsx';
import { GuideScene } from '../../../guides/three/guide-scene.tsx';
import { useGuideKeyboard } from '../../../guides/use-guide-keyboard.ts';
import { currentLanguage } from '../../../i18n/i18n.ts';
import { useExposed } from '../../../observe/use-exposed.ts';
import ProductViewer from '../../../three/product-viewer.tsx';
import { ArLauncher } from '../../../xr/ar-launcher.tsx';
import { usePreviewGuide } from './use-preview-guide.ts';
import '../../../guides/guide.css';

function PreviewView({ guideId, guide, product, stepId }: { guideId: string; guide: Guide; product: ProductDetail; stepId: string | null }) {
  const { t } = useTranslation('studio');
  const language = currentLanguage();
  const { progress, controller } = usePreviewGuide(guide, stepId);
  const [inAr, setInAr] = useState(false);
  useGuideKeyboard(controller, language);
  useExposed('guide', useMemo(() => ({ sessionId: `preview:${guideId}`, progress, controller }), [guideId, progress, controller]));
  return (
    <article className="assist-page guide-preview-page" aria-labelledby="guide-preview-page-title">
      <p>
        <Link href={`/studio/guides/${encodeURIComponent(guideId)}`}>{t('guidePreview.backToEditor')}</Link>
      </p>
      <h1 id="guide-preview-page-title">{t('guidePreview.pageTitle', { title: guide.title[language] })}</h1>
      <p className="hint" data-testid="guide-preview-note">
        {t('guidePreview.pageIntro')}
      </p>
      <div className="assist-layout">
        <div className="assist-stage">
          {!inAr && (
            <Suspense fallback={<Loading />}>
              <ProductViewer product={product} color={null}>
                <GuideScene progress={progress} controller={controller} />
              </ProductViewer>
            </Suspense>
          )}
        </div>
        <div className="assist-side">
          {!inAr && <GuideRunner progress={progress} controller={controller} preview />}
          <ArLauncher product={product} color={null} onActiveChange={setInAr}>
            <GuideScene progress={progress} controller={controller} panel />
          </ArLauncher>
        </div>
      </div>
    </article>
  );
}

function ProductLoader({ guideId, guide, stepId }: { guideId: string; guide: Guide; stepId: string | null }) {
  const product = useResource((signal) => apiGet(`/api/products/${encodeURIComponent(guide.productId)}`, ProductDetailSchema, signal), [guide.productId]);
  if (product.status === 'loading') return <Loading />;
  if (product.status === 'error') return <ErrorView error={product.error} retry={product.retry} />;
  return <PreviewView guideId={guideId} guide={guide} product={product.data} stepId={stepId} />;
}

export function GuidePreviewPage({ guideId }: { guideId: string }) {
  const { t } = useTranslation('studio');
  const stepId = new URLSearchParams(useSearch()).get('step');
  const draft = useResource((signal) => guideEditorApi.read(guideId, signal), [guideId]);
  const parsed = useMemo(() => (draft.status === 'ready' ? GuideSchema.safeParse(draft.data.guide) : null), [draft]);
  if (draft.status === 'loading') return <Loading />;
  if (draft.status === 'error') return <ErrorView error={draft.error} retry={draft.retry} />;
  if (!parsed?.success) {
    return (
      <div className="studio">
        <p role="alert">{t('guidePreview.invalid')}</p>
        <Link href={`/studio/guides/${encodeURIComponent(guideId)}`}>{t('guidePreview.backToEditor')}</Link>
      </div>
    );
  }
  return <ProductLoader guideId={guideId} guide={parsed.data} stepId={stepId} />;
}
