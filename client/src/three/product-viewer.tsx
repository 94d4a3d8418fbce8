// The inline 3D view of a product: orbit and zoom around the real-size model, variant colour, load progress.
import { Suspense, useEffect, useRef, useState, type ReactNode } from 'react';
import { useFrame } from '@react-three/fiber';
import { LeanCanvas } from './lean-canvas.tsx';
import { BlobShadow } from './blob-shadow.tsx';
import { ViewerControls } from './viewer-controls.tsx';
import type { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { useTranslation } from 'react-i18next';
import type { ProductDetail } from '../../../core/catalog.ts';
import type { Language } from '../../../core/languages.ts';
import { ProductModel } from './product-model.tsx';

export interface ProductViewerProps {
  product: ProductDetail;
  color: string | null;
  /** Extra scene content (guide overlays, annotations) placed in the product's frame. */
  children?: ReactNode;
  onPartSelect?: (partId: string) => void;
  /** Called once, on the first frame that draws the model (what can wait for it, loads then). */
  onShown?: () => void;
}

function Model({ product, color, onProgress, onPartSelect, children }: ProductViewerProps & { onProgress: (fraction: number) => void }) {
  const lift = product.placement === 'wall' ? product.dimensions.height / 2 : 0;
  return (
    <group position={[0, lift, 0]}>
      <ProductModel product={product} color={color} onProgress={onProgress} {...(onPartSelect ? { onPartSelect } : {})}>
        {children}
      </ProductModel>
    </group>
  );
}

export default function ProductViewer({ product, color, children, onPartSelect, onShown }: ProductViewerProps) {
  const { t, i18n } = useTranslation('catalog');
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const [progress, setProgress] = useState(0);
  const [loaded, setLoaded] = useState(false);
  const controls = useRef<OrbitControls>(null);
  const { width, height, depth } = product.dimensions;
  const size = Math.max(width, height, depth);
  const centreY = height / 2;
  const distance = size * 2.2;

  return (
    <div className="viewer">
      {!loaded && (
        <div className="viewer-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(progress * 100)} aria-label={t('loadingModel', { ns: 'common', percent: Math.round(progress * 100) })}>
          <div className="viewer-progress-bar" style={{ width: `${Math.round(progress * 100)}%` }} />
          <span>{t('loadingModel', { ns: 'common', percent: Math.round(progress * 100) })}</span>
        </div>
      )}
      <LeanCanvas
        view="inline"
        dpr={[1, 2]}
        camera={{ position: [distance * 0.6, centreY + size * 0.5, distance], fov: 35, near: 0.01, far: 100 }}
        gl={{ antialias: true, preserveDrawingBuffer: true }}
        data-testid="product-canvas"
        label={t('viewer.label', { name: product.name[language] })}
      >
        <color attach="background" args={['#eef2f7']} />
        <hemisphereLight args={['#ffffff', '#8a95a5', 1.4]} />
        <directionalLight position={[2, 4, 3]} intensity={2.2} />
        <directionalLight position={[-3, 2, -2]} intensity={0.6} />
        <Suspense fallback={null}>
          <Model product={product} color={color} onProgress={setProgress} {...(onPartSelect ? { onPartSelect } : {})}>
            {children}
          </Model>
          <LoadedSignal onLoaded={() => setLoaded(true)} {...(onShown ? { onShown } : {})} />
        </Suspense>
        <BlobShadow width={width} depth={product.placement === 'wall' ? width * 0.5 : depth} />
        <ViewerControls ref={controls} target={[0, centreY, 0]} minDistance={size * 0.4} maxDistance={size * 6} />
      </LeanCanvas>
      <button type="button" className="viewer-reset" onClick={() => controls.current?.reset()}>
        {t('viewer.reset')}
      </button>
    </div>
  );
}

function LoadedSignal({ onLoaded, onShown }: { onLoaded: () => void; onShown?: () => void }) {
  useEffect(onLoaded, [onLoaded]);
  const shown = useRef(false);
  useFrame(() => {
    if (shown.current) return;
    shown.current = true;
    onShown?.();
  });
  return null;
}
