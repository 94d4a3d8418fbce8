// Proactive help: why help is offered on a step before the person asks, the offer (with the tip that helped others),
// the thresholds the rule uses, and the per-user preference that turns offers off.
import { z } from 'zod';
import { SlugSchema } from './catalog.ts';

/**
 * `you-struggled`: this person asked for help on the step, stopped there, or took far longer than its norm, in an
 * earlier session; `asset-needed-help`: an earlier session on this unit asked for help on the step; `many-slow`: the
 * step's median time is far above the guide's norm over enough visits.
 */
export const PROACTIVE_REASONS = ['you-struggled', 'asset-needed-help', 'many-slow'] as const;
export const ProactiveReasonSchema = z.enum(PROACTIVE_REASONS);
export type ProactiveReason = z.infer<typeof ProactiveReasonSchema>;

/** The rule's thresholds (docs/PROACTIVE-HELP.md). */
export const PROACTIVE_THRESHOLDS = {
  /** A visit, or a step's median, is "far longer" at this multiple of its norm (where Insights' friction time is full). */
  slowFactor: 2,
  /** Timed visits a median needs before it counts as a norm. */
  minVisits: 5,
} as const;

export const ProactiveOfferRequestSchema = z.strictObject({ sessionId: z.uuid(), stepId: SlugSchema });
export type ProactiveOfferRequest = z.infer<typeof ProactiveOfferRequestSchema>;

export const ProactiveOfferSchema = z.object({
  stepId: z.string(),
  reasons: z.array(ProactiveReasonSchema).min(1),
  /** The last thing an agent wrote in an earlier session that asked for help on this step, when there is one. */
  tip: z.string().nullable(),
});
export type ProactiveOffer = z.infer<typeof ProactiveOfferSchema>;

/** null: nothing to offer (the rule does not fire, it was offered on this step already, or the person turned offers off). */
export const ProactiveOfferResponseSchema = z.object({ offer: ProactiveOfferSchema.nullable() });
export type ProactiveOfferResponse = z.infer<typeof ProactiveOfferResponseSchema>;

export const ProactivePreferenceSchema = z.strictObject({ offers: z.boolean() });
export type ProactivePreference = z.infer<typeof ProactivePreferenceSchema>;

/** Whether a step's median is far above the guide's norm, over enough visits. */
export function manySlow(step: { visits: number; medianMs: number | null }, normMs: number | null): boolean {
  return step.medianMs !== null && normMs !== null && normMs > 0 && step.visits >= PROACTIVE_THRESHOLDS.minVisits && step.medianMs > PROACTIVE_THRESHOLDS.slowFactor * normMs;
}
