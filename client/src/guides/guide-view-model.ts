// What the guide runner shows and allows for the current step, derived purely from a guide and its progress.
import { applyGuideAction, canAdvance, isMeasurementInRange, stepIndexOf, type GuideAction, type GuideBlockReason, type GuideProgress, type GuideRefusalReason } from '../../../core/guide-engine.ts';
import type { Guide, GuideStep } from '../../../core/guide.ts';

export interface StepView {
  step: GuideStep;
  /** 0-based position of the step in the guide's order. */
  index: number;
  count: number;
  acknowledged: boolean[];
  confirmed: boolean;
  measurement: number | null;
  answerId: string | null;
  /** What the engine says blocks `next`; null when nothing does. */
  blocked: GuideBlockReason | null;
  canGoBack: boolean;
}

export type GuideView = { finished: false; current: StepView } | { finished: true; count: number; canGoBack: boolean };

const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);

export function guideView(guide: Guide, progress: GuideProgress): GuideView | null {
  if (progress.currentStepId === null) return { finished: true, count: guide.steps.length, canGoBack: progress.history.length > 0 };
  const index = stepIndexOf(guide, progress.currentStepId);
  const step = guide.steps[index];
  if (!step) return null;
  const acknowledged = own(progress.acknowledgedWarnings, step.id) ?? [];
  const check = canAdvance(guide, progress);
  return {
    finished: false,
    current: {
      step,
      index,
      count: guide.steps.length,
      acknowledged: step.warnings.map((_warning, warningIndex) => acknowledged.includes(warningIndex)),
      confirmed: own(progress.confirmations, step.id) === true,
      measurement: own(progress.measurements, step.id)?.value ?? null,
      answerId: own(progress.answers, step.id) ?? null,
      blocked: check.ok ? null : check.reason,
      canGoBack: progress.history.length > 1,
    },
  };
}

/** A measurement typed but not yet recorded; null when the field is empty or not a number. */
export function parseMeasurement(text: string): number | null {
  const normalized = text.trim().replace(',', '.');
  if (normalized === '' || !/^[-+]?(\d+\.?\d*|\.\d+)$/.test(normalized)) return null;
  const value = Number(normalized);
  return Number.isFinite(value) ? value : null;
}

export type NextPlan = { ok: true; actions: GuideAction[]; finishes: boolean; outOfRange: boolean } | { ok: false; reason: GuideRefusalReason };

/**
 * What pressing Next sends: on a step that asks to confirm it is done, Next is that confirmation; a measurement typed
 * but not recorded yet is recorded first. Everything else (warnings, answers) must have been done explicitly.
 */
export function planNext(guide: Guide, progress: GuideProgress, draftMeasurement: number | null): NextPlan {
  const view = guideView(guide, progress);
  if (!view) return { ok: false, reason: 'unknown_step' };
  if (view.finished) return { ok: false, reason: 'guide_finished' };
  const { step, measurement } = view.current;
  if (view.current.acknowledged.includes(false)) return { ok: false, reason: 'warning_unacknowledged' };
  const actions: GuideAction[] = [];
  if (step.check?.kind === 'confirm' && !view.current.confirmed) actions.push({ type: 'confirm', stepId: step.id });
  if (step.check?.kind === 'measurement' && draftMeasurement !== null && draftMeasurement !== measurement) {
    actions.push({ type: 'measure', stepId: step.id, value: draftMeasurement });
  }
  actions.push({ type: 'next' });
  let simulated = progress;
  for (const action of actions) {
    const result = applyGuideAction(guide, simulated, action);
    if (!result.ok) return { ok: false, reason: result.reason };
    simulated = result.progress;
  }
  const value = draftMeasurement ?? measurement;
  const outOfRange = step.check?.kind === 'measurement' && value !== null && !isMeasurementInRange(step.check, value);
  return { ok: true, actions, finishes: simulated.currentStepId === null, outOfRange };
}

export type SyncState = 'offline' | 'syncing' | 'saved';

/** Whether the person's steps are saved: offline (with or without steps waiting), syncing, or saved. */
export function syncStateOf(online: boolean, pending: number): SyncState {
  if (!online) return 'offline';
  return pending > 0 ? 'syncing' : 'saved';
}
