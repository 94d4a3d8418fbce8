// Insights for admins and operators: per-step figures of a guide version (time, abandonment, out-of-range measurements,
// help requests, back-steps), the friction ranking, and survey trends (CSAT, CES, NPS with their counts), filtered.
import { z } from 'zod';
import type { Role } from './auth.ts';
import { SlugSchema } from './catalog.ts';
import { LanguageSchema, LocalizedTextSchema } from './i18n.ts';
import { SURVEY_CHANNELS } from './survey.ts';

export const INSIGHTS_ROLES = ['admin', 'operator'] as const satisfies readonly Role[];

/** A week, the width of a survey trend's bucket. */
export const TREND_BUCKET_MS = 7 * 24 * 60 * 60 * 1000;

export const epochMs = z.coerce.number().int().nonnegative();

/** What the figures are about: one guide (its latest version unless one is named), within optional filters. */
const filterFields = {
    guideId: SlugSchema,
    version: z.coerce.number().int().positive().optional(),
    productId: SlugSchema.optional(),
    /** Inclusive start of the period, epoch ms. */
    from: epochMs.optional(),
    /** Exclusive end of the period, epoch ms. */
    to: epochMs.optional(),
    language: LanguageSchema.optional(),
    /** `assisted` when an agent took part in the session, `self-service` otherwise. */
    channel: z.enum(SURVEY_CHANNELS).optional(),
};
export const periodInOrder = (filter: { from?: number | undefined; to?: number | undefined }) => filter.from === undefined || filter.to === undefined || filter.from < filter.to;
export const periodIssue = { path: ['to'], message: 'must be after from' };

export const InsightsFilterSchema = z.object(filterFields).strict().refine(periodInOrder, periodIssue);
export type InsightsFilter = z.infer<typeof InsightsFilterSchema>;

export const INSIGHTS_TABLES = ['steps', 'friction', 'surveys'] as const;
/** The filter and which table to download as CSV. */
export const InsightsExportSchema = z
  .object({ ...filterFields, table: z.enum(INSIGHTS_TABLES) })
  .strict()
  .refine(periodInOrder, periodIssue);
export type InsightsExport = z.infer<typeof InsightsExportSchema>;

export const StepInsightSchema = z.object({
  stepId: z.string(),
  /** 1-based place of the step in the guide version. */
  position: z.number().int(),
  title: LocalizedTextSchema,
  /** Sessions that entered the step. */
  sessions: z.number().int(),
  /** Visits that were left (time on step is measured on these). */
  visits: z.number().int(),
  medianMs: z.number().nullable(),
  p90Ms: z.number().nullable(),
  /** Runs not finished whose last step is this one. */
  abandoned: z.number().int(),
  outOfRange: z.number().int(),
  helpRequests: z.number().int(),
  backSteps: z.number().int(),
  /** 0–100; see docs/INSIGHTS.md. */
  friction: z.number(),
});
export type StepInsight = z.infer<typeof StepInsightSchema>;

/** A figure with the number of answers or runs behind it. */
const FigureSchema = z.object({ value: z.number().nullable(), count: z.number().int() });
export type Figure = z.infer<typeof FigureSchema>;

/** A run is a first-time fix when no other session is opened on its asset within this many days of its end. */
export const FIRST_TIME_FIX_DAYS = 30;
export const SurveyFiguresSchema = z.object({
  /** % of CSAT answers that are 4 or 5. */
  csat: FigureSchema,
  /** Mean CES (1–7). */
  ces: FigureSchema,
  /** % of 9–10 minus % of 0–6. */
  nps: FigureSchema,
});
export type SurveyFigures = z.infer<typeof SurveyFiguresSchema>;

export const SurveyTrendSchema = SurveyFiguresSchema.extend({ weekStart: z.number() });
export type SurveyTrend = z.infer<typeof SurveyTrendSchema>;

export const InsightsReportSchema = z.object({
  guideId: z.string(),
  version: z.number().int(),
  productId: z.string(),
  title: LocalizedTextSchema,
  /** The guide's norm: the median of its steps' median times, null without timed visits. */
  normMs: z.number().nullable(),
  steps: z.array(StepInsightSchema),
  /** Step ids, highest friction first (steps with a score above 0). */
  friction: z.array(z.string()),
  /** % of runs finished on an installed asset (30 days ago or more) with no other session on it within 30 days. */
  firstTimeFix: FigureSchema,
  surveys: SurveyFiguresSchema.extend({ weeks: z.array(SurveyTrendSchema) }),
});
export type InsightsReport = z.infer<typeof InsightsReportSchema>;

export const InsightsGuideSchema = z.object({ id: z.string(), productId: z.string(), title: LocalizedTextSchema, versions: z.array(z.number().int()) });
export const InsightsGuidesSchema = z.object({ guides: z.array(InsightsGuideSchema) });
export type InsightsGuide = z.infer<typeof InsightsGuideSchema>;

/** Weights of the friction score; each part is a fraction in [0, 1]. */
export const FRICTION_WEIGHTS = { time: 40, abandonment: 30, help: 20, outOfRange: 10 } as const;

export interface FrictionInput {
  medianMs: number | null;
  sessions: number;
  abandoned: number;
  helpRequests: number;
  outOfRange: number;
}

const fraction = (part: number, whole: number) => (whole > 0 ? Math.min(1, part / whole) : 0);

/**
 * 40 × min(1, max(0, median ÷ norm − 1)) + 30 × abandoned ÷ sessions + 20 × min(1, help ÷ sessions)
 * + 10 × min(1, out-of-range ÷ sessions), rounded to one decimal: 0 is smooth, 100 is as bad as it gets.
 */
export function frictionScore(step: FrictionInput, normMs: number | null): number {
  const slow = step.medianMs !== null && normMs !== null && normMs > 0 ? Math.min(1, Math.max(0, step.medianMs / normMs - 1)) : 0;
  const score =
    FRICTION_WEIGHTS.time * slow +
    FRICTION_WEIGHTS.abandonment * fraction(step.abandoned, step.sessions) +
    FRICTION_WEIGHTS.help * fraction(step.helpRequests, step.sessions) +
    FRICTION_WEIGHTS.outOfRange * fraction(step.outOfRange, step.sessions);
  return Math.round(score * 10) / 10;
}

/** The median of the steps' medians (steps without timed visits left out). */
export function guideNorm(medians: ReadonlyArray<number | null>): number | null {
  const sorted = medians.filter((value): value is number => value !== null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? null) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}
