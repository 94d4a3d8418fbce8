// Stored versions of a guide as the HTTP API lists, reads and creates them: published or draft, never overwritten.
import { z } from 'zod';
import { SlugSchema } from './catalog.ts';
import { LanguageSchema } from './i18n.ts';
import { GuideSchema, LocalizedGuideTextSchema } from './guide.ts';

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
