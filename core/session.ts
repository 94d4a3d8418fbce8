// Assist sessions: the shared room of a requester and their agents, its append-only log and its replayable state.
import { z } from 'zod';
import { ProductLineSchema, SkuSchema, SlugSchema } from './catalog.ts';
import { RigidTransformSchema } from './geometry.ts';
import { LanguageSchema } from './i18n.ts';
import { AnnotationSchema, LocalPointSchema } from './annotation.ts';

export const SessionIdSchema = z.uuid();
/** Set by the client on writes it may retry; a repeated id answers the first entry instead of writing twice. */
export const ClientIdSchema = z.string().min(1).max(64);

export const SESSION_STATUSES = ['open', 'ended'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];
export const MEMBER_ROLES = ['requester', 'agent'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export const SessionInfoSchema = z.object({
  id: z.string(),
  productId: SlugSchema,
  productLine: ProductLineSchema,
  installedAssetId: z.string().nullable(),
  guideId: z.string().nullable(),
  language: LanguageSchema,
  requesterId: z.string(),
  status: z.enum(SESSION_STATUSES),
  createdAt: z.number(),
  endedAt: z.number().nullable(),
  /** The 32-bit key that pose frames of this session carry (see core/pose-frame.ts). */
  poseChannel: z.number().int(),
});
export type SessionInfo = z.infer<typeof SessionInfoSchema>;

export const SessionMemberSchema = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.enum(MEMBER_ROLES),
  joinedAt: z.number(),
  /** Set when an agent's help ended or was transferred; they keep read access to the transcript. */
  leftAt: z.number().nullable(),
});
export type SessionMember = z.infer<typeof SessionMemberSchema>;

export const CallStateSchema = z.object({ callId: z.string(), startedBy: z.string(), startedAt: z.number() });
export type CallState = z.infer<typeof CallStateSchema>;

const text = z.string();
/** The persisted events of a session, by `type`. Other domains append `step.changed`, `cart.proposed`, `order.linked`. */
export const SessionEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('chat'), data: z.object({ text }) }),
  z.object({ type: z.literal('annotation.added'), data: z.object({ annotation: AnnotationSchema }) }),
  z.object({ type: z.literal('annotation.removed'), data: z.object({ annotationId: text }) }),
  z.object({ type: z.literal('step.pushed'), data: z.object({ stepId: SlugSchema }) }),
  z.object({ type: z.literal('step.changed'), data: z.object({ stepId: SlugSchema }) }),
  z.object({ type: z.literal('part.highlighted'), data: z.object({ partId: SlugSchema.nullable() }) }),
  z.object({ type: z.literal('part.pinged'), data: z.object({ partId: SlugSchema, localPoint: LocalPointSchema.optional() }) }),
  z.object({ type: z.literal('member.joined'), data: z.object({ userId: text, name: text, role: z.enum(MEMBER_ROLES) }) }),
  z.object({ type: z.literal('member.left'), data: z.object({ userId: text, reason: z.enum(['ended', 'transferred']) }) }),
  z.object({ type: z.literal('call.started'), data: z.object({ callId: text }) }),
  z.object({ type: z.literal('call.ended'), data: z.object({ callId: text, reason: text.optional() }) }),
  z.object({ type: z.literal('cart.proposed'), data: z.object({ items: z.array(z.object({ sku: SkuSchema, quantity: z.number().int().positive() })), note: text.optional() }) }),
  z.object({ type: z.literal('order.linked'), data: z.object({ orderId: text }) }),
  z.object({ type: z.literal('help.requested'), data: z.object({ requestId: text, stepId: SlugSchema.optional() }) }),
  z.object({ type: z.literal('help.accepted'), data: z.object({ requestId: text, agentId: text, agentName: text }) }),
  z.object({ type: z.literal('help.transferred'), data: z.object({ requestId: text, fromAgentId: text, toAgentId: text.nullable() }) }),
  z.object({ type: z.literal('help.ended'), data: z.object({ requestId: text }) }),
  z.object({ type: z.literal('help.cancelled'), data: z.object({ requestId: text }) }),
  z.object({ type: z.literal('session.ended'), data: z.object({}) }),
]);
export type SessionEvent = z.infer<typeof SessionEventSchema>;
export type SessionEventType = SessionEvent['type'];

const EntryMetaSchema = z.object({
  sessionId: z.string(),
  /** 1, 2, 3 … per session, without gaps: what a client de-duplicates and resumes by. */
  seq: z.number().int().positive(),
  at: z.number(),
  actorId: z.string().nullable(),
  clientId: z.string().optional(),
});
export const SessionLogEntrySchema = z.intersection(EntryMetaSchema, SessionEventSchema);
export type SessionLogEntry = z.infer<typeof EntryMetaSchema> & SessionEvent;

export const HelpSummarySchema = z.object({
  requestId: z.string(),
  status: z.enum(['waiting', 'active']),
  agentId: z.string().nullable(),
  createdAt: z.number(),
});
export type HelpSummary = z.infer<typeof HelpSummarySchema>;

/** Everything a client needs to draw a session after a join, a long outage or a server restart. */
export const SessionStateSchema = z.object({
  session: SessionInfoSchema,
  members: z.array(SessionMemberSchema),
  placement: RigidTransformSchema.nullable(),
  currentStepId: z.string().nullable(),
  highlightedPartId: z.string().nullable(),
  annotations: z.array(AnnotationSchema),
  call: CallStateSchema.nullable(),
  help: HelpSummarySchema.nullable(),
  lastSeq: z.number().int().nonnegative(),
});
export type SessionState = z.infer<typeof SessionStateSchema>;

export const MAX_LOG_PAGE = 500;
