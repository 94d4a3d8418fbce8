// Catalog domain: products, their parts, variants and alignment landmarks, as stored, seeded and sent on the wire.
import { z } from 'zod';
import { Vec3Schema } from './geometry.ts';
import { LocalizedTextSchema } from './i18n.ts';
import { strictObject } from './field-schemas.ts';

/** Stable identifiers: lowercase words joined by dashes, e.g. `brake-pads`. Part ids are also the glTF node names. */
export const SlugSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lowercase letters, digits and dashes, e.g. "brake-pads"')
  .max(64);

export const SkuSchema = z
  .string()
  .regex(/^[A-Z0-9]+(?:-[A-Z0-9]+)*$/, 'must be uppercase letters, digits and dashes, e.g. "WC-PAD-01"')
  .max(32);

/** Money in integer cents, never floats. */
export const CentsSchema = z.number().int().nonnegative();

export const PRODUCT_LINES = ['automotive', 'coffee', 'heating'] as const;
export const ProductLineSchema = z.enum(PRODUCT_LINES);
export type ProductLine = z.infer<typeof ProductLineSchema>;

export const PlacementSchema = z.enum(['floor', 'wall']);
export type Placement = z.infer<typeof PlacementSchema>;

export const DimensionsSchema = z.object({
  width: z.number().positive().max(20),
  height: z.number().positive().max(20),
  depth: z.number().positive().max(20),
});
export type Dimensions = z.infer<typeof DimensionsSchema>;

export const PartSchema = z.object({
  id: SlugSchema,
  sku: SkuSchema,
  name: LocalizedTextSchema,
  priceCents: CentsSchema,
  stock: z.number().int().nonnegative(),
  consumable: z.boolean().default(false),
});
export type Part = z.infer<typeof PartSchema>;

export const LandmarkSchema = z.object({
  id: SlugSchema,
  name: LocalizedTextSchema,
  partId: SlugSchema,
  /** Position in the product's model frame, metres. */
  position: Vec3Schema,
});
export type Landmark = z.infer<typeof LandmarkSchema>;

export const VariantSchema = z.object({
  id: SlugSchema,
  name: LocalizedTextSchema,
  /** CSS hex colour applied to the product's body material. */
  color: z.string().regex(/^#[0-9a-f]{6}$/i, 'must be a hex colour like "#1a2b3c"'),
});
export type Variant = z.infer<typeof VariantSchema>;

/**
 * What an asset ships beside its GLB: the product, its parts and landmarks. Every part id names a node in the GLB.
 * A user-supplied model loads the same way when it comes with a manifest of this shape.
 */
export const ProductManifestSchema = z
  .object({
    id: SlugSchema,
    name: LocalizedTextSchema,
    description: LocalizedTextSchema,
    productLine: ProductLineSchema,
    placement: PlacementSchema,
    dimensions: DimensionsSchema,
    priceCents: CentsSchema,
    sku: SkuSchema,
    /** File names relative to the asset folder. */
    model: z.string().regex(/\.glb$/, 'must be a .glb file'),
    variants: z.array(VariantSchema).min(1),
    parts: z.array(PartSchema).min(1),
    landmarks: z.array(LandmarkSchema).min(3, 'needs at least 3 landmarks for alignment'),
  })
  .superRefine((manifest, ctx) => {
    const partIds = new Set<string>();
    manifest.parts.forEach((part, index) => {
      if (partIds.has(part.id)) ctx.addIssue({ code: 'custom', path: ['parts', index, 'id'], message: `duplicate part id "${part.id}"` });
      partIds.add(part.id);
    });
    manifest.landmarks.forEach((landmark, index) => {
      if (!partIds.has(landmark.partId)) {
        ctx.addIssue({ code: 'custom', path: ['landmarks', index, 'partId'], message: `unknown part id "${landmark.partId}"` });
      }
    });
  });
export type ProductManifest = z.infer<typeof ProductManifestSchema>;

/** A product as the API sends it: manifest data plus the URLs the client loads. */
export const ProductSummarySchema = z.object({
  id: SlugSchema,
  sku: SkuSchema,
  name: LocalizedTextSchema,
  description: LocalizedTextSchema,
  productLine: ProductLineSchema,
  placement: PlacementSchema,
  dimensions: DimensionsSchema,
  priceCents: CentsSchema,
  currency: z.literal('EUR'),
  modelUrl: z.string(),
  thumbnailUrl: z.string(),
  variants: z.array(VariantSchema),
});
export type ProductSummary = z.infer<typeof ProductSummarySchema>;

export const PartDetailSchema = PartSchema.extend({
  productIds: z.array(SlugSchema),
  currency: z.literal('EUR'),
});
export type PartDetail = z.infer<typeof PartDetailSchema>;

export const PartListSchema = z.object({ parts: z.array(PartDetailSchema) });

export const ProductDetailSchema = ProductSummarySchema.extend({
  parts: z.array(PartDetailSchema),
  landmarks: z.array(LandmarkSchema),
});
export type ProductDetail = z.infer<typeof ProductDetailSchema>;

/** `PUT /api/parts/:sku/stock` (admin). */
export const SetStockBodySchema = strictObject({
  stock: z
    .number({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a number') })
    .int('must be a whole number')
    .min(0, 'must be 0 or more')
    .max(1_000_000, 'must be at most 1000000'),
});

/** `GET /api/products`. */
export const ProductListSchema = z.object({ products: z.array(ProductSummarySchema) });
export type ProductList = z.infer<typeof ProductListSchema>;

export const ProductIdParamsSchema = z.object({ id: SlugSchema });
export const SkuParamsSchema = z.object({ sku: SkuSchema });
