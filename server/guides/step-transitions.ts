// Which steps a progress change left and entered, in order: the raw material of the step events.
import type { GuideProgress } from '../../core/guide-engine.ts';

export interface StepTransition {
  stepId: string;
  kind: 'entered' | 'left';
}

/** A step is left and entered again when a loop or a repeated `next` arrives at it anew (the history grew). */
export function stepTransitions(before: GuideProgress | null, after: GuideProgress): StepTransition[] {
  const from = before?.currentStepId ?? null;
  const to = after.currentStepId;
  const arrivedAnew = before !== null && after.history.length > before.history.length;
  if (from === to && !arrivedAnew) return [];
  const transitions: StepTransition[] = [];
  if (from !== null) transitions.push({ stepId: from, kind: 'left' });
  if (to !== null) transitions.push({ stepId: to, kind: 'entered' });
  return transitions;
}
