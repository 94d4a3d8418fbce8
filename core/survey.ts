// The customer's voice: a short survey answered at the end of a guide, a help session or an order (CSAT, CES, NPS, a
// comment, or skipped), the question whether to ask at all, and an answer as stored with the context the server found.
import { z } from 'zod';
import { LanguageSchema } from './i18n.ts';

export const SURVEY_CONTEXTS = ['guide', 'help', 'order'] as const;
export const SurveyContextSchema = z.enum(SURVEY_CONTEXTS);
export type SurveyContext = z.infer<typeof SurveyContextSchema>;

export const DEVICE_KINDS = ['phone', 'headset', 'desktop'] as const;
export const DeviceKindSchema = z.enum(DEVICE_KINDS);
export type DeviceKind = z.infer<typeof DeviceKindSchema>;

/** `assisted` when an agent took part in the session the answer is about, `self-service` otherwise. */
export const SURVEY_CHANNELS = ['self-service', 'assisted'] as const;
export type SurveyChannel = (typeof SURVEY_CHANNELS)[number];

/** NPS is asked of a person at most once in this many days. */
export const NPS_INTERVAL_DAYS = 90;
export const NPS_INTERVAL_MS = NPS_INTERVAL_DAYS * 24 * 60 * 60 * 1000;
export const SURVEY_COMMENT_MAX = 1000;

export const CSAT_SCORES = [1, 2, 3, 4, 5] as const;
export const CES_SCORES = [1, 2, 3, 4, 5, 6, 7] as const;
export const NPS_SCORES = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

/** What an answer is about: a guide run (its assist session's id), a help session (the session's id) or an order. */
export const SurveyTargetSchema = z.object({
  context: SurveyContextSchema,
  contextId: z.string().min(1).max(64),
});
export type SurveyTarget = z.infer<typeof SurveyTargetSchema>;

const score = (min: number, max: number) => z.number().int().min(min).max(max).optional();
/** Plain text: tabs and line breaks, but no other control characters. */
export function isPlainText(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if ((code < 32 && code !== 9 && code !== 10 && code !== 13) || code === 127) return false;
  }
  return true;
}

export const SurveyAnswerSchema = SurveyTargetSchema.extend({
  csat: score(1, 5),
  ces: score(1, 7),
  nps: score(0, 10),
  comment: z.string().max(SURVEY_COMMENT_MAX).refine(isPlainText, 'must be plain text').optional(),
  skipped: z.boolean(),
  device: DeviceKindSchema,
  language: LanguageSchema,
})
  .strict()
  .superRefine((answer, issues) => {
    const given = answer.csat !== undefined || answer.ces !== undefined || answer.nps !== undefined || (answer.comment ?? '').trim() !== '';
    if (answer.skipped && given) issues.addIssue({ code: 'custom', path: ['skipped'], message: 'a skipped survey carries no scores or comment' });
    if (!answer.skipped && !given) issues.addIssue({ code: 'custom', path: ['skipped'], message: 'give a score or a comment, or skip' });
  });
export type SurveyAnswer = z.infer<typeof SurveyAnswerSchema>;

export const SurveyAskSchema = z.object({
  /** False when this person already answered (or skipped) the survey of this context. */
  ask: z.boolean(),
  /** Whether to include the NPS question: not when this person gave one in the last 90 days. */
  includeNps: z.boolean(),
  /** When NPS may be asked again (epoch ms), null when it may be asked now. */
  npsAskableAt: z.number().nullable(),
});
export type SurveyAsk = z.infer<typeof SurveyAskSchema>;

/** An answer as stored: what the person said, and the context the server read from its own data. */
export const StoredSurveySchema = z.object({
  id: z.string(),
  context: SurveyContextSchema,
  contextId: z.string(),
  userId: z.string(),
  productId: z.string().nullable(),
  guideId: z.string().nullable(),
  guideVersion: z.number().int().nullable(),
  /** The step the guide was on when the survey was answered. */
  stepId: z.string().nullable(),
  agentId: z.string().nullable(),
  channel: z.enum(SURVEY_CHANNELS),
  device: DeviceKindSchema,
  language: LanguageSchema,
  csat: z.number().int().nullable(),
  ces: z.number().int().nullable(),
  nps: z.number().int().nullable(),
  comment: z.string().nullable(),
  skipped: z.boolean(),
  createdAt: z.number(),
});
export type StoredSurvey = z.infer<typeof StoredSurveySchema>;
export const SurveyResponseSchema = z.object({ survey: StoredSurveySchema });

export const SurveyIdParamsSchema = z.object({ surveyId: z.uuid() });
/** A comment given later (from My activity) to an answer that has none, e.g. one answered with a controller in AR. */
export const SurveyCommentSchema = z
  .object({ comment: z.string().trim().min(1).max(SURVEY_COMMENT_MAX).refine(isPlainText, 'must be plain text') })
  .strict();
export type SurveyComment = z.infer<typeof SurveyCommentSchema>;
export const SurveyListSchema = z.object({ surveys: z.array(StoredSurveySchema) });
