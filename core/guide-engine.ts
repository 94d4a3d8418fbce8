// The guide engine both sides run: progress through a guide, what blocks a step, and pure, immutable transitions.
import { z } from 'zod';
import { SlugSchema } from './catalog.ts';
import { MeasurementUnitSchema } from './guide.ts';
import type { Guide, GuideStep, MeasurementCheck } from './guide.ts';

export { parseGuide, stepExits, validateGuide } from './guide-validation.ts';
export type { GuideValidationResult, StepExit } from './guide-validation.ts';

export const RecordedMeasurementSchema = z.strictObject({ value: z.number().finite(), unit: MeasurementUnitSchema });
export type RecordedMeasurement = z.infer<typeof RecordedMeasurementSchema>;

/**
 * Where a person is in a guide and what they entered. Records are keyed by step id and hold the latest visit only:
 * arriving at a step by `next` or `goto` clears what was entered there before, so a loop asks again.
 */
export const GuideProgressSchema = z.strictObject({
  guideId: SlugSchema,
  /** null once the guide is finished. */
  currentStepId: SlugSchema.nullable(),
  /** The path of visited steps, oldest first; its last entry is the current step (or the step that ended the guide). */
  history: z.array(SlugSchema),
  answers: z.record(SlugSchema, SlugSchema),
  measurements: z.record(SlugSchema, RecordedMeasurementSchema),
  confirmations: z.record(SlugSchema, z.literal(true)),
  /** Indexes into the step's `warnings`, ascending. */
  acknowledgedWarnings: z.record(SlugSchema, z.array(z.number().int().nonnegative())),
});
export type GuideProgress = z.infer<typeof GuideProgressSchema>;

export const GuideActionSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('acknowledge'), stepId: SlugSchema, warningIndex: z.number().int().nonnegative() }),
  z.strictObject({ type: z.literal('confirm'), stepId: SlugSchema }),
  z.strictObject({ type: z.literal('measure'), stepId: SlugSchema, value: z.number().finite() }),
  z.strictObject({ type: z.literal('answer'), stepId: SlugSchema, answerId: SlugSchema }),
  z.strictObject({ type: z.literal('next') }),
  z.strictObject({ type: z.literal('back') }),
  /** An agent pushing a step, or a person jumping from the step list. */
  z.strictObject({ type: z.literal('goto'), stepId: SlugSchema }),
]);
export type GuideAction = z.infer<typeof GuideActionSchema>;

/** Why the current step cannot be left yet. */
export const GUIDE_BLOCK_REASONS = [
  'guide_finished',
  'unknown_step',
  'warning_unacknowledged',
  'confirmation_missing',
  'measurement_missing',
  'answer_missing',
] as const;
export type GuideBlockReason = (typeof GUIDE_BLOCK_REASONS)[number];

/** Why an action was refused; the client shows a translated message per code. */
export const GUIDE_REFUSAL_REASONS = [
  ...GUIDE_BLOCK_REASONS,
  'not_current_step',
  'no_such_warning',
  'no_confirm_check',
  'no_measurement_check',
  'invalid_measurement',
  'no_question',
  'no_such_answer',
  'no_previous_step',
] as const;
export const GuideRefusalReasonSchema = z.enum(GUIDE_REFUSAL_REASONS);
export type GuideRefusalReason = z.infer<typeof GuideRefusalReasonSchema>;

export type AdvanceCheck =
  | { ok: true; /** null: `next` finishes the guide. */ nextStepId: string | null }
  | { ok: false; reason: GuideBlockReason; message: string };

export type GuideActionResult =
  | { ok: true; progress: GuideProgress }
  | { ok: false; reason: GuideRefusalReason; message: string };

const own = <T>(record: Readonly<Record<string, T>>, key: string): T | undefined =>
  Object.hasOwn(record, key) ? record[key] : undefined;

const without = <T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> =>
  Object.fromEntries(Object.entries(record).filter(([entry]) => entry !== key));

const refuse = (reason: GuideRefusalReason, message: string): GuideActionResult => ({ ok: false, reason, message });

export function stepIndexOf(guide: Guide, stepId: string): number {
  return guide.steps.findIndex((step) => step.id === stepId);
}

export function currentStep(guide: Guide, progress: GuideProgress): GuideStep | undefined {
  return progress.currentStepId === null ? undefined : guide.steps.find((step) => step.id === progress.currentStepId);
}

export function isGuideFinished(progress: GuideProgress): boolean {
  return progress.currentStepId === null;
}

/** Inclusive on both ends: a pad of exactly 3 mm passes a `min: 3` check. */
export function isMeasurementInRange(check: MeasurementCheck, value: number): boolean {
  return (check.min === undefined || value >= check.min) && (check.max === undefined || value <= check.max);
}

export function startGuide(guide: Guide): GuideProgress {
  const first = guide.steps[0];
  return {
    guideId: guide.id,
    currentStepId: first ? first.id : null,
    history: first ? [first.id] : [],
    answers: {},
    measurements: {},
    confirmations: {},
    acknowledgedWarnings: {},
  };
}

