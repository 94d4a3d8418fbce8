// Live help's realtime events: ask, accept, decline, transfer, end and cancel help; the queue and callbacks for agents.
import { z } from 'zod';
import type { Ack } from './ack.ts';
import { HelpContextSchema, RequestIdSchema, type Callback, type CallbackUpdate, type HelpContext, type HelpHistoryItem, type HelpSubject, type HelpRequestResult, type HelpPosition, type QueueUpdate, type RequesterOrder, type TransferTarget } from './help.ts';
import { SessionIdSchema, type SessionLogEntry } from './session.ts';
import type { SessionJoinResult } from './session-events.ts';
import type { EmptyPayloadSchema } from './field-schemas.ts';

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

/** Entries caused by the sender reach it in the ack, not as `session:event`. */
type EntriesAck = Ack<{ entries: SessionLogEntry[] }>;

export interface HelpClientToServerEvents {
  /** Agent: the current queue (the same snapshot `queue:updated` pushes). */
  'queue:get': (payload: z.input<typeof EmptyPayloadSchema>, ack: Ack<QueueUpdate>) => void;
  'help:request': (payload: z.input<typeof HelpRequestSchema>, ack: Ack<HelpRequestResult & { entry: SessionLogEntry }>) => void;
  /** Agent: takes the request, becomes a member and joins the session room. */
  'help:accept': (payload: z.input<typeof HelpRefSchema>, ack: Ack<SessionJoinResult & { requestId: string }>) => void;
  /** The agent helping in the request: what the request carried (its context, what it is about and the requester's history), e.g. for a tab restored after a reload. */
  'help:context': (payload: z.input<typeof HelpRefSchema>, ack: Ack<{ context: HelpContext; subject: HelpSubject; history: HelpHistoryItem[] }>) => void;
  /** The agent helping in the request: the requester's latest orders, newest first. */
  'help:orders': (payload: z.input<typeof HelpRefSchema>, ack: Ack<{ orders: RequesterOrder[] }>) => void;
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
  'callbacks:get': (payload: z.input<typeof EmptyPayloadSchema>, ack: Ack<CallbackUpdate>) => void;
  /** Agent of the callback's product line and language: it was made; it leaves every agent's list. */
  'help:callback-done': (payload: z.input<typeof CallbackRefSchema>, ack: Ack<{ callback: Callback }>) => void;
}

export interface HelpServerToClientEvents {
  'queue:updated': (payload: QueueUpdate) => void;
  'callbacks:updated': (payload: CallbackUpdate) => void;
  'help:position': (payload: HelpPosition) => void;
}
