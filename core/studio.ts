// Studio domain: a product being imported (a draft), what its author edits, the publish checklist, and its HTTP payloads.
import { z } from 'zod';
import type { ErrorIssue } from './ack.ts';
import { CentsSchema, DimensionsSchema, PlacementSchema, ProductDetailSchema, ProductLineSchema, SkuSchema, SlugSchema } from './catalog.ts';
import { strictObject } from './field-schemas.ts';
import { Vec3Schema } from './geometry.ts';
import { GuideSchema } from './guide.ts';
import { LocalizedTextSchema } from './i18n.ts';
import { correctionScale, landmarkSpreadProblem, orientedSize, sizeWarning, STUDIO_PLAUSIBLE_SIZE_M } from './studio-geometry.ts';

export * from './studio-geometry.ts';

/** Roles that reach Studio. */
export const STUDIO_ROLES = ['admin', 'author'] as const;
export const STUDIO_MIN_LANDMARKS = 3;
export const STUDIO_MAX_LANDMARKS = 6;
/** Largest thumbnail PNG accepted. */
export const STUDIO_THUMBNAIL_MAX_BYTES = 2 * 1024 * 1024;

export const DraftIdSchema = z.uuid('must be a draft id');
export const DraftStatusSchema = z.enum(['draft', 'published']);
export type DraftStatus = z.infer<typeof DraftStatusSchema>;

const finiteSide = z.number().finite().nonnegative();
/** Width (x) × height (y) × depth (z), metres. */
export const BoxSizeSchema = z.object({ width: finiteSide, height: finiteSide, depth: finiteSide });

export const StudioOrientationSchema = z.object({
  xTurns: z.number().int().min(0).max(3),
  zTurns: z.number().int().min(0).max(3),
  yawDegrees: z.number().finite().min(-180).max(180),
});
export const IDENTITY_ORIENTATION = { xTurns: 0, zTurns: 0, yawDegrees: 0 } as const;

const BoundsSchema = z.object({ min: Vec3Schema, max: Vec3Schema });

/** A node of the imported model: `id` is its stable key in the draft GLB (`extras.studioId`), `name` the file's own. */
export interface StudioTreeNode {
  id: string;
  name: string;
  /** A proposed part id. */
  slug: string;
  meshCount: number;
  triangleCount: number;
  bounds: z.infer<typeof BoundsSchema>;
  children: StudioTreeNode[];
}
export const StudioTreeNodeSchema: z.ZodType<StudioTreeNode> = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  meshCount: z.number().int(),
  triangleCount: z.number().int(),
  bounds: BoundsSchema,
  get children() {
    return z.array(StudioTreeNodeSchema);
  },
}).meta({ id: 'StudioTreeNode' });

/** A node of the model made a part: with SKU, price and stock it can be ordered; without, it is shown but not sold. */
export const StudioPartSchema = strictObject({
  nodeId: z.string().min(1),
  partId: SlugSchema,
  name: LocalizedTextSchema,
  sku: SkuSchema.optional(),
  priceCents: CentsSchema.optional(),
  stock: z.number().int().nonnegative().max(1_000_000).optional(),
});
export type StudioPart = z.infer<typeof StudioPartSchema>;

/** A named point for alignment, on a part; `position` is in the draft model's own frame (as its GLB is served), metres. */
export const StudioLandmarkSchema = strictObject({ id: SlugSchema, name: LocalizedTextSchema, partId: SlugSchema, position: Vec3Schema });
export type StudioLandmark = z.infer<typeof StudioLandmarkSchema>;

/** What the catalog will show: chosen by the author, proposed from the file name at first. */
export const StudioProductDetailsSchema = strictObject({
  id: SlugSchema,
  sku: SkuSchema,
  name: LocalizedTextSchema,
  description: LocalizedTextSchema,
  productLine: ProductLineSchema,
  priceCents: CentsSchema,
});
export type StudioProductDetails = z.infer<typeof StudioProductDetailsSchema>;

export const StudioWarningSchema = z.object({ code: z.string(), message: z.string(), params: z.record(z.string(), z.union([z.string(), z.number()])) });
export type StudioWarning = z.infer<typeof StudioWarningSchema>;

