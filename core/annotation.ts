// Annotations pinned to a product part: a point and a normal in the part's local frame, so they follow the real bolt.
import { z } from 'zod';
import { SlugSchema } from './catalog.ts';

/** Metres in a part's local frame; a part is never larger than a few metres. */
const LocalCoordinate = z.number().finite().min(-10).max(10);
export const LocalPointSchema = z.tuple([LocalCoordinate, LocalCoordinate, LocalCoordinate]);
export const LocalNormalSchema = z
  .tuple([z.number().finite().min(-1.01).max(1.01), z.number().finite().min(-1.01).max(1.01), z.number().finite().min(-1.01).max(1.01)])
  .refine(([x, y, z]) => Math.abs(Math.hypot(x, y, z) - 1) < 0.01, { message: 'must be a unit vector' });

export const ANNOTATION_KINDS = ['arrow', 'circle', 'pin', 'ink'] as const;
export const AnnotationKindSchema = z.enum(ANNOTATION_KINDS);
export type AnnotationKind = z.infer<typeof AnnotationKindSchema>;

export const MAX_INK_POINTS = 512;

/** What an author sends; the server adds id, author and time. */
export const AnnotationDraftShape = {
  partId: SlugSchema,
  localPoint: LocalPointSchema,
  localNormal: LocalNormalSchema,
  kind: AnnotationKindSchema,
  text: z.string().trim().min(1).max(280).optional(),
  /** Stroke of an `ink` annotation, in the same part-local frame. */
  inkPoints: z.array(LocalPointSchema).min(2).max(MAX_INK_POINTS).optional(),
};

/** Ink needs its stroke, and only ink has one. */
export const inkPointsMatchKind: [(draft: { kind: AnnotationKind; inkPoints?: unknown }) => boolean, { message: string; path: string[] }] = [
  (draft) => (draft.kind === 'ink') === (draft.inkPoints !== undefined),
  { message: 'inkPoints are required for kind "ink" and only allowed there', path: ['inkPoints'] },
];

export const AnnotationDraftSchema = z.strictObject(AnnotationDraftShape).refine(...inkPointsMatchKind);
export type AnnotationDraft = z.infer<typeof AnnotationDraftSchema>;

export const AnnotationSchema = z.object({
  id: z.string(),
  sessionId: z.string(),
  partId: SlugSchema,
  localPoint: LocalPointSchema,
  localNormal: z.tuple([z.number(), z.number(), z.number()]),
  kind: AnnotationKindSchema,
  text: z.string().optional(),
  inkPoints: z.array(LocalPointSchema).optional(),
  authorId: z.string(),
  createdAt: z.number(),
});
export type Annotation = z.infer<typeof AnnotationSchema>;
