// The line a help request carries for the agent about the guide: which step of how many, steps done, measurements taken.
import type { TFunction } from 'i18next';
import { isMeasurementInRange, stepIndexOf, type GuideProgress } from '../../../core/guide-engine.ts';
import type { Guide } from '../../../core/guide.ts';
import type { Language } from '../../../core/languages.ts';
import { plainGuideText } from './guide-text.tsx';

/** The help context's `progressSummary` limit. */
const MAX_LENGTH = 500;

/** e.g. "Step 3 of 7 · 2 steps done · Pad thickness: 2.1 mm (out of range)", in the person's language */
export function progressSummary(t: TFunction<'guide'>, guide: Guide, progress: GuideProgress, language: Language): string {
  const number = new Intl.NumberFormat(language, { maximumFractionDigits: 3 });
  const done = progress.currentStepId === null ? progress.history.length : Math.max(0, progress.history.length - 1);
  const where = progress.currentStepId === null ? t('summary.finished') : t('summary.step', { n: stepIndexOf(guide, progress.currentStepId) + 1, m: guide.steps.length });
  const measured = Object.entries(progress.measurements).flatMap(([stepId, recorded]) => {
    const check = guide.steps.find((step) => step.id === stepId)?.check;
    if (check?.kind !== 'measurement') return [];
    const values = { label: plainGuideText(check.label[language]), value: number.format(recorded.value), unit: recorded.unit };
    return [isMeasurementInRange(check, recorded.value) ? t('summary.measured', values) : t('summary.measuredOut', values)];
  });
  return [where, t('summary.done', { count: done }), ...measured].join(' · ').slice(0, MAX_LENGTH);
}
