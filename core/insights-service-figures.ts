// Insights beyond the steps: per agent and per queue (wait, handling, transfers, CSAT), where orders came from, and the
// sessions behind one step (the drill-down), with their filters.
import { z } from 'zod';
import { SlugSchema } from './catalog.ts';
import { LanguageSchema } from './i18n.ts';
import { epochMs, InsightsFilterSchema, periodInOrder, periodIssue } from './insights.ts';


/** Help requests made (orders placed) in the period, on a product, in a language. */
export const ServiceFilterSchema = z
  .object({ from: epochMs.optional(), to: epochMs.optional(), productId: SlugSchema.optional(), language: LanguageSchema.optional() })
  .strict()
  .refine(periodInOrder, periodIssue);
export type ServiceFilter = z.infer<typeof ServiceFilterSchema>;

const FigureSchema = z.object({ value: z.number().nullable(), count: z.number().int() });

/** The agents' own ratings of the finished requests: mean difficulty (1 very easy … 5 very hard), % "information enough". */
export const AgentRatingFiguresSchema = z.object({ difficulty: z.number().nullable(), infoEnough: z.number().nullable(), count: z.number().int() });
export type AgentRatingFigures = z.infer<typeof AgentRatingFiguresSchema>;

const HelpFiguresSchema = z.object({
  /** Requests an agent accepted. */
  answered: z.number().int(),
  /** Mean ms from the request to its (last) acceptance, over answered requests. */
  waitMs: z.number().nullable(),
  /** Mean ms from the (last) acceptance to the end, over ended requests. */
  handlingMs: z.number().nullable(),
  /** Transfers (`help.transferred`): made by the agent, or of the queue's requests. */
  transfers: z.number().int(),
  /** % of help-survey CSAT answers that are 4 or 5, with their count. */
  csat: FigureSchema,
  /** Agent ratings of the filtered requests (`help:rate`), with their count. */
  ratings: AgentRatingFiguresSchema,
});

export const AgentFiguresSchema = HelpFiguresSchema.extend({ agentId: z.string(), name: z.string() });
export type AgentFigures = z.infer<typeof AgentFiguresSchema>;

export const QueueFiguresSchema = HelpFiguresSchema.extend({
  productLine: z.string(),
  language: z.string(),
  /** Every request made to the queue, answered or not. */
  requests: z.number().int(),
});
export type QueueFigures = z.infer<typeof QueueFiguresSchema>;

export const OrderOriginsSchema = z.object({
  total: z.number().int(),
  /** Placed within an assist session (on its page or in AR). */
  fromAssist: z.number().int(),
  /** Placed in a session where an agent had proposed parts before. */
  fromProposal: z.number().int(),
  /** Placed in an immersive AR session (the order's `origin`; orders from before migration 015 have none). */
  fromAr: z.number().int(),
  /** Placed in AR or after an agent's proposal, each order counted once. */
  fromArOrProposal: z.number().int(),
});
export type OrderOrigins = z.infer<typeof OrderOriginsSchema>;

export const ServiceFiguresSchema = z.object({ agents: z.array(AgentFiguresSchema), queues: z.array(QueueFiguresSchema), orders: OrderOriginsSchema });
export type ServiceFigures = z.infer<typeof ServiceFiguresSchema>;

export const StepSessionsParamsSchema = z.object({ stepId: z.string().min(1).max(200) });

/** The report's filter: one guide (its latest published version unless named), as every Insights figure takes it. */
export const StepSessionsQuerySchema = InsightsFilterSchema;

export const STEP_SESSION_LIMIT = 100;

export const StepSessionSchema = z.object({
  sessionId: z.string(),
  language: z.string(),
  /** First entry into the step, epoch ms. */
  enteredAt: z.number(),
  visits: z.number().int(),
  /** Total time on the step over the visits that were left; null when it was never left. */
  timeMs: z.number().nullable(),
  helpRequested: z.boolean(),
  /** `finished` the guide, `stopped-here` (the run's last step, not finished), or `stopped-later`. */
  outcome: z.enum(['finished', 'stopped-here', 'stopped-later']),
});
export type StepSession = z.infer<typeof StepSessionSchema>;

export const StepSessionsSchema = z.object({ guideId: z.string(), version: z.number().int(), stepId: z.string(), sessions: z.array(StepSessionSchema) });
export type StepSessions = z.infer<typeof StepSessionsSchema>;
