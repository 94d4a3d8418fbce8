// The employee signal: an agent's rating of a help session they finished — how hard it was (1–5), whether the part
// and manual information was enough, an optional note — and the rating as stored with the session it is about.
import { z } from 'zod';
import { isPlainText, SURVEY_COMMENT_MAX } from './survey.ts';

export const DIFFICULTY_SCORES = [1, 2, 3, 4, 5] as const;

export const AgentRatingSchema = z.strictObject({
  /** The help request the agent finished. */
  requestId: z.string().min(1).max(64),
  /** 1 very easy … 5 very hard. */
  difficulty: z.number().int().min(1).max(5),
  /** Whether the part and manual information the app gave was enough. */
  infoEnough: z.boolean(),
  note: z.string().max(SURVEY_COMMENT_MAX).refine(isPlainText, 'must be plain text').optional(),
});
export type AgentRating = z.infer<typeof AgentRatingSchema>;

export const StoredAgentRatingSchema = z.object({
  id: z.string(),
  requestId: z.string(),
  sessionId: z.string(),
  agentId: z.string(),
  productId: z.string(),
  difficulty: z.number().int(),
  infoEnough: z.boolean(),
  note: z.string().nullable(),
  createdAt: z.number(),
});
export type StoredAgentRating = z.infer<typeof StoredAgentRatingSchema>;
