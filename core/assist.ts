// Live assistance: help requests, the routed queue, callbacks, annotations and pose — schemas and the event maps.
import { z } from 'zod';
import type { Ack } from './protocol.ts';
import type { Role } from './auth.ts';
import { ProductLineSchema, SlugSchema, type ProductLine } from './catalog.ts';
import { LanguageSchema, type Language } from './i18n.ts';
import { AnnotationDraftShape, inkPointsMatchKind, type Annotation } from './annotation.ts';
import { ClientIdSchema, SessionIdSchema, type SessionClientToServerEvents, type SessionJoinResult, type SessionLogEntry, type SessionServerToClientEvents } from './session.ts';
import type { CallClientToServerEvents, CallServerToClientEvents } from './call-signaling.ts';

export const HelpContextSchema = z.strictObject({
  productId: SlugSchema,
  installedAssetId: z.string().min(1).max(64).optional(),
  guideId: SlugSchema.optional(),
  stepId: SlugSchema.optional(),
  /** A line for the agent, e.g. "step 4 of 9, measurement out of range twice". */
  progressSummary: z.string().trim().max(500).optional(),
  language: LanguageSchema,
});
export type HelpContext = z.infer<typeof HelpContextSchema>;

export const RequestIdSchema = z.uuid();
export const HelpRequestSchema = z.strictObject({ sessionId: SessionIdSchema, context: HelpContextSchema });
export const HelpRefSchema = z.strictObject({ requestId: RequestIdSchema });
export const HelpTransferSchema = z.union([
  z.strictObject({ requestId: RequestIdSchema, toAgentId: z.string().min(1).max(64) }),
  z.strictObject({ requestId: RequestIdSchema, toQueue: z.literal(true) }),
]);
export const HelpCallbackSchema = z.strictObject({
  sessionId: SessionIdSchema,
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{5,32}$/, 'must be a phone number such as "+34 600 000 000"')
    .optional(),
  note: z.string().trim().min(1).max(1000),
});
export const CallbackRefSchema = z.strictObject({ callbackId: z.uuid() });

export const AnnotationAddSchema = z.strictObject({ sessionId: SessionIdSchema, clientId: ClientIdSchema.optional(), ...AnnotationDraftShape }).refine(...inkPointsMatchKind);
export const AnnotationRemoveSchema = z.strictObject({ sessionId: SessionIdSchema, annotationId: z.uuid() });

export const HelpHistoryItemSchema = z.object({
  sessionId: z.string(),
  productId: z.string(),
  guideId: z.string().nullable(),
  installedAssetId: z.string().nullable(),
  status: z.enum(['open', 'ended']),
  createdAt: z.number(),
  endedAt: z.number().nullable(),
  helpRequests: z.number().int(),
});
export type HelpHistoryItem = z.infer<typeof HelpHistoryItemSchema>;

export interface QueueItem {
  requestId: string;
  sessionId: string;
  requester: { id: string; name: string; role: Role };
  productId: string;
  productLine: ProductLine;
  language: Language;
  context: HelpContext;
  /** Earlier sessions of the requester, newest first. */
  history: HelpHistoryItem[];
  createdAt: number;
  /** Set when another agent transferred the request to this agent by name. */
  transferredBy: string | null;
}

export interface QueueUpdate {
  /** Only the requests this agent can take (skill and language), oldest first. */
  requests: QueueItem[];
  /** Increases with every snapshot; a client keeps the highest. */
  revision: number;
}

export interface HelpPosition {
  requestId: string;
  sessionId: string;
  /** 1 is next. */
  position: number;
  estimatedWaitSeconds: number;
  agentsOnline: number;
}

export interface HelpRequestResult extends HelpPosition {
  /** No agent with this product line and language is connected now: offer `help:callback`. */
  noAgentOnline: boolean;
}

