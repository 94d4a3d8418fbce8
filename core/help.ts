// Live help: the context of a request, the routed queue, positions and waits, callbacks and transfer targets.
import { z } from 'zod';
import type { Role } from './auth.ts';
import { ProductLineSchema, SlugSchema, type ProductLine } from './catalog.ts';
import { LanguageSchema, LocalizedTextSchema } from './i18n.ts';
import { UnitNameSchema } from './installed-unit.ts';
import type { Language } from './languages.ts';
import type { OrderStatus } from './order.ts';
import { ProactiveReasonSchema } from './proactive.ts';

export const HelpContextSchema = z.strictObject({
  productId: SlugSchema,
  installedAssetId: z.string().min(1).max(64).optional(),
  guideId: SlugSchema.optional(),
  stepId: SlugSchema.optional(),
  /** A line for the agent, e.g. "step 4 of 9, measurement out of range twice". */
  progressSummary: z.string().trim().max(500).optional(),
  /** Why help was offered before the person asked, when they accepted a proactive offer. */
  offeredFor: z.array(ProactiveReasonSchema).min(1).max(3).optional(),
  language: LanguageSchema,
});
export type HelpContext = z.infer<typeof HelpContextSchema>;

/** What a request is about, named for the agent by the server (the catalog's product name, the unit as a person reads it); never sent by the requester. */
export const HelpSubjectSchema = z.strictObject({
  productName: LocalizedTextSchema,
  /** Null when the request named no unit. */
  unit: UnitNameSchema.nullable(),
});
export type HelpSubject = z.infer<typeof HelpSubjectSchema>;

export const RequestIdSchema = z.uuid();

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

/** One of the requester's latest orders, as the agent helping them sees it. */
export interface RequesterOrder {
  number: string;
  status: OrderStatus;
  totalCents: number;
  createdAt: number;
  /** Units over every line. */
  units: number;
  /** Set when the order was placed in an assist session. */
  sessionId: string | null;
}

export interface QueueItem {
  requestId: string;
  sessionId: string;
  requester: { id: string; name: string; role: Role };
  productId: string;
  productLine: ProductLine;
  language: Language;
  context: HelpContext;
  subject: HelpSubject;
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
