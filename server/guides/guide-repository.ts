// Stored guide versions: insert a new version (never overwrite), read the latest or a given one, list per product.
import type { Kysely } from 'kysely';
import type { Guide } from '../../core/guide.ts';
import type { GuideStatus, GuideSummary } from '../../core/guide-version.ts';
import type { Database, GuidesTable } from '../db/schema.ts';
import { isUniqueViolation } from '../db/unique-violation.ts';

type Db = Kysely<Database>;

export interface StoredGuide {
  guide: Guide;
  version: number;
  status: GuideStatus;
  createdAt: number;
}

export function toStoredGuide(row: GuidesTable): StoredGuide {
  return { guide: JSON.parse(row.data) as Guide, version: Number(row.version), status: row.status as GuideStatus, createdAt: Number(row.created_at) };
}

export function toGuideSummary({ guide, version, status, createdAt }: StoredGuide): GuideSummary {
  const { id, productId, title, summary, estimatedMinutes, languages } = guide;
  return { id, productId, version, status, title, summary, estimatedMinutes, languages, createdAt };
}

/** The product an existing guide id belongs to (any version), or null for a new guide id. */
export async function productOfGuide(db: Db, guideId: string): Promise<string | null> {
  const row = await db.selectFrom('guides').select('product_id').where('id', '=', guideId).orderBy('version', 'desc').executeTakeFirst();
  return row?.product_id ?? null;
}

export async function hasGuide(db: Db, guideId: string): Promise<boolean> {
  return (await productOfGuide(db, guideId)) !== null;
}

/** Stores `guide` as the next version of its id; a concurrent insert of the same version is retried with the next one. */
export async function insertGuideVersion(db: Db, guide: Guide, status: GuideStatus, createdBy: string | null, attempts = 5): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const latest = await db.selectFrom('guides').select((eb) => eb.fn.max('version').as('version')).where('id', '=', guide.id).executeTakeFirst();
    const version = Number(latest?.version ?? 0) + 1;
    try {
      await db
        .insertInto('guides')
        .values({ id: guide.id, version, product_id: guide.productId, status, data: JSON.stringify(guide), created_by: createdBy, created_at: Date.now() })
        .execute();
      return version;
    } catch (error) {
      if (!isUniqueViolation(error) || attempt >= attempts) throw error;
    }
  }
}

/** Stores `guide` as version 1 unless its id has that version already (seeding, safe when nodes start together). */
export async function insertFirstVersion(db: Db, guide: Guide): Promise<boolean> {
  const result = await db
    .insertInto('guides')
    .values({ id: guide.id, version: 1, product_id: guide.productId, status: 'published', data: JSON.stringify(guide), created_by: null, created_at: Date.now() })
    .onConflict((oc) => oc.columns(['id', 'version']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** A given version, or the latest published one (the latest of any status when `includeDrafts`). */
export async function findGuide(db: Db, guideId: string, options: { version?: number | undefined; includeDrafts?: boolean } = {}): Promise<StoredGuide | null> {
  let query = db.selectFrom('guides').selectAll().where('id', '=', guideId);
  if (options.version !== undefined) query = query.where('version', '=', options.version);
  else if (!options.includeDrafts) query = query.where('status', '=', 'published');
  const row = await query.orderBy('version', 'desc').executeTakeFirst();
  return row ? toStoredGuide(row) : null;
}

/** The latest version with `status` of each guide id, optionally of one product, ordered by id. */
export async function listLatestGuides(db: Db, status: GuideStatus, productId?: string): Promise<StoredGuide[]> {
  let latest = db.selectFrom('guides').select(['id', (eb) => eb.fn.max('version').as('version')]).where('status', '=', status).groupBy('id');
  if (productId !== undefined) latest = latest.where('product_id', '=', productId);
  const rows = await db
    .selectFrom('guides')
    .innerJoin(latest.as('latest'), (join) => join.onRef('latest.id', '=', 'guides.id').onRef('latest.version', '=', 'guides.version'))
    .selectAll('guides')
    .orderBy('guides.id')
    .execute();
  return rows.map(toStoredGuide);
}
