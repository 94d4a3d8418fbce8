// Immersive AR for one product: enters the session from the app's button, places the product at 1:1, exits back.
import { Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { FiberProvider, useContextBridge } from 'its-fine';
import { LeanCanvas } from '../three/lean-canvas.tsx';
import { ErrorBoundary } from '../components/error-boundary.tsx';
import { XR, XRDomOverlay } from '@react-three/xr';
import { useTranslation } from 'react-i18next';
import type { ProductDetail } from '../../../core/catalog.ts';
import { ProductModel } from '../three/product-model.tsx';
import { useExposed } from '../observe/use-exposed.ts';
import { useStore } from '../state/use-store.ts';
import { createArStore, type ArStore } from './create-ar-store.ts';
import { createPlacementStore, type PlacementStore } from './placement-store.ts';
import { ArPlacement } from './ar-placement.tsx';
import { PlacementContext } from './placement-context.ts';
import { ArHud } from './hud/ar-hud.tsx';
import { createHudStore, type HudStore } from './hud/hud-store.ts';

export interface ArExperienceProps {
  product: ProductDetail;
  color: string | null;
  onExit: (error?: string) => void;
  onPartSelect?: (partId: string) => void;
  /** Scene content in the placed product's frame (guide overlays, annotations). */
  children?: ReactNode;
  /** DOM content shown over the AR view (the DOM overlay on phones, page DOM elsewhere). */
  overlay?: ReactNode;
  /** Scene content in world space (not the product's frame). It and `children` may reach the placement via usePlacement(). */
  world?: ReactNode;
  /** What the page adds to the headset HUD (tray buttons, sheets), shown instead of `overlay` when the session has no DOM overlay. */
  hud?: ReactNode;
}

declare module '../observe/registry.ts' {
  interface Observables {
    arSession: ArStore;
    placement: PlacementStore;
    hud: HudStore;
  }
}

const TURN = Math.PI / 12;

function ArOverlay({ product, placement, onExit, children }: { product: ProductDetail; placement: PlacementStore; onExit: () => void; children?: ReactNode }) {
  const { t } = useTranslation('catalog');
  const phase = useStore(placement, (state) => state.phase);
  const paused = useStore(placement, (state) => state.paused);
  const hint =
    phase === 'searching' ? t(product.placement === 'wall' ? 'ar.onboardingWall' : 'ar.onboardingFloor') : phase === 'ready' || phase === 'moving' ? t('ar.tapToPlace') : t('ar.placed');
  return (
    <div className="ar-overlay">
      {!paused && (
        <p className="ar-hint" role="status" aria-live="polite" data-testid="ar-hint">
          {hint}
        </p>
      )}
      {children}
      <div className="ar-toolbar">
        {phase === 'placed' && !paused && product.placement === 'floor' && (
          <>
            <button type="button" onClick={() => placement.rotateBy(TURN)}>
              {t('ar.rotateLeft')}
            </button>
            <button type="button" onClick={() => placement.rotateBy(-TURN)}>
              {t('ar.rotateRight')}
            </button>
          </>
        )}
        {phase === 'placed' && !paused && (
          <button type="button" onClick={() => placement.startMoving()}>
            {t('ar.moveAgain')}
          </button>
        )}
        <button type="button" className="ar-exit" onClick={onExit}>
          {t('ar.exit')}
        </button>
      </div>
    </div>
  );
}

/** Requests the session once the canvas is connected to the XR store (its effects run after <XR> rendered). */
function SessionStarter({ store, onStarted, onFailed }: { store: ArStore; onStarted: (session: XRSession) => void; onFailed: (error: string) => void }) {
  const requested = useRef(false);
  useEffect(() => {
    if (requested.current) return;
    requested.current = true;
    store.enterAR().then(
      (session) => (session ? onStarted(session) : onFailed('unsupported')),
      (error: unknown) => onFailed(error instanceof Error ? error.message : String(error)),
    );
  }, [store, onStarted, onFailed]);
  return null;
}

function endSession(store: ArStore, onExit: () => void): void {
  const session = store.getState().session;
  if (session) void session.end();
  else onExit();
}

export default function ArExperience(props: ArExperienceProps) {
  return (
    <FiberProvider>
      <ArExperienceImpl {...props} />
    </FiberProvider>
  );
}

function ArExperienceImpl({ product, color, onExit, onPartSelect, children, overlay, world, hud }: ArExperienceProps) {
  // The DOM overlay is rendered by its own React root: carry this tree's contexts (stores, i18n) into it.
  const Bridge = useContextBridge();
  const store = useMemo(() => createArStore(), []);
  const placement = useMemo(() => createPlacementStore(), []);
  const hudStore = useMemo(() => createHudStore(), []);
  /** Phones' AR shows page DOM over the view (the DOM overlay); headsets show none, so they get the 3D HUD. */
  const [ui, setUi] = useState<'dom' | 'hud' | null>(null);
  const started = ui !== null;
  const onStarted = useCallback((session: XRSession) => setUi(session.domOverlayState ? 'dom' : 'hud'), []);
  const grabRadius = Math.max(product.dimensions.width, product.dimensions.depth);
  /** A press that dragged the product or put it down is not also a pick: parts are picked only while it stays put. */
  const selectPart = useMemo(
    () =>
      onPartSelect &&
      ((partId: string) => {
        if (placement.getState().phase === 'placed') onPartSelect(partId);
      }),
    [onPartSelect, placement],
  );

  // A parent's new onExit must not tear the session down: only the store and placement own its lifetime.
  const exit = useRef(onExit);
  useEffect(() => {
    exit.current = onExit;
  }, [onExit]);
  const leave = useCallback(() => endSession(store, () => exit.current()), [store]);

  useEffect(() => {
    const offEnd = store.onSessionEnd(() => exit.current());
    return () => {
      offEnd();
      void store.getState().session?.end().catch(() => undefined);
      placement.destroy();
      hudStore.destroy();
      store.destroy();
    };
  }, [store, placement, hudStore]);
  useExposed('arSession', store);
  useExposed('placement', placement);
  useExposed('hud', hudStore);

  return (
    <div className="ar-root" data-started={started}>
      <LeanCanvas view="ar" gl={{ alpha: true, antialias: true, preserveDrawingBuffer: true }} camera={{ near: 0.01, far: 50 }}>
        <XR store={store}>
          <SessionStarter store={store} onStarted={onStarted} onFailed={onExit} />
          <hemisphereLight args={['#ffffff', '#667788', 1.6]} />
          <directionalLight position={[1, 3, 2]} intensity={2} />
          <PlacementContext.Provider value={placement}>
            <ArPlacement surface={product.placement} placement={placement} grabRadius={grabRadius}>
              <Suspense fallback={null}>
                <ProductModel product={product} color={color} {...(selectPart ? { onPartSelect: selectPart } : {})}>
                  {children}
                </ProductModel>
              </Suspense>
            </ArPlacement>
            {world}
            {ui === 'hud' && (
              <ArHud hud={hudStore} placement={placement} surface={product.placement} leave={leave}>
                <ErrorBoundary fallback={null}>
                  <Suspense fallback={null}>{hud}</Suspense>
                </ErrorBoundary>
              </ArHud>
            )}
          </PlacementContext.Provider>
          {ui === 'dom' && (
            <XRDomOverlay>
              <Bridge>
                <ArOverlay product={product} placement={placement} onExit={leave}>
                  <ErrorBoundary fallback={null}>{overlay}</ErrorBoundary>
                </ArOverlay>
              </Bridge>
            </XRDomOverlay>
          )}
        </XR>
      </LeanCanvas>
    </div>
  );
}
