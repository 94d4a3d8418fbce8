// Alignments of the twin onto installed units: checked against the product's landmarks, one per asset id, upserted.
import type { Kysely } from 'kysely';
import { ALIGNMENT_MAX_RMS_METRES, ALIGNMENT_MIN_POINTS } from '../../core/alignment.ts';
import type { User } from '../../core/auth.ts';
import { AppError } from '../../core/errors.ts';
import type { ErrorIssue } from '../../core/ack.ts';
import type { AlignmentInput, AssetAlignment } from '../../core/asset-alignment.ts';
import type { RigidTransform } from '../../core/geometry.ts';
import type { AssetAlignmentsTable, Database } from '../db/schema.ts';

type Db = Kysely<Database>;

const UNIT_QUATERNION_TOLERANCE = 1e-3;

function toAlignment(row: AssetAlignmentsTable): AssetAlignment {
  return {
    assetId: row.asset_id,
    productId: row.product_id,
    transform: JSON.parse(row.transform) as RigidTransform,
    rmsError: Number(row.rms_error),
    landmarkIds: JSON.parse(row.landmark_ids) as string[],
    savedBy: row.saved_by,
    savedAt: Number(row.saved_at),
  };
}

async function landmarkIdsOf(db: Db, productId: string): Promise<Set<string> | null> {
  const row = await db.selectFrom('products').select('data').where('id', '=', productId).executeTakeFirst();
  if (!row) return null;
  const { landmarks } = JSON.parse(row.data) as { landmarks?: Array<{ id: string }> };
  return new Set((landmarks ?? []).map((landmark) => landmark.id));
}

function fitIssues(input: AlignmentInput, known: ReadonlySet<string>): ErrorIssue[] {
  const issues: ErrorIssue[] = [];
  const length = Math.hypot(...input.transform.quaternion);
  if (Math.abs(length - 1) > UNIT_QUATERNION_TOLERANCE) issues.push({ path: 'transform.quaternion', message: `must be a unit quaternion (its length is ${length.toFixed(4)})` });
  if (input.rmsError > ALIGNMENT_MAX_RMS_METRES) {
    issues.push({ path: 'rmsError', message: `${(input.rmsError * 100).toFixed(1)} cm is above the ${ALIGNMENT_MAX_RMS_METRES * 100} cm limit: redo the alignment` });
  }
  const seen = new Set<string>();
  input.landmarkIds.forEach((id, index) => {
    if (!known.has(id)) issues.push({ path: `landmarkIds.${index}`, message: `"${id}" is not a landmark of ${input.productId}` });
    else if (seen.has(id)) issues.push({ path: `landmarkIds.${index}`, message: `"${id}" is listed twice` });
    seen.add(id);
  });
  if (seen.size < ALIGNMENT_MIN_POINTS) issues.push({ path: 'landmarkIds', message: `needs at least ${ALIGNMENT_MIN_POINTS} different landmarks` });
  return issues;
}

/** The saved alignment of an asset, or null when it was never aligned. */
export async function findAlignment(db: Db, assetId: string): Promise<AssetAlignment | null> {
  const row = await db.selectFrom('asset_alignments').selectAll().where('asset_id', '=', assetId).executeTakeFirst();
  return row ? toAlignment(row) : null;
}

/** Saves (or replaces) the alignment of an asset; an asset keeps the product it was first aligned with. */
export async function saveAlignment(db: Db, user: User, assetId: string, input: AlignmentInput): Promise<AssetAlignment> {
  if (user.role !== 'technician' && user.role !== 'admin') throw new AppError('forbidden', 'Only technicians and admins save the alignment of an installed unit.');
  const landmarks = await landmarkIdsOf(db, input.productId);
  if (!landmarks) throw new AppError('not_found', `There is no product "${input.productId}".`);
  const issues = fitIssues(input, landmarks);
  if (issues.length > 0) throw new AppError('bad_request', `The alignment cannot be saved — ${issues.map((issue) => `${issue.path}: ${issue.message}`).join('; ')}`, issues);

  const row: AssetAlignmentsTable = {
    asset_id: assetId,
    product_id: input.productId,
    transform: JSON.stringify({ position: input.transform.position, quaternion: input.transform.quaternion }),
    rms_error: input.rmsError,
    landmark_ids: JSON.stringify(input.landmarkIds),
    saved_by: user.id,
    saved_at: Date.now(),
  };
  const { asset_id: _assetId, product_id: _productId, ...update } = row;
  const saved = await db
    .insertInto('asset_alignments')
    .values(row)
    .onConflict((oc) => oc.column('asset_id').doUpdateSet(update).where('asset_alignments.product_id', '=', input.productId))
    .returningAll()
    .executeTakeFirst();
  if (!saved) {
    const existing = await findAlignment(db, assetId);
    const product = existing?.productId ?? 'another product';
    throw new AppError('conflict', `Asset "${assetId}" is a ${product}, not a ${input.productId}.`, [{ path: 'productId', message: `must be "${product}" for this asset` }]);
  }
  return toAlignment(saved);
}