export const CallbackSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  requesterId: z.string(),
  requesterName: z.string(),
  productId: z.string(),
  productLine: ProductLineSchema,
  language: LanguageSchema,
  phone: z.string().nullable(),
  note: z.string(),
  createdAt: z.number(),
  /** Set once an agent has called back; open callbacks have null. */
  doneAt: z.number().nullable(),
  doneBy: z.string().nullable(),
});
export type Callback = z.infer<typeof CallbackSchema>;

export interface CallbackUpdate {
  /** Only the open callbacks of this agent's product lines and languages, oldest first. */
  callbacks: Callback[];
  /** Increases with every snapshot; a client keeps the highest. */
  revision: number;
}

/** An agent online now who could take a request by transfer. */
export interface TransferTarget {
  id: string;
  name: string;
}

/** Entries caused by the sender reach it in the ack, not as `session:event`. */
type EntriesAck = Ack<{ entries: SessionLogEntry[] }>;

export interface HelpClientToServerEvents {
  /** Agent: the current queue (the same snapshot `queue:updated` pushes). */
  'queue:get': (payload: Record<string, never>, ack: Ack<QueueUpdate>) => void;
  'help:request': (payload: z.input<typeof HelpRequestSchema>, ack: Ack<HelpRequestResult & { entry: SessionLogEntry }>) => void;
  /** Agent: takes the request, becomes a member and joins the session room. */
  'help:accept': (payload: z.input<typeof HelpRefSchema>, ack: Ack<SessionJoinResult & { requestId: string }>) => void;
  /** Agent: skip this request; it stays queued for the others. */
  'help:decline': (payload: z.input<typeof HelpRefSchema>, ack: Ack) => void;
  /** The agent helping in the request: the other agents online now who cover its product line and language. */
  'help:transfer-targets': (payload: z.input<typeof HelpRefSchema>, ack: Ack<{ agents: TransferTarget[] }>) => void;
  'help:transfer': (payload: z.input<typeof HelpTransferSchema>, ack: EntriesAck) => void;
  /** The assigned agent or the requester ends an accepted request; the session stays open. */
  'help:end': (payload: z.input<typeof HelpRefSchema>, ack: EntriesAck) => void;
  /** Requester: withdraws a waiting request. */
  'help:cancel': (payload: z.input<typeof HelpRefSchema>, ack: EntriesAck) => void;
  'help:callback': (payload: z.input<typeof HelpCallbackSchema>, ack: Ack<{ callback: Callback }>) => void;
  /** Agent: the open callbacks (the same snapshot `callbacks:updated` pushes). */
  'callbacks:get': (payload: Record<string, never>, ack: Ack<CallbackUpdate>) => void;
  /** Agent of the callback's product line and language: it was made; it leaves every agent's list. */
  'help:callback-done': (payload: z.input<typeof CallbackRefSchema>, ack: Ack<{ callback: Callback }>) => void;
  'annotation:add': (payload: z.input<typeof AnnotationAddSchema>, ack: Ack<{ annotation: Annotation; entry: SessionLogEntry; duplicate: boolean }>) => void;
  'annotation:remove': (payload: z.input<typeof AnnotationRemoveSchema>, ack: Ack<{ entry: SessionLogEntry }>) => void;
  /** A pose frame from core/pose-frame.ts; volatile, never acked unless an ack is passed (then refusals are answered). */
  'pose:update': (frame: Uint8Array, ack?: Ack) => void;
}

export interface HelpServerToClientEvents {
  'queue:updated': (payload: QueueUpdate) => void;
  'callbacks:updated': (payload: CallbackUpdate) => void;
  'help:position': (payload: HelpPosition) => void;
  'pose:update': (frame: Uint8Array) => void;
}

export type AssistClientToServerEvents = SessionClientToServerEvents & HelpClientToServerEvents & CallClientToServerEvents;
export type AssistServerToClientEvents = SessionServerToClientEvents & HelpServerToClientEvents & CallServerToClientEvents;
