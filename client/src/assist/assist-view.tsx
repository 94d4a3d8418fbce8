// The assist session on screen: the 3D view with the step's overlays, the guide runner beside it, and AR with the 3D
// step panel, the runner over the view and landmark alignment. Owns the session's guide, alignment and context stores.
import { lazy, Suspense, useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../core/auth.ts';
import type { ProductDetail } from '../../../core/catalog.ts';
import type { Language } from '../../../core/languages.ts';
import type { SessionState } from '../../../core/session.ts';
import { Loading } from '../components/status-views.tsx';
import { useExposed } from '../observe/use-exposed.ts';
import { fetchAlignment, fetchPublishedGuide, saveAlignment } from '../guides/guide-api.ts';
import { createGuideController, type GuideController } from '../guides/guide-controller.ts';
import { GuidePicker } from '../guides/guide-picker.tsx';
import { createGuideProgressStore, type GuideProgressStore } from '../guides/guide-progress-store.ts';
import { GuideRunner } from '../guides/guide-runner.tsx';
import { createVoiceStore, type VoiceStore } from '../guides/voice-store.ts';
import { BeforeYouStart } from '../guides/before-you-start.tsx';
import { PartsButton } from '../guides/parts-button.tsx';
import { GuideScene } from '../guides/three/guide-scene.tsx';
import { useGuideKeyboard } from '../guides/use-guide-keyboard.ts';
import { progressSummary } from '../guides/progress-summary.ts';
import { usePartCard } from '../orders/use-part-card.tsx';
import { toCartItems, withPartInfo } from '../orders/add-parts-button.tsx';
import { useShopStores } from '../orders/shop-stores.ts';
import { useAppStores } from '../state/app-stores.ts';
import { useStore } from '../state/use-store.ts';
import { ArLauncher } from '../xr/ar-launcher.tsx';
import { AlignmentControls } from '../xr/alignment/alignment-controls.tsx';
import { AlignmentScene } from '../xr/alignment/alignment-scene.tsx';
import { createAlignmentStore, type AlignmentStore } from '../xr/alignment/alignment-store.ts';
import { createSessionScreenStore, SessionScreenContext } from '../sessions/session-screen.ts';
import { AssistOverlay } from './assist-overlay.tsx';
import { createPartTaps } from './part-taps.ts';
import { useLiveSession } from '../sessions/session-provider.tsx';
import { helpOf } from '../help/help-store.ts';
import { ProposedCartPanel } from '../orders/proposed-cart-panel.tsx';
import { UsualSlot } from '../orders/usual/usual-slot.tsx';
import { EndSessionButton } from '../sessions/end-session.tsx';
import { loadNamespace } from '../i18n/i18n.ts';

const ProductViewer = lazy(() => import('../three/product-viewer.tsx'));
const AssistHud = lazy(() => import('./assist-hud.tsx'));
const DownloadForOffline = lazy(() =>
  Promise.all([import('../offline-packages/download-for-offline.tsx'), loadNamespace('offline')]).then(([module]) => ({ default: module.DownloadForOffline })),
);
const SurveyForm = lazy(() => Promise.all([import('../surveys/survey-form.tsx'), loadNamespace('survey')]).then(([module]) => module));

declare module '../observe/registry.ts' {
  interface Observables {
    guide: { sessionId: string; progress: GuideProgressStore; controller: GuideController };
    alignment: AlignmentStore;
    voice: VoiceStore;
  }
}

export interface AssistViewProps {
  product: ProductDetail;
  session: SessionState;
  user: User;
  assetId: string;
  requestedGuide: string | null;
  helpSlot: ReactNode;
  /** Scene content in the product's frame, inline and in AR (the live agent's annotations). */
  helpScene?: ReactNode;
}

export function AssistView({ product, session, user, assetId, requestedGuide, helpSlot, helpScene = null }: AssistViewProps) {
  const { t, i18n } = useTranslation('guide');
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const { connection } = useAppStores();
  const { cart } = useShopStores();
  const sessionId = session.session.id;
  const progress = useMemo(() => createGuideProgressStore({ sessionId, connection, storage: localStorage, guideId: requestedGuide, readStored: fetchPublishedGuide }), [sessionId, connection, requestedGuide]);
  const controller = useMemo(() => createGuideController(progress), [progress]);
  const voice = useMemo(
    () =>
      createVoiceStore({
        language,
        onCommand: (command) => (command === 'next' ? controller.next() : command === 'back' ? controller.back() : controller.repeat(voice.getState().language)),
      }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the language follows through setLanguage below
    [controller],
  );
  const alignment = useMemo(
    () =>
      createAlignmentStore({
        productId: product.id,
        assetId,
        landmarks: product.landmarks,
        canSave: user.role === 'technician' || user.role === 'admin',
        save: saveAlignment,
        load: fetchAlignment,
      }),
    [product, assetId, user.role],
  );
  const screen = useMemo(() => createSessionScreenStore({ sessionId, productId: product.id, assetId, guideId: null, stepId: null, progressSummary: null, inAr: false, goToStep: null }), [sessionId, product.id, assetId]);
  const [inAr, setInAr] = useState(false);
  const partCard = usePartCard(product);
  const live = useLiveSession();
  const partTaps = useMemo(() => createPartTaps(), []);
  const selectPart = partCard.selectPart;
  const onPartTap = useCallback(
    (partId: string) => {
      if (partTaps.take() === 'ping' && live) void helpOf(live).ping(partId);
      else selectPart(partId);
    },
    [partTaps, live, selectPart],
  );
  const phase = useStore(progress, (state) => state.phase);
  const guide = useStore(progress, (state) => state.guide);
  const stepId = useStore(progress, (state) => state.progress?.currentStepId ?? null);
  const shownProgress = useStore(progress, (state) => state.progress);
  const summary = useMemo(() => (guide && shownProgress ? progressSummary(t, guide, shownProgress, language) : null), [t, guide, shownProgress, language]);
  const finished = useStore(progress, (state) => state.progress !== null && state.progress.currentStepId === null);
  const aligning = useStore(alignment, (state) => state.phase === 'collecting' || state.phase === 'bad-fit' || state.phase === 'failed');

  useEffect(() => () => controller.destroy(), [controller]);
  useEffect(() => () => voice.destroy(), [voice]);
  useEffect(() => voice.setLanguage(language), [voice, language]);
  useEffect(() => () => progress.destroy(), [progress]);
  useEffect(() => {
    void alignment.loadSaved();
    return () => alignment.destroy();
  }, [alignment]);
  const goToStep = useCallback((target: string) => void progress.dispatch([{ type: 'goto', stepId: target }]), [progress]);
  useEffect(() => {
    screen.update({ guideId: guide?.id ?? null, stepId, progressSummary: summary, inAr, goToStep: guide ? goToStep : null });
  }, [screen, guide, stepId, summary, inAr, goToStep]);
  useGuideKeyboard(guide ? controller : null, language);
  const exposedGuide = useMemo(() => ({ sessionId, progress, controller }), [sessionId, progress, controller]);
  useExposed('guide', exposedGuide);
  useExposed('alignment', alignment);
  useExposed('voice', voice);

  const partCardArChange = partCard.onArActiveChange;
  const onArActiveChange = useCallback(
    (active: boolean) => {
      setInAr(active);
      partCardArChange(active);
      if (!active) alignment.cancel();
    },
    [partCardArChange, alignment],
  );

  const addParts = useCallback(
    async (parts: ReadonlyArray<{ partId: string; quantity: number }>) => {
      const items = toCartItems(parts, product);
      if (!items) throw new Error('unknown part');
      return cart.add(withPartInfo(items, product));
    },
    [cart, product],
  );
  const renderParts = (parts: ReadonlyArray<{ partId: string; quantity: number }>) => <PartsButton product={product} parts={parts} />;
  const survey = useMemo(() => ({ context: 'guide' as const, contextId: sessionId }), [sessionId]);
  const [usualDone, setUsualDone] = useState(false);
  const onUsualDone = useCallback(() => setUsualDone(true), []);
  const usual = useMemo(() => (guide && finished && !usualDone ? { guideId: guide.id, onDone: onUsualDone } : null), [guide, finished, usualDone, onUsualDone]);
  const finishedSlot = (
    <>
      <UsualSlot guideId={guide?.id} />
      <Suspense fallback={null}>
        <SurveyForm target={survey} />
      </Suspense>
    </>
  );
  const runner = (compact: boolean) =>
    guide ? <GuideRunner progress={progress} controller={controller} helpSlot={helpSlot} {...(compact ? {} : { finishedSlot })} renderParts={renderParts} compact={compact} voice={voice} /> : null;
  const scene = (panel: boolean) => (guide ? <GuideScene progress={progress} controller={controller} panel={panel} onAddParts={addParts} /> : null);

  return (
    <SessionScreenContext.Provider value={screen}>
      <article className="assist-page" aria-labelledby="assist-title">
        <p>
          <Link href={`/products/${encodeURIComponent(product.id)}`}>← {t('page.backToProduct')}</Link>
        </p>
        <h1 id="assist-title">{t('page.title', { product: product.name[language] })}</h1>
        <p className="hint">
          {t('page.asset', { asset: assetId })} · {t('page.sessionLink')}
        </p>
        {!inAr && <EndSessionButton />}
        <div className="assist-layout">
          <div className="assist-stage">
            {!inAr && (
              <Suspense fallback={<Loading label={t('loadingModel', { ns: 'common', percent: 0 })} />}>
                <ProductViewer product={product} color={null} onPartSelect={partCard.selectPart}>
                  {scene(false)}
                  {helpScene}
                </ProductViewer>
              </Suspense>
            )}
            {partCard.inlineCard}
          </div>
          <div className="assist-side">
            {phase === 'connecting' || phase === 'loading' ? <Loading label={t('page.loadingGuide')} /> : null}
            {phase === 'error' && <p className="status-error">{t('page.guideFailed', { message: progress.getState().error ?? '' })}</p>}
            {phase === 'ready' && !guide && <GuidePicker productId={product.id} onStart={(guideId) => void progress.start(guideId)} />}
            {!inAr && runner(false)}
            {!inAr && <ProposedCartPanel />}
            <ArLauncher
              product={product}
              color={null}
              onActiveChange={onArActiveChange}
              {...(aligning ? {} : { onPartSelect: onPartTap })}
              overlay={
                <AssistOverlay>
                  <AlignmentControls alignment={alignment} assetId={assetId} />
                  {!aligning && runner(true)}
                  {partCard.arCard}
                  <ProposedCartPanel inAr />
                </AssistOverlay>
              }
              hud={<AssistHud product={product} alignment={alignment} partTaps={partTaps} partId={partCard.partId} onClosePart={partCard.close} voice={guide ? voice : null} survey={guide && finished ? survey : null} usual={usual} />}
              world={<AlignmentScene alignment={alignment} product={product} color={null} assetId={assetId} storage={localStorage} />}
            >
              {scene(!aligning)}
              {helpScene}
            </ArLauncher>
            {!inAr && <AlignmentControls alignment={alignment} assetId={assetId} inAr={false} />}
            {guide && !inAr && <BeforeYouStart guide={guide} product={product} language={language} renderParts={renderParts} />}
            {!inAr && (
              <Suspense fallback={null}>
                <DownloadForOffline productId={product.id} session={{ id: sessionId, guide }} />
              </Suspense>
            )}
          </div>
        </div>
      </article>
    </SessionScreenContext.Provider>
  );
}
