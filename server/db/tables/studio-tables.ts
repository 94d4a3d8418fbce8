// Tables of Studio: drafts of imported products. Their model files live under the data folder, named by draft id.

export interface StudioDraftsTable {
  id: string;
  status: string;
  /** The catalog product a published draft became; null until published. */
  product_id: string | null;
  /** JSON of what the author edits: details, scale, placement, orientation, parts, landmarks, thumbnail. */
  data: string;
  created_by: string;
  created_at: number;
  updated_at: number;
  published_at: number | null;
}

export interface StudioTables {
  studio_drafts: StudioDraftsTable;
}
