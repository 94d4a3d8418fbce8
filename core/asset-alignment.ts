// Saved twin alignments of installed units: which product, the solved model-to-world transform and its fit.
import { z } from 'zod';
import { SlugSchema } from './catalog.ts';
import { RigidTransformSchema } from './geometry.ts';

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
/** `PUT /api/assets/:assetId/alignment` answer. */
export const AlignmentResponseSchema = z.object({ alignment: AssetAlignmentSchema });
export type AlignmentResponse = z.infer<typeof AlignmentResponseSchema>;
/** `GET /api/assets/:assetId/alignment` answer: null for a unit never aligned (an ordinary answer, not an error). */
export const AlignmentLookupSchema = z.object({ alignment: AssetAlignmentSchema.nullable() });
export type AlignmentLookup = z.infer<typeof AlignmentLookupSchema>;
