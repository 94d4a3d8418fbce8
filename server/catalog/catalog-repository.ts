// Reads the catalog from the store and shapes it as the API's ProductSummary / ProductDetail / PartDetail.
import type { Kysely } from 'kysely';
import type { PartDetail, ProductDetail, ProductManifest, ProductSummary } from '../../core/catalog.ts';
import type { LocalizedText } from '../../core/i18n.ts';
import type { Database, PartsTable, ProductsTable } from '../db/schema.ts';
import { importedModelUrl, importedThumbnailUrl, type ImportedMark } from './imported-products.ts';

type StoredProduct = Omit<ProductManifest, 'parts'> & Partial<ImportedMark>;

export function modelUrl(productId: string): string {
  return `/assets/models/${productId}.glb`;
}

export function thumbnailUrl(productId: string): string {
  return `/assets/thumbnails/${productId}.webp`;
}

function toSummary(row: ProductsTable): ProductSummary {
  const data = JSON.parse(row.data) as StoredProduct;
  return {
    id: row.id,
    sku: row.sku,
    name: data.name,
    description: data.description,
    productLine: data.productLine,
    placement: data.placement,
    dimensions: data.dimensions,
    priceCents: row.price_cents,
    currency: 'EUR',
    modelUrl: data.imported ? importedModelUrl(row.id, data.imported.version) : modelUrl(row.id),
    thumbnailUrl: data.imported ? importedThumbnailUrl(row.id, data.imported.version) : thumbnailUrl(row.id),
    variants: data.variants,
  };
}

function toPartDetail(row: PartsTable, productIds: string[]): PartDetail {
  return {
    id: row.part_id,
    sku: row.sku,
    name: JSON.parse(row.name) as LocalizedText,
    priceCents: row.price_cents,
    stock: row.stock,
    consumable: row.consumable === 1,
    productIds,
    currency: 'EUR',
  };
}

export async function listProducts(db: Kysely<Database>): Promise<ProductSummary[]> {
  const rows = await db.selectFrom('products').selectAll().orderBy('created_at').orderBy('id').execute();
  return rows.map(toSummary);
}

/** The parts rows of one product. */
const partsOf = (db: Kysely<Database>, productId: string) =>
  db.selectFrom('product_parts').innerJoin('parts', 'parts.sku', 'product_parts.sku').where('product_parts.product_id', '=', productId);

export async function getProduct(db: Kysely<Database>, id: string): Promise<ProductDetail | null> {
  const row = await db.selectFrom('products').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return null;
  const parts = await partsOf(db, id).selectAll('parts').orderBy('product_parts.position').execute();
  const compat = await productIdsBySku(db, parts.map((part) => part.sku));
  const data = JSON.parse(row.data) as StoredProduct;
  return {
    ...toSummary(row),
    parts: parts.map((part) => toPartDetail(part, compat.get(part.sku) ?? [])),
    landmarks: data.landmarks,
  };
}

/** Part ids of a product from the catalog; null when the product does not exist. */
export async function partIdsOfProduct(db: Kysely<Database>, productId: string): Promise<Set<string> | null> {
  const product = await db.selectFrom('products').select('id').where('id', '=', productId).executeTakeFirst();
  if (!product) return null;
  const rows = await partsOf(db, productId).select('parts.part_id').execute();
  return new Set(rows.map((row) => row.part_id));
}

export async function getPart(db: Kysely<Database>, sku: string): Promise<PartDetail | null> {
  const row = await db.selectFrom('parts').selectAll().where('sku', '=', sku).executeTakeFirst();
  if (!row) return null;
  const compat = await productIdsBySku(db, [sku]);
  return toPartDetail(row, compat.get(sku) ?? []);
}

/** Every orderable part, by SKU, with the products it fits (the back office's stock list). */
export async function listParts(db: Kysely<Database>): Promise<PartDetail[]> {
  const rows = await db.selectFrom('parts').selectAll().orderBy('sku').execute();
  const compat = await productIdsBySku(db, rows.map((row) => row.sku));
  return rows.map((row) => toPartDetail(row, compat.get(row.sku) ?? []));
}

async function productIdsBySku(db: Kysely<Database>, skus: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>();
  if (skus.length === 0) return map;
  const rows = await db.selectFrom('product_parts').select(['sku', 'product_id']).where('sku', 'in', skus).orderBy('product_id').execute();
  for (const row of rows) map.set(row.sku, [...(map.get(row.sku) ?? []), row.product_id]);
  return map;
}
