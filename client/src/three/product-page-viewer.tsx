// The product page's inline 3D view: the plain three.js product stage in the same markup as ProductViewer, with load
// progress and a reset button (the page needs no extra scene content, so no react-three-fiber loads before its first frame).
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDetail } from '../../../core/catalog.ts';
import type { Language } from '../../../core/languages.ts';
import { createProductStage, type ProductStage } from './product-stage.ts';

export interface ProductPageViewerProps {
  product: ProductDetail;
  color: string | null;
  onPartSelect: (partId: string) => void;
  /** Called once, on the first frame that draws the model (what can wait for it, loads then). */
  onShown: () => void;
}

export default function ProductPageViewer({ product, color, onPartSelect, onShown }: ProductPageViewerProps) {
  const { t, i18n } = useTranslation('catalog');
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const [progress, setProgress] = useState(0);
  const [loaded, setLoaded] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  const container = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const stage = useRef<ProductStage | null>(null);
  const latest = useRef({ color, onPartSelect, onShown });
  latest.current = { color, onPartSelect, onShown };

  useLayoutEffect(() => {
    if (!container.current || !canvas.current) return;
    const created = createProductStage(container.current, canvas.current, product, latest.current.color, {
      onProgress: setProgress,
      onLoaded: () => setLoaded(true),
      onError: (error) => setFailure(error ?? new Error(`could not load ${product.modelUrl}`)),
      onPartSelect: (partId) => latest.current.onPartSelect(partId),
      onShown: () => latest.current.onShown(),
    });
    stage.current = created;
    return () => {
      created.destroy();
      stage.current = null;
    };
  }, [product]);

  useEffect(() => stage.current?.setColor(color), [color]);

  if (failure !== null) throw failure instanceof Error ? failure : new Error(String(failure));
  const percent = Math.round(progress * 100);
  return (
    <div className="viewer">
      {!loaded && (
        <div className="viewer-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={t('loadingModel', { ns: 'common', percent })}>
          <div className="viewer-progress-bar" style={{ width: `${percent}%` }} />
          <span>{t('loadingModel', { ns: 'common', percent })}</span>
        </div>
      )}
      <div ref={container} style={{ position: 'relative', width: '100%', height: '100%', overflow: 'hidden' }} data-testid="product-canvas">
        <canvas ref={canvas} style={{ display: 'block' }} data-view="inline" role="img" aria-label={t('viewer.label', { name: product.name[language] })} />
      </div>
      <button type="button" className="viewer-reset" onClick={() => stage.current?.reset()}>
        {t('viewer.reset')}
      </button>
    </div>
  );
}