export const StudioDraftSchema = z.object({
  id: DraftIdSchema,
  status: DraftStatusSchema,
  details: StudioProductDetailsSchema,
  /** The uploaded file names, for people to read. */
  sourceNames: z.array(z.string()),
  format: z.enum(['glb', 'gltf', 'step', 'obj', 'stl']),
  /** The unit the source was read in, and where that came from (the file, the format, or assumed). */
  units: z.object({ source: z.string(), from: z.string() }),
  /** The model as imported (Y up, metres), before orientation and correction. */
  measured: BoxSizeSchema,
  /** Uniform scale from the author's size correction; 1 when none. */
  scale: z.number().positive(),
  /** What the product will measure: `measured` turned by `orientation`, times `scale`. */
  dimensions: BoxSizeSchema,
  placement: PlacementSchema,
  orientation: StudioOrientationSchema,
  tree: StudioTreeNodeSchema,
  parts: z.array(StudioPartSchema),
  landmarks: z.array(StudioLandmarkSchema),
  /** Import warnings (validator, repairs, units) and the current size and landmark warnings, in words. */
  warnings: z.array(StudioWarningSchema),
  /** What still stops publishing; empty when it can be published. */
  publishProblems: z.array(z.object({ path: z.string(), message: z.string() })),
  modelUrl: z.string(),
  thumbnailUrl: z.string().nullable(),
  createdAt: z.number().int(),
  updatedAt: z.number().int(),
  publishedAt: z.number().int().nullable(),
});
export type StudioDraft = z.infer<typeof StudioDraftSchema>;

/** The warnings a draft's own edits raise: implausible size, landmarks the solver would refuse. */
export function editWarnings(draft: Pick<StudioDraft, 'dimensions' | 'landmarks'>): StudioWarning[] {
  const warnings: StudioWarning[] = [];
  const size = sizeWarning(draft.dimensions);
  if (size) {
    const { width, height, depth } = draft.dimensions;
    const cm = (metres: number) => Math.round(metres * 1000) / 10;
    warnings.push({
      code: 'implausible-size',
      message: `The product measures ${cm(width)} × ${cm(height)} × ${cm(depth)} cm (W × H × D), which is very ${size === 'too-large' ? 'large' : 'small'} for a product: check the unit and correct the size.`,
      params: { width, height, depth, min: STUDIO_PLAUSIBLE_SIZE_M.min, max: STUDIO_PLAUSIBLE_SIZE_M.max },
    });
  }
  if (draft.landmarks.length >= STUDIO_MIN_LANDMARKS) {
    const problem = landmarkSpreadProblem(draft.landmarks.map((landmark) => landmark.position));
    if (problem) warnings.push({ code: 'landmarks-collinear', message: problem, params: {} });
  }
  return warnings;
}

/** What stops a draft from being published, each with the field at fault. */
export function publishProblems(draft: Pick<StudioDraft, 'dimensions' | 'parts' | 'landmarks' | 'thumbnailUrl'>): ErrorIssue[] {
  const problems: ErrorIssue[] = [];
  if (!DimensionsSchema.safeParse(draft.dimensions).success) problems.push({ path: 'dimensions', message: `every side must be more than 0 and at most ${STUDIO_PLAUSIBLE_SIZE_M.max} m: correct the size` });
  if (draft.parts.length === 0) problems.push({ path: 'parts', message: 'make at least one node of the model a part' });
  const count = draft.landmarks.length;
  if (count < STUDIO_MIN_LANDMARKS || count > STUDIO_MAX_LANDMARKS) problems.push({ path: 'landmarks', message: `set ${STUDIO_MIN_LANDMARKS} to ${STUDIO_MAX_LANDMARKS} landmarks (now ${count})` });
  else {
    const spread = landmarkSpreadProblem(draft.landmarks.map((landmark) => landmark.position));
    if (spread) problems.push({ path: 'landmarks', message: spread });
  }
  const partIds = new Set(draft.parts.map((part) => part.partId));
  draft.landmarks.forEach((landmark, index) => {
    if (!partIds.has(landmark.partId)) problems.push({ path: `landmarks.${index}.partId`, message: `"${landmark.partId}" is not one of the parts` });
  });
  if (!draft.thumbnailUrl) problems.push({ path: 'thumbnail', message: 'capture a thumbnail from the 3D view' });
  return problems;
}

/** The draft's size once turned and corrected. */
export function draftDimensions(measured: z.infer<typeof BoxSizeSchema>, orientation: z.infer<typeof StudioOrientationSchema>, scale: number) {
  const turned = orientedSize(measured, orientation);
  const round = (value: number) => Math.round(value * scale * 1e6) / 1e6;
  return { width: round(turned.width), height: round(turned.height), depth: round(turned.depth) };
}

