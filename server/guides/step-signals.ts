// What an applied action says about its step beyond time: a back-step from it, or a measurement out of its range.
import type { Guide } from '../../core/guide.ts';
import { isMeasurementInRange, type GuideAction, type GuideProgress } from '../../core/guide-engine.ts';

export const STEP_SIGNAL_KINDS = ['back', 'out-of-range'] as const;
export type StepSignalKind = (typeof STEP_SIGNAL_KINDS)[number];

export interface StepSignal {
  stepId: string;
  kind: StepSignalKind;
  value: number | null;
}

export function stepSignals(guide: Guide, before: GuideProgress, action: GuideAction): StepSignal[] {
  if (action.type === 'back') return before.currentStepId === null ? [] : [{ stepId: before.currentStepId, kind: 'back', value: null }];
  if (action.type !== 'measure') return [];
  const check = guide.steps.find((step) => step.id === action.stepId)?.check;
  if (check?.kind !== 'measurement' || isMeasurementInRange(check, action.value)) return [];
  return [{ stepId: action.stepId, kind: 'out-of-range', value: action.value }];
}
