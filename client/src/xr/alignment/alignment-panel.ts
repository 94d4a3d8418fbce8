// What the alignment's 3D panel says and offers: the landmark to touch next, or the fit and what to do about it; and
// what a finished alignment says (its fit and whether it was saved, or that it came back from the last visit).
import type { TFunction } from 'i18next';
import { ALIGNMENT_MAX_RMS_METRES } from '../../../../core/alignment.ts';
import type { Language } from '../../../../core/languages.ts';
import type { PanelBlock } from '../../three/panel-layout.ts';
import type { AlignmentState, AlignmentStore } from './alignment-store.ts';

const cm = (metres: number, language: Language) => new Intl.NumberFormat(language, { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(metres * 100);

export function alignmentBlocks(alignment: AlignmentStore, state: AlignmentState, language: Language, usesController: boolean, t: TFunction<'guide'>): PanelBlock[] {
  const total = alignment.landmarks.length;
  if (state.phase === 'collecting') {
    const landmark = alignment.landmarks[state.points.length];
    return [
      { kind: 'progress', text: t('align.pointOf', { n: state.points.length + 1, m: total }), fraction: state.points.length / total },
      { kind: 'title', text: landmark?.name[language] ?? '' },
      { kind: 'text', segments: [{ text: usesController ? t('align.controller') : t('align.phone'), bold: false }] },
      {
        kind: 'buttons',
        columns: state.points.length >= 3 ? 3 : 2,
        buttons: [
          { id: 'undo', label: t('align.undo'), enabled: state.points.length > 0 },
          ...(state.points.length >= 3 ? [{ id: 'finish', label: t('align.finishNow'), enabled: true }] : []),
          { id: 'cancel', label: t('align.cancel'), enabled: true },
        ],
      },
    ];
  }
  if (state.phase === 'bad-fit' || state.phase === 'failed') {
    const message =
      state.phase === 'bad-fit' && state.result
        ? t('align.bad', { error: cm(state.result.rmsError, language), limit: cm(ALIGNMENT_MAX_RMS_METRES, language) })
        : t('align.failed');
    return [
      { kind: 'title', text: t('align.redo') },
      { kind: 'text', segments: [{ text: message, bold: false }] },
      {
        kind: 'buttons',
        columns: 2,
        buttons: [
          { id: 'redo', label: t('align.redo'), enabled: true, tone: 'primary' },
          { id: 'cancel', label: t('align.cancel'), enabled: true },
        ],
      },
    ];
  }
  if (state.phase === 'idle' && state.source === 'needs-realign') {
    return [
      { kind: 'title', text: t('align.again') },
      { kind: 'text', segments: [{ text: t('align.realign', { asset: alignment.assetId }), bold: false }] },
      { kind: 'buttons', columns: 1, buttons: [{ id: 'redo', label: t('align.start'), enabled: true, tone: 'primary' }] },
    ];
  }
  return [];
}

/** The fit of a good alignment and whether it was saved; the last visit's alignment restored; or null. */
export function alignmentResultText(state: AlignmentState, assetId: string, language: Language, t: TFunction<'guide'>): string | null {
  const result = state.result;
  if (result && ['placing', 'saving', 'saved', 'save-failed', 'local-only'].includes(state.phase)) {
    const saving =
      state.phase === 'saving' ? t('align.saving') : state.phase === 'saved' ? t('align.saved', { asset: assetId }) : state.phase === 'local-only' ? t('align.notAllowed') : state.phase === 'save-failed' ? t('align.saveFailed', { message: state.error ?? '' }) : '';
    return `${t('align.good', { error: cm(result.rmsError, language) })} ${saving}`.trim();
  }
  if (state.phase === 'idle' && state.source === 'persistent-anchor') return t('align.restoredAnchor');
  return null;
}
