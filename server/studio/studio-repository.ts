// Studio drafts in the store: what the author has edited, the draft's status and the product it was published as.
import type { Kysely, Transaction } from 'kysely';
import type { Placement } from '../../core/catalog.ts';
import type { DraftStatus, StudioLandmark, StudioOrientation, StudioPart, StudioProductDetails } from '../../core/studio.ts';
import type { Database, StudioDraftsTable } from '../db/schema.ts';
import type { Write } from '../db/group-commit.ts';

/** What the author edits, kept as one JSON column. */
export interface DraftState {
  details: StudioProductDetails;
  scale: number;
  placement: Placement;
  orientation: StudioOrientation;
  parts: StudioPart[];
  landmarks: StudioLandmark[];
  hasThumbnail: boolean;
}

export interface DraftRow {
  id: string;
  status: DraftStatus;
  productId: string | null;
  state: DraftState;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
  publishedAt: number | null;
}

function toRow(row: StudioDraftsTable): DraftRow {
  return {
    id: row.id,
    status: row.status as DraftStatus,
    productId: row.product_id,
    state: JSON.parse(row.data) as DraftState,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
  };
}

/** Marks a draft published as `productId`, in the transaction that writes the product. */
export async function markPublished(trx: Transaction<Database>, id: string, productId: string, now: number): Promise<void> {
  await trx.updateTable('studio_drafts').set({ status: 'published', product_id: productId, published_at: now, updated_at: now }).where('id', '=', id).execute();
}

export function createStudioRepository(db: Kysely<Database>, write: Write) {
  return {
    async insert(draft: DraftRow): Promise<void> {
      await write((trx) =>
        trx
          .insertInto('studio_drafts')
          .values({
            id: draft.id,
            status: draft.status,
            product_id: draft.productId,
            data: JSON.stringify(draft.state),
            created_by: draft.createdBy,
            created_at: draft.createdAt,
            updated_at: draft.updatedAt,
            published_at: draft.publishedAt,
          })
          .execute(),
      );
    },

    async find(id: string): Promise<DraftRow | null> {
      const row = await db.selectFrom('studio_drafts').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRow(row) : null;
    },

    async findByProduct(productId: string): Promise<DraftRow | null> {
      const row = await db.selectFrom('studio_drafts').selectAll().where('product_id', '=', productId).executeTakeFirst();
      return row ? toRow(row) : null;
    },

    async list(): Promise<DraftRow[]> {
      const rows = await db.selectFrom('studio_drafts').selectAll().orderBy('updated_at', 'desc').orderBy('id').execute();
      return rows.map(toRow);
    },

    async saveState(id: string, state: DraftState, now: number): Promise<void> {
      await write((trx) => trx.updateTable('studio_drafts').set({ data: JSON.stringify(state), updated_at: now }).where('id', '=', id).execute());
    },

    async remove(id: string): Promise<void> {
      await write((trx) => trx.deleteFrom('studio_drafts').where('id', '=', id).execute());
    },
  };
}

export type StudioRepository = ReturnType<typeof createStudioRepository>;