/** The scale that makes a draft measure `corrected` (in its turned frame), or null when that would stretch it. */
export function scaleFor(measured: z.infer<typeof BoxSizeSchema>, orientation: z.infer<typeof StudioOrientationSchema>, corrected: z.infer<typeof BoxSizeSchema>): number | null {
  return correctionScale(orientedSize(measured, orientation), corrected);
}

/** The SKU a part without one is listed under (shown on its part card, never in stock): `<product SKU>-<PART ID>`. */
export function unsoldPartSku(productSku: string, partId: string): string {
  return `${productSku}-${partId.toUpperCase()}`.slice(0, 32).replace(/-+$/, '');
}

function uniqueBy<T>(items: readonly T[], key: (item: T) => string, field: string, what: string, ctx: z.RefinementCtx, prefix: string): void {
  const seen = new Set<string>();
  items.forEach((item, index) => {
    const value = key(item);
    if (seen.has(value)) ctx.addIssue({ code: 'custom', path: [prefix, index, field], message: `${what} "${value}" is used twice` });
    seen.add(value);
  });
}

/** `PUT /api/studio/drafts/:id`: any of these; lists replace the whole list. `dimensions: null` drops the correction. */
export const DraftEditSchema = strictObject({
  details: StudioProductDetailsSchema.optional(),
  dimensions: BoxSizeSchema.nullable().optional(),
  placement: PlacementSchema.optional(),
  orientation: StudioOrientationSchema.optional(),
  parts: z.array(StudioPartSchema).max(500).optional(),
  landmarks: z.array(StudioLandmarkSchema).max(STUDIO_MAX_LANDMARKS, `at most ${STUDIO_MAX_LANDMARKS} landmarks`).optional(),
}).superRefine((edit, ctx) => {
  const parts = edit.parts ?? [];
  uniqueBy(parts, (part) => part.partId, 'partId', 'part id', ctx, 'parts');
  uniqueBy(parts, (part) => part.nodeId, 'nodeId', 'node', ctx, 'parts');
  uniqueBy(parts.filter((part) => part.sku), (part) => part.sku ?? '', 'sku', 'SKU', ctx, 'parts');
  uniqueBy(edit.landmarks ?? [], (landmark) => landmark.id, 'id', 'landmark id', ctx, 'landmarks');
});
export type DraftEdit = z.infer<typeof DraftEditSchema>;

export const SplitModeSchema = z.enum(['material', 'connected']);
/** `POST /api/studio/drafts/:id/split/preview` and `/split`: split a node's merged mesh into pieces that can be parts. */
export const SplitRequestSchema = strictObject({ nodeId: z.string().min(1), mode: SplitModeSchema });
export type SplitRequest = z.infer<typeof SplitRequestSchema>;

export const SplitPreviewSchema = z.object({
  nodeId: z.string(),
  mode: SplitModeSchema,
  /** The node as it would be after the split, its new pieces as children. */
  node: StudioTreeNodeSchema,
  /** The whole model split so, to show before applying. */
  modelUrl: z.string(),
});
export type SplitPreview = z.infer<typeof SplitPreviewSchema>;

export const DraftParamsSchema = z.object({ id: DraftIdSchema });
export const DraftResponseSchema = z.object({ draft: StudioDraftSchema });
export const DraftListSchema = z.object({
  drafts: z.array(StudioDraftSchema.pick({ id: true, status: true, details: true, sourceNames: true, thumbnailUrl: true, updatedAt: true, publishedAt: true })),
});
export const PublishResponseSchema = z.object({ draft: StudioDraftSchema, product: ProductDetailSchema });
export type PublishResponse = z.infer<typeof PublishResponseSchema>;

/**
 * The manifest inside an exported product zip (`product.json`, beside `model.glb` and `thumbnail.png`), with the latest
 * published version of each of the product's guides (archives from before guides travelled have none).
 */
export const PRODUCT_ARCHIVE_VERSION = 1;
export const ProductArchiveSchema = z.object({
  format: z.literal('xr-assist-product'),
  version: z.literal(PRODUCT_ARCHIVE_VERSION),
  details: StudioProductDetailsSchema,
  placement: PlacementSchema,
  parts: z.array(StudioPartSchema.omit({ nodeId: true })),
  landmarks: z.array(StudioLandmarkSchema),
  guides: z.array(GuideSchema).max(200).default([]),
});
export type ProductArchive = z.infer<typeof ProductArchiveSchema>;

/** The node of a draft's tree with this id, at any depth. */
export function findNode(tree: StudioTreeNode, id: string): StudioTreeNode | undefined {
  if (tree.id === id) return tree;
  for (const child of tree.children) {
    const found = findNode(child, id);
    if (found) return found;
  }
  return undefined;
}
