// Landmark alignment as page DOM (over AR on phones, beside the 3D view elsewhere): start it, see which landmark is
// next, undo or finish, read the fit error, redo a bad fit, and whether the alignment was saved for the unit.
import { useTranslation } from 'react-i18next';
import { ALIGNMENT_MAX_RMS_METRES } from '../../../../core/alignment.ts';
import type { Language } from '../../../../core/languages.ts';
import { useStore } from '../../state/use-store.ts';
import { alignmentResultText } from './alignment-panel.ts';
import type { AlignmentStore } from './alignment-store.ts';

const cm = (metres: number, language: Language) => new Intl.NumberFormat(language, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(metres * 100);

export function AlignmentControls({ alignment, assetId, inAr = true }: { alignment: AlignmentStore; assetId: string; inAr?: boolean }) {
  const { t, i18n } = useTranslation('guide');
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const state = useStore(alignment, (value) => value);
  const total = alignment.landmarks.length;

  if (!inAr) return state.saved ? <p className="hint alignment-note">{t('align.savedBefore', { asset: assetId })}</p> : null;

  const result = state.result;
  const resultText = alignmentResultText(state, assetId, language, t);
  const sourceNote =
    state.source === 'persistent-anchor' ? t('align.restoredAnchor') : state.source === 'needs-realign' ? t('align.realign', { asset: assetId }) : null;

  return (
    <div className="alignment-controls" data-testid="alignment-controls" data-phase={state.phase}>
      {state.phase === 'collecting' && (
        <>
          <p role="status" aria-live="polite" data-testid="alignment-next">
            <strong>{t('align.point', { n: state.points.length + 1, m: total, name: alignment.landmarks[state.points.length]?.name[language] ?? '' })}</strong> {t('align.phone')}
          </p>
          <div className="alignment-buttons">
            <button type="button" onClick={() => alignment.undo()} disabled={state.points.length === 0}>
              {t('align.undo')}
            </button>
            {state.points.length >= 3 && (
              <button type="button" onClick={() => alignment.finishEarly()}>
                {t('align.finishNow')}
              </button>
            )}
            <button type="button" onClick={() => alignment.cancel()}>
              {t('align.cancel')}
            </button>
          </div>
        </>
      )}
      {(state.phase === 'bad-fit' || state.phase === 'failed') && (
        <>
          <p role="alert" className="status-error" data-testid="alignment-problem">
            {state.phase === 'bad-fit' && result ? t('align.bad', { error: cm(result.rmsError, language), limit: cm(ALIGNMENT_MAX_RMS_METRES, language) }) : t('align.failed')}
          </p>
          <div className="alignment-buttons">
            <button type="button" className="primary" onClick={() => alignment.start()}>
              {t('align.redo')}
            </button>
            <button type="button" onClick={() => alignment.cancel()}>
              {t('align.cancel')}
            </button>
          </div>
        </>
      )}
      {resultText && state.phase !== 'idle' && (
        <p role="status" data-testid="alignment-result">
          {resultText}
        </p>
      )}
      {state.phase === 'save-failed' && (
        <button type="button" onClick={() => void alignment.placed()}>
          {t('align.retrySave')}
        </button>
      )}
      {state.phase === 'idle' && sourceNote && (
        <p role="status" data-testid="alignment-restored">
          {sourceNote}
        </p>
      )}
      {!['collecting', 'bad-fit', 'failed', 'placing', 'saving'].includes(state.phase) && (
        <button type="button" onClick={() => alignment.start()} data-testid="align-start">
          {state.source ? t('align.again') : t('align.start')}
        </button>
      )}
    </div>
  );
}