/** Whether `next` may leave the current step, and where it would go; otherwise the first thing that blocks it. */
export function canAdvance(guide: Guide, progress: GuideProgress): AdvanceCheck {
  const stepId = progress.currentStepId;
  if (stepId === null) return { ok: false, reason: 'guide_finished', message: 'the guide is already finished' };
  const index = stepIndexOf(guide, stepId);
  const step = guide.steps[index];
  if (!step) return { ok: false, reason: 'unknown_step', message: `"${stepId}" is not a step of guide "${guide.id}"` };

  const acknowledged = own(progress.acknowledgedWarnings, stepId) ?? [];
  const pending = step.warnings.findIndex((_warning, warningIndex) => !acknowledged.includes(warningIndex));
  if (pending !== -1) {
    return { ok: false, reason: 'warning_unacknowledged', message: `step "${stepId}": warnings.${pending} must be acknowledged before going on` };
  }
  if (step.check?.kind === 'confirm' && !own(progress.confirmations, stepId)) {
    return { ok: false, reason: 'confirmation_missing', message: `step "${stepId}": check needs a confirmation that the step is done` };
  }
  const measurement = own(progress.measurements, stepId);
  if (step.check?.kind === 'measurement') {
    if (!measurement) return { ok: false, reason: 'measurement_missing', message: `step "${stepId}": check needs a measurement in ${step.check.unit}` };
    if (!isMeasurementInRange(step.check, measurement.value)) return { ok: true, nextStepId: step.check.onOutOfRange };
  }
  if (step.question) {
    const answerId = own(progress.answers, stepId);
    const answer = step.question.answers.find((candidate) => candidate.id === answerId);
    if (!answer) return { ok: false, reason: 'answer_missing', message: `step "${stepId}": question needs an answer` };
    return { ok: true, nextStepId: answer.next };
  }
  if (step.end) return { ok: true, nextStepId: null };
  return { ok: true, nextStepId: step.next ?? guide.steps[index + 1]?.id ?? null };
}

function enterStep(progress: GuideProgress, stepId: string): GuideProgress {
  return {
    ...progress,
    currentStepId: stepId,
    history: [...progress.history, stepId],
    answers: without(progress.answers, stepId),
    measurements: without(progress.measurements, stepId),
    confirmations: without(progress.confirmations, stepId),
    acknowledgedWarnings: without(progress.acknowledgedWarnings, stepId),
  };
}

/** Applies one action to a progress and returns a new progress; the inputs are never modified. */
export function applyGuideAction(guide: Guide, progress: GuideProgress, action: GuideAction): GuideActionResult {
  switch (action.type) {
    case 'next': {
      const check = canAdvance(guide, progress);
      if (!check.ok) return refuse(check.reason, check.message);
      const progressed = check.nextStepId === null ? { ...progress, currentStepId: null } : enterStep(progress, check.nextStepId);
      return { ok: true, progress: progressed };
    }
    case 'back': {
      if (progress.currentStepId === null) {
        const last = progress.history.at(-1);
        if (last === undefined) return refuse('no_previous_step', 'no step has been visited yet');
        return { ok: true, progress: { ...progress, currentStepId: last } };
      }
      const history = progress.history.slice(0, -1);
      const previous = history.at(-1);
      if (previous === undefined) return refuse('no_previous_step', `step "${progress.currentStepId}" is the first step visited`);
      return { ok: true, progress: { ...progress, currentStepId: previous, history } };
    }
    case 'goto': {
      if (stepIndexOf(guide, action.stepId) === -1) return refuse('unknown_step', `"${action.stepId}" is not a step of guide "${guide.id}"`);
      if (action.stepId === progress.currentStepId) return { ok: true, progress };
      return { ok: true, progress: enterStep(progress, action.stepId) };
    }
    default:
      return applyStepAction(guide, progress, action);
  }
}

type StepAction = Extract<GuideAction, { stepId: string }>;

function applyStepAction(guide: Guide, progress: GuideProgress, action: Exclude<StepAction, { type: 'goto' }>): GuideActionResult {
  const { stepId } = action;
  if (progress.currentStepId === null) return refuse('guide_finished', 'the guide is already finished');
  if (stepId !== progress.currentStepId) {
    return refuse('not_current_step', `step "${stepId}" is not the current step; the current step is "${progress.currentStepId}"`);
  }
  const step = guide.steps.find((candidate) => candidate.id === stepId);
  if (!step) return refuse('unknown_step', `"${stepId}" is not a step of guide "${guide.id}"`);

  switch (action.type) {
    case 'acknowledge': {
      if (action.warningIndex >= step.warnings.length) {
        return refuse('no_such_warning', `step "${stepId}": warnings.${action.warningIndex} does not exist (the step has ${step.warnings.length})`);
      }
      const acknowledged = own(progress.acknowledgedWarnings, stepId) ?? [];
      const next = [...new Set([...acknowledged, action.warningIndex])].sort((a, b) => a - b);
      return { ok: true, progress: { ...progress, acknowledgedWarnings: { ...progress.acknowledgedWarnings, [stepId]: next } } };
    }
    case 'confirm': {
      if (step.check?.kind !== 'confirm') return refuse('no_confirm_check', `step "${stepId}": check does not ask for a confirmation`);
      return { ok: true, progress: { ...progress, confirmations: { ...progress.confirmations, [stepId]: true } } };
    }
    case 'measure': {
      if (step.check?.kind !== 'measurement') return refuse('no_measurement_check', `step "${stepId}": check does not ask for a measurement`);
      if (!Number.isFinite(action.value)) return refuse('invalid_measurement', `step "${stepId}": a measurement must be a finite number`);
      const recorded: RecordedMeasurement = { value: action.value, unit: step.check.unit };
      return { ok: true, progress: { ...progress, measurements: { ...progress.measurements, [stepId]: recorded } } };
    }
    case 'answer': {
      if (!step.question) return refuse('no_question', `step "${stepId}": has no question to answer`);
      if (!step.question.answers.some((answer) => answer.id === action.answerId)) {
        return refuse('no_such_answer', `step "${stepId}": question has no answer "${action.answerId}"`);
      }
      return { ok: true, progress: { ...progress, answers: { ...progress.answers, [stepId]: action.answerId } } };
    }
  }
}
