// Guide drafts in the store: read one with its last author's name, create one, save one only on the revision it was made on.
import type { Kysely, Transaction } from 'kysely';
import type { Database, GuideDraftsTable } from '../../db/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredDraft {
  guideId: string;
  productId: string;
  data: Record<string, unknown>;
  revision: number;
  basedOnVersion: number | null;
  updatedBy: { id: string; name: string } | null;
  updatedAt: number;
}

export async function findDraft(db: Db, guideId: string): Promise<StoredDraft | null> {
  const row = await db
    .selectFrom('guide_drafts')
    .leftJoin('users', 'users.id', 'guide_drafts.updated_by')
    .selectAll('guide_drafts')
    .select('users.name as updated_by_name')
    .where('guide_drafts.guide_id', '=', guideId)
    .executeTakeFirst();
  if (!row) return null;
  return {
    guideId: row.guide_id,
    productId: row.product_id,
    data: JSON.parse(row.data) as Record<string, unknown>,
    revision: Number(row.revision),
    basedOnVersion: row.based_on_version === null ? null : Number(row.based_on_version),
    updatedBy: row.updated_by ? { id: row.updated_by, name: row.updated_by_name ?? row.updated_by } : null,
    updatedAt: Number(row.updated_at),
  };
}

export async function draftsOfProduct(db: Db, productId: string): Promise<StoredDraft[]> {
  const rows = await db.selectFrom('guide_drafts').select('guide_id').where('product_id', '=', productId).orderBy('guide_id').execute();
  const drafts = await Promise.all(rows.map((row) => findDraft(db, row.guide_id)));
  return drafts.filter((draft): draft is StoredDraft => draft !== null);
}

/** Inserts a draft unless the guide has one already (two authors opening it at once get the same one); true when inserted. */
export async function insertDraft(db: Db, row: GuideDraftsTable): Promise<boolean> {
  const result = await db.insertInto('guide_drafts').values(row).onConflict((oc) => oc.column('guide_id').doNothing()).executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Saves over revision `revision` only; false when someone saved in between. */
export async function saveDraftOn(db: Db, guideId: string, revision: number, fields: Pick<GuideDraftsTable, 'data' | 'updated_by' | 'updated_at'> & Partial<Pick<GuideDraftsTable, 'based_on_version'>>): Promise<boolean> {
  const result = await db
    .updateTable('guide_drafts')
    .set({ ...fields, revision: revision + 1 })
    .where('guide_id', '=', guideId)
    .where('revision', '=', revision)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
