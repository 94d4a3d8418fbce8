// The session's realtime events: open, join, page through, leave and end a session; chat, placement, steps, parts, pose.
import { z } from 'zod';
import type { Ack } from './ack.ts';
import { SlugSchema } from './catalog.ts';
import { RigidTransformSchema, type RigidTransform } from './geometry.ts';
import { LanguageSchema } from './i18n.ts';
import { LocalPointSchema } from './annotation.ts';
import { ClientIdSchema, SessionIdSchema, type SessionLogEntry, type SessionState } from './session.ts';

export const SessionCreateSchema = z.strictObject({
  productId: SlugSchema,
  installedAssetId: z.string().min(1).max(64).optional(),
  guideId: SlugSchema.optional(),
  language: LanguageSchema.optional(),
});
export const SessionJoinSchema = z.strictObject({ sessionId: SessionIdSchema, sinceSeq: z.number().int().nonnegative().optional() });
export const SessionLogPageSchema = z.strictObject({ sessionId: SessionIdSchema, sinceSeq: z.number().int().nonnegative() });
export const SessionRefSchema = z.strictObject({ sessionId: SessionIdSchema });
export const ChatSendSchema = z.strictObject({ sessionId: SessionIdSchema, text: z.string().trim().min(1).max(2000), clientId: ClientIdSchema.optional() });
export const PlacementUpdateSchema = z.strictObject({ sessionId: SessionIdSchema, transform: RigidTransformSchema });
export const StepRefSchema = z.strictObject({ sessionId: SessionIdSchema, stepId: SlugSchema });
export const PartHighlightSchema = z.strictObject({ sessionId: SessionIdSchema, partId: SlugSchema.nullable() });
export const PartPingSchema = z.strictObject({ sessionId: SessionIdSchema, partId: SlugSchema, localPoint: LocalPointSchema.optional() });

export interface SessionJoinResult {
  state: SessionState;
  /** Entries after `sinceSeq` (all when absent), oldest first, at most MAX_LOG_PAGE. */
  log: SessionLogEntry[];
  /** More entries follow: page on with `session:log` from the last seq received. */
  hasMore: boolean;
}

export interface PlacementChanged {
  sessionId: string;
  transform: RigidTransform;
  by: string;
  at: number;
}

export interface PresenceChanged {
  sessionId: string;
  userId: string;
  online: boolean;
}

type EntryAck = Ack<{ entry: SessionLogEntry }>;

export interface SessionClientToServerEvents {
  /** Requesters (customer, technician) open a session for a product; the socket joins its room. */
  'session:create': (payload: z.input<typeof SessionCreateSchema>, ack: Ack<SessionJoinResult>) => void;
  'session:join': (payload: z.input<typeof SessionJoinSchema>, ack: Ack<SessionJoinResult>) => void;
  'session:log': (payload: z.input<typeof SessionLogPageSchema>, ack: Ack<{ log: SessionLogEntry[]; hasMore: boolean }>) => void;
  'session:leave': (payload: z.input<typeof SessionRefSchema>, ack: Ack) => void;
  /** Ends the session for everyone; an open help request is withdrawn or ended with it. */
  'session:end': (payload: z.input<typeof SessionRefSchema>, ack: Ack<{ entries: SessionLogEntry[] }>) => void;
  'chat:send': (payload: z.input<typeof ChatSendSchema>, ack: Ack<{ entry: SessionLogEntry; duplicate: boolean }>) => void;
  'placement:update': (payload: z.input<typeof PlacementUpdateSchema>, ack: Ack<{ at: number }>) => void;
  /** Agent: asks the requester's guide to go to a step. */
  'step:push': (payload: z.input<typeof StepRefSchema>, ack: EntryAck) => void;
  /** Requester: the step their guide is now on. */
  'step:change': (payload: z.input<typeof StepRefSchema>, ack: EntryAck) => void;
  /** Agent: outline a part (null clears). */
  'part:highlight': (payload: z.input<typeof PartHighlightSchema>, ack: EntryAck) => void;
  /** Requester: "this one" — shows the agent a part. */
  'part:ping': (payload: z.input<typeof PartPingSchema>, ack: EntryAck) => void;
  /** A pose frame from core/pose-frame.ts; volatile, never acked unless an ack is passed (then refusals are answered). */
  'pose:update': (frame: Uint8Array, ack?: Ack) => void;
}

export interface SessionServerToClientEvents {
  /** A persisted entry of a session the socket is in; de-duplicate and order by `seq`. */
  'session:event': (entry: SessionLogEntry) => void;
  'session:placement': (payload: PlacementChanged) => void;
  'session:presence': (payload: PresenceChanged) => void;
  'pose:update': (frame: Uint8Array) => void;
}
