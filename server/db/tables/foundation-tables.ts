// Tables of the foundation: users, catalog and meta. JSON is stored as text, times as epoch milliseconds.

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  role: string;
  password_hash: string;
  /** JSON array of language codes. */
  languages: string;
  /** JSON array of product lines. */
  skills: string;
  created_at: number;
}

export interface ProductsTable {
  id: string;
  sku: string;
  /** JSON ProductManifest without parts. */
  data: string;
  price_cents: number;
  product_line: string;
  created_at: number;
}

export interface PartsTable {
  sku: string;
  part_id: string;
  /** JSON LocalizedText. */
  name: string;
  price_cents: number;
  stock: number;
  consumable: number;
  updated_at: number;
}

export interface ProductPartsTable {
  product_id: string;
  sku: string;
  position: number;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface FoundationTables {
  users: UsersTable;
  products: ProductsTable;
  parts: PartsTable;
  product_parts: ProductPartsTable;
  meta: MetaTable;
}

