// Beside the guide editor: the open step of the draft as the technician's guide runner shows it (Next and Back move
// through the draft here, nothing is saved), and the way to the same draft in (emulated) AR.
import { useMemo, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { GuideSchema, type Guide } from '../../../../core/guide.ts';
import { GuideRunner } from '../../guides/guide-runner.tsx';
import { useStore } from '../../state/use-store.ts';
import { emulatorAllowedHere } from '../../xr/emulator.ts';
import type { GuideDraftStore } from './guide-draft-store.ts';
import { usePreviewGuide } from './preview/use-preview-guide.ts';
import '../../guides/guide.css';

/** Where the AR preview of `guideId` opens at `stepId`; with the emulator wherever the app allows it. */
export function previewHref(guideId: string, stepId: string | null): string {
  const query = new URLSearchParams();
  if (stepId) query.set('step', stepId);
  if (emulatorAllowedHere()) query.set('emulate', '1');
  return `/studio/guides/${encodeURIComponent(guideId)}/preview?${query.toString()}`;
}

function Runner({ guide, stepId }: { guide: Guide; stepId: string | null }) {
  const { progress, controller } = usePreviewGuide(guide, stepId);
  return <GuideRunner progress={progress} controller={controller} preview />;
}

export interface StepPreviewProps {
  store: GuideDraftStore;
  guideId: string;
  stepIndex: number;
}

export function StepPreview({ store, guideId, stepIndex }: StepPreviewProps) {
  const { t } = useTranslation('studio');
  const [, navigate] = useLocation();
  const work = useStore(store, (state) => state.guide);
  const parsed = useMemo(() => GuideSchema.safeParse(work), [work]);
  const guide = parsed.success ? parsed.data : null;
  const stepId = guide?.steps[stepIndex]?.id ?? null;
  const href = previewHref(guideId, stepId);
  const openAr = (event: MouseEvent<HTMLAnchorElement>) => {
    event.preventDefault();
    void store.flush().then(() => navigate(href));
  };
  return (
    <section className="studio-panel guide-preview" aria-labelledby="guide-preview-title" data-testid="guide-preview">
      <h2 id="guide-preview-title">{t('guidePreview.title')}</h2>
      {guide ? (
        <>
          <p className="muted">{t('guidePreview.intro', { number: stepIndex + 1 })}</p>
          <Runner key={stepId ?? ''} guide={guide} stepId={stepId} />
          <p>
            <a href={href} onClick={openAr} aria-describedby="guide-preview-ar-hint" data-testid="guide-preview-ar">
              {emulatorAllowedHere() ? t('guidePreview.openAr') : t('guidePreview.openArDevice')}
            </a>
          </p>
          <p id="guide-preview-ar-hint" className="muted">
            {t('guidePreview.openArHint')}
          </p>
        </>
      ) : (
        <p className="muted">{t('guidePreview.notReady')}</p>
      )}
    </section>
  );
}
