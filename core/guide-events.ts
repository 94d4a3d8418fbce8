// Guide progress over the realtime channel: start a guide in a session, act on it, read it; progress pushed to the room.
import { z } from 'zod';
import type { Ack } from './ack.ts';
import { SlugSchema } from './catalog.ts';
import type { Guide } from './guide.ts';
import { GuideActionSchema, GuideProgressSchema, type GuideProgress } from './guide-engine.ts';
import { SessionIdSchema } from './session.ts';

/** Client-made id of one action, kept across offline queueing and retries: a repeat is answered, never applied twice. */
export const GuideActionIdSchema = z.string().min(8).max(64);

export const GuideStartSchema = z.strictObject({ sessionId: SessionIdSchema, guideId: SlugSchema });
export const GuideActionRequestSchema = z.strictObject({
  sessionId: SessionIdSchema,
  actionId: GuideActionIdSchema,
  action: GuideActionSchema,
  /** When the person did it (client clock, epoch ms), kept for offline actions sent later. */
  clientAt: z.number().int().nonnegative().optional(),
  /** The guide the action is for; absent means the session's current guide (the one started last). */
  guideId: SlugSchema.optional(),
});
export const GuideGetSchema = z.strictObject({ sessionId: SessionIdSchema });

export interface GuideStartResult {
  guide: Guide;
  version: number;
  progress: GuideProgress;
  /** false when the session already had progress for this guide (resume after reload or on another device). */
  created: boolean;
}

export interface GuideActionResultPayload {
  /** The progress now; for a repeated actionId, the current stored progress (which already contains that action). */
  progress: GuideProgress;
  /** false: this actionId was applied before and nothing changed. */
  applied: boolean;
}

export interface GuideGetResult {
  guide: Guide | null;
  version: number | null;
  progress: GuideProgress | null;
}

/** Pushed to the session room (other devices, the agent) after progress changes; never to the socket that caused it. */
export const GuideProgressEventSchema = z.object({
  sessionId: z.string(),
  guideId: SlugSchema,
  version: z.number().int().positive(),
  progress: GuideProgressSchema,
  by: z.string(),
  /** The action that caused it; null when a guide was started. */
  actionId: z.string().nullable(),
  at: z.number(),
});
export type GuideProgressEvent = z.infer<typeof GuideProgressEventSchema>;

export interface GuideClientToServerEvents {
  /** A session member opens a guide of the session's product; answers the existing progress when there is one. */
  'guide:start': (payload: z.input<typeof GuideStartSchema>, ack: Ack<GuideStartResult>) => void;
  /** Requesters: any action. Agents: `goto` only. An action the engine refuses answers `conflict` with its message. */
  'guide:action': (payload: z.input<typeof GuideActionRequestSchema>, ack: Ack<GuideActionResultPayload>) => void;
  /** The session's current guide and progress (null, null when none was started). */
  'guide:get': (payload: z.input<typeof GuideGetSchema>, ack: Ack<GuideGetResult>) => void;
}

export interface GuideServerToClientEvents {
  'guide:progress': (payload: GuideProgressEvent) => void;
}
