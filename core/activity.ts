// One customer across channels: the person's timeline (sessions, help, orders, survey answers, newest first, paged by
// a cursor), the guides they can resume on any device, and the friction an agent helping them sees marked.
import { z } from 'zod';
import { SlugSchema } from './catalog.ts';
import { LocalizedTextSchema } from './i18n.ts';
import { OrderStatusSchema } from './order.ts';
import { DeviceKindSchema, SurveyContextSchema } from './survey.ts';

export const ACTIVITY_PAGE_DEFAULT = 20;
export const ACTIVITY_PAGE_MAX = 50;
/** Guides in progress listed at most (the most recently touched first). */
export const IN_PROGRESS_MAX = 10;

/** Items sort by time, then by kind, then by id, all descending; the cursor is the last item's triple. */
export const ACTIVITY_KINDS = ['help', 'order', 'session', 'survey'] as const;
export const ActivityKindSchema = z.enum(ACTIVITY_KINDS);
export type ActivityKind = z.infer<typeof ActivityKindSchema>;

const CURSOR = /^(\d{1,15})~(help|order|session|survey)~([\w-]{1,64})$/;
export const ActivityCursorSchema = z.string().regex(CURSOR, 'is not a cursor from an earlier page');

export interface ActivityCursor {
  at: number;
  kind: ActivityKind;
  id: string;
}

export const formatCursor = ({ at, kind, id }: ActivityCursor): string => `${at}~${kind}~${id}`;

export function parseCursor(cursor: string): ActivityCursor {
  const match = CURSOR.exec(cursor);
  if (!match) throw new Error(`not a cursor: ${cursor}`);
  return { at: Number(match[1]), kind: match[2] as ActivityKind, id: match[3]! };
}

export const ActivityQuerySchema = z.strictObject({
  before: ActivityCursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(ACTIVITY_PAGE_MAX).default(ACTIVITY_PAGE_DEFAULT),
});
export type ActivityQuery = z.infer<typeof ActivityQuerySchema>;

const GuideTitleSchema = LocalizedTextSchema;

/** The guide last run in a session: how far it went. */
export const SessionGuideSchema = z.object({
  guideId: SlugSchema,
  version: z.number().int().positive(),
  title: GuideTitleSchema,
  stepsDone: z.number().int().nonnegative(),
  stepCount: z.number().int().nonnegative(),
  finished: z.boolean(),
});

const base = { at: z.number().int(), cursor: ActivityCursorSchema };

export const ActivityItemSchema = z.discriminatedUnion('kind', [
  z.object({
    ...base,
    kind: z.literal('session'),
    sessionId: z.uuid(),
    productId: SlugSchema,
    productName: LocalizedTextSchema,
    status: z.enum(['open', 'ended']),
    endedAt: z.number().int().nullable(),
    /** Assisted when an agent joined it. */
    channel: z.enum(['self-service', 'assisted']),
    /** The device kind the person's survey answer stated for this session; null where none was recorded. */
    device: DeviceKindSchema.nullable(),
    guide: SessionGuideSchema.nullable(),
  }),
  z.object({
    ...base,
    kind: z.literal('help'),
    requestId: z.uuid(),
    sessionId: z.uuid(),
    productName: LocalizedTextSchema,
    status: z.enum(['waiting', 'active', 'ended', 'cancelled']),
    agentName: z.string().nullable(),
    /** From the agent's accepting to the end; null while not accepted or not ended. */
    durationMs: z.number().int().nonnegative().nullable(),
  }),
  z.object({ ...base, kind: z.literal('order'), orderId: z.string(), number: z.string(), totalCents: z.number().int(), currency: z.string(), status: OrderStatusSchema }),
  z.object({
    ...base,
    kind: z.literal('survey'),
    surveyId: z.string(),
    context: SurveyContextSchema,
    productName: LocalizedTextSchema.nullable(),
    csat: z.number().int().nullable(),
    ces: z.number().int().nullable(),
    nps: z.number().int().nullable(),
    /** The person's own words, null when none were given. */
    comment: z.string().nullable(),
  }),
]);
export type ActivityItem = z.infer<typeof ActivityItemSchema>;

/** A guide not finished in a session still open: what "Resume here" needs to open it at the step reached. */
export const GuideInProgressSchema = z.object({
  sessionId: z.uuid(),
  productId: SlugSchema,
  productName: LocalizedTextSchema,
  guideId: SlugSchema,
  title: GuideTitleSchema,
  stepId: SlugSchema,
  stepTitle: GuideTitleSchema,
  /** 1-based place of the step in the guide's order. */
  stepNumber: z.number().int().positive(),
  stepCount: z.number().int().positive(),
  updatedAt: z.number().int(),
});
export type GuideInProgress = z.infer<typeof GuideInProgressSchema>;

export const ActivityPageSchema = z.object({ items: z.array(ActivityItemSchema), next: ActivityCursorSchema.nullable() });
export type ActivityPage = z.infer<typeof ActivityPageSchema>;

export const MyActivitySchema = ActivityPageSchema.extend({ inProgress: z.array(GuideInProgressSchema) });
export type MyActivity = z.infer<typeof MyActivitySchema>;

/**
 * Friction on a step of a session: help asked there, the run stopped there (not finished, session ended), a visit over
 * `PROACTIVE_THRESHOLDS.slowFactor` × the step's median (with enough visits behind it), an out-of-range measurement.
 */
export const FRICTION_KINDS = ['help', 'stopped', 'slow', 'out-of-range'] as const;
export const FrictionKindSchema = z.enum(FRICTION_KINDS);
export type FrictionKind = z.infer<typeof FrictionKindSchema>;

export const FrictionMarkSchema = z.object({ sessionId: z.uuid(), guideId: SlugSchema, stepId: SlugSchema, stepTitle: GuideTitleSchema, kinds: z.array(FrictionKindSchema).min(1) });
export type FrictionMark = z.infer<typeof FrictionMarkSchema>;

export const RequesterTimelineSchema = ActivityPageSchema.extend({ friction: z.array(FrictionMarkSchema) });
export type RequesterTimeline = z.infer<typeof RequesterTimelineSchema>;
