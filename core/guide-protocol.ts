// The guide wire contract: guides over HTTP, saved twin alignments per installed asset, realtime progress per session.
import { z } from 'zod';
import type { Ack } from './protocol.ts';
import { SlugSchema } from './catalog.ts';
import { RigidTransformSchema } from './geometry.ts';
import { LanguageSchema } from './i18n.ts';
import { GuideSchema, LocalizedGuideTextSchema } from './guide.ts';
import type { Guide } from './guide.ts';
import { GuideActionSchema, GuideProgressSchema } from './guide-engine.ts';
import type { GuideProgress } from './guide-engine.ts';
import { SessionIdSchema } from './session.ts';

export const GUIDE_STATUSES = ['published', 'draft'] as const;
export const GuideStatusSchema = z.enum(GUIDE_STATUSES);
export type GuideStatus = z.infer<typeof GuideStatusSchema>;

/** One stored version of a guide, as a list shows it. */
export const GuideSummarySchema = z.object({
  id: SlugSchema,
  productId: SlugSchema,
  version: z.number().int().positive(),
  status: GuideStatusSchema,
  title: LocalizedGuideTextSchema,
  summary: LocalizedGuideTextSchema,
  estimatedMinutes: z.number().int().positive(),
  languages: z.array(LanguageSchema),
  createdAt: z.number(),
});
export type GuideSummary = z.infer<typeof GuideSummarySchema>;

/** `GET /api/guides`: the latest published version of each guide; `status=draft` (admin, agent) lists drafts instead. */
export const GuideListQuerySchema = z.object({
  productId: SlugSchema.optional(),
  status: GuideStatusSchema.optional(),
});
export const GuideListResponseSchema = z.object({ guides: z.array(GuideSummarySchema) });
export type GuideListResponse = z.infer<typeof GuideListResponseSchema>;

export const GuideIdParamsSchema = z.object({ id: SlugSchema });
/** `GET /api/guides/:id`: the latest published version, or the given one (drafts: admin and agent only). */
export const GuideDetailQuerySchema = z.object({ version: z.coerce.number().int().positive().optional() });
export const GuideDetailResponseSchema = z.object({ guide: GuideSchema, version: z.number().int().positive(), status: GuideStatusSchema });
export type GuideDetailResponse = z.infer<typeof GuideDetailResponseSchema>;

/** `POST /api/guides?status=draft|published` (admin) with a Guide body: stores a new version, never overwrites one. */
export const GuideCreateQuerySchema = z.object({ status: GuideStatusSchema.default('published') });
export const GuideCreatedResponseSchema = z.object({ id: SlugSchema, version: z.number().int().positive(), status: GuideStatusSchema });
export type GuideCreatedResponse = z.infer<typeof GuideCreatedResponseSchema>;

/** An installed unit's id, as printed on its QR code: letters, digits and `. _ : -`. */
export const AssetIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/, 'must be 1–64 letters, digits, ".", "_", ":" or "-", starting with a letter or digit');

export const AlignmentInputSchema = z.strictObject({
  productId: SlugSchema,
  /** Model frame → real (world/anchor) frame, as solved by `solveRigidAlignment`. */
  transform: RigidTransformSchema,
  /** Metres; a fit worse than ALIGNMENT_MAX_RMS_METRES is refused. */
  rmsError: z.number().finite().nonnegative(),
  /** The product landmarks matched, in the order they were pointed at. */
  landmarkIds: z.array(SlugSchema).min(3).max(32),
});
export type AlignmentInput = z.infer<typeof AlignmentInputSchema>;

export const AssetAlignmentSchema = AlignmentInputSchema.extend({
  assetId: AssetIdSchema,
  savedBy: z.string(),
  savedAt: z.number(),
});
export type AssetAlignment = z.infer<typeof AssetAlignmentSchema>;

export const AssetIdParamsSchema = z.object({ assetId: AssetIdSchema });
/** `GET|PUT /api/assets/:assetId/alignment` answer. */
export const AlignmentResponseSchema = z.object({ alignment: AssetAlignmentSchema });
export type AlignmentResponse = z.infer<typeof AlignmentResponseSchema>;

export const AlignmentSaveSchema = AlignmentInputSchema.extend({ assetId: AssetIdSchema });
export const AlignmentGetSchema = z.strictObject({ assetId: AssetIdSchema });

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
  /** Technicians and admins: saves the alignment of an installed unit. */
  'alignment:save': (payload: z.input<typeof AlignmentSaveSchema>, ack: Ack<{ alignment: AssetAlignment }>) => void;
  /** Any signed-in user: the saved alignment, or a `not_found` error. */
  'alignment:get': (payload: z.input<typeof AlignmentGetSchema>, ack: Ack<{ alignment: AssetAlignment }>) => void;
}

export interface GuideServerToClientEvents {
  'guide:progress': (payload: GuideProgressEvent) => void;
}
