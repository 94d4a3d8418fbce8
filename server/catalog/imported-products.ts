// Products imported in Studio, written into the catalog in the caller's transaction; their files live in the data folder.
import type { Transaction } from 'kysely';
import type { Part, ProductManifest } from '../../core/catalog.ts';
import { AppError } from '../../core/errors.ts';
import { variantSku } from '../../core/product-sku.ts';
import type { Database } from '../db/schema.ts';

/** Where an imported product's files are served from: `<dataDir>/studio/products/<id>/{model.glb,thumbnail.png}`. */
export const IMPORTED_ASSETS_PREFIX = '/assets/imported/';

/**
 * What is stored beside the manifest of an imported product: which version of its files the URLs name, and the stock
 * each part's SKU was last published with (so a republish can tell the author's new count from an unchanged one).
 */
export interface ImportedMark {
  imported: { version: number; publishedStock?: Record<string, number> };
}

export function importedModelUrl(productId: string, version: number): string {
  return `${IMPORTED_ASSETS_PREFIX}${productId}/model.glb?v=${version}`;
}

export function importedThumbnailUrl(productId: string, version: number): string {
  return `${IMPORTED_ASSETS_PREFIX}${productId}/thumbnail.png?v=${version}`;
}

/**
 * Refuses SKUs that are another product's parts or variants (publishing never changes another product's price or
 * stock). A SKU no product lists any more (a part dropped from a product) may be used again.
 */
async function checkSkusFree(trx: Transaction<Database>, productId: string, skus: string[]): Promise<void> {
  if (skus.length === 0) return;
  const linked = await trx.selectFrom('product_parts').select('sku').where('sku', 'in', skus).where('product_id', '!=', productId).executeTakeFirst();
  const variant = await trx
    .selectFrom('parts')
    .innerJoin('products', 'products.id', 'parts.part_id')
    .select('parts.sku')
    .where('parts.sku', 'in', skus)
    .where('products.id', '!=', productId)
    .executeTakeFirst();
  const taken = linked?.sku ?? variant?.sku;
  if (taken) throw new AppError('conflict', `The SKU ${taken} already belongs to another product: choose another SKU.`, [{ path: 'parts', message: `SKU ${taken} is taken` }]);
}

/** The stock each SKU was last published with, read from the product's stored mark. */
async function previouslyPublishedStock(trx: Transaction<Database>, productId: string): Promise<Record<string, number>> {
  const row = await trx.selectFrom('products').select('data').where('id', '=', productId).executeTakeFirst();
  if (!row) return {};
  return (JSON.parse(row.data) as Partial<ImportedMark>).imported?.publishedStock ?? {};
}

/**
 * Inserts or replaces an imported product with its parts. Parts keep their rows (and orders referring to them) when
 * republished; parts no longer listed are unlinked from the product. The product itself is listed with stock 0.
 * Stock is live once published (orders take from it): a republish writes a part's stock only when the author changed
 * the count since the last publish, or the part is new.
 */
export async function saveImportedProduct(trx: Transaction<Database>, manifest: Omit<ProductManifest, 'parts'> & ImportedMark, parts: Part[]): Promise<void> {
  const now = Date.now();
  const published = await previouslyPublishedStock(trx, manifest.id);
  const mark: ImportedMark = { imported: { ...manifest.imported, publishedStock: Object.fromEntries(parts.map((part) => [part.sku, part.stock])) } };
  const existing = await trx.selectFrom('products').select('id').where('sku', '=', manifest.sku).where('id', '!=', manifest.id).executeTakeFirst();
  if (existing) throw new AppError('conflict', `The product SKU ${manifest.sku} is already used by "${existing.id}": choose another SKU.`, [{ path: 'details.sku', message: 'taken' }]);
  await checkSkusFree(trx, manifest.id, parts.map((part) => part.sku));
  const row = { sku: manifest.sku, data: JSON.stringify({ ...manifest, ...mark }), price_cents: manifest.priceCents, product_line: manifest.productLine };
  await trx.insertInto('products').values({ id: manifest.id, ...row, created_at: now }).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute();
  for (const variant of manifest.variants) {
    const name = JSON.stringify({ en: `${manifest.name.en} (${variant.name.en})`, es: `${manifest.name.es} (${variant.name.es})` });
    await trx
      .insertInto('parts')
      .values({ sku: variantSku(manifest.sku, variant.id), part_id: manifest.id, name, price_cents: manifest.priceCents, stock: 0, consumable: 0, updated_at: now })
      .onConflict((oc) => oc.column('sku').doUpdateSet({ name, price_cents: manifest.priceCents, updated_at: now }))
      .execute();
  }
  await trx.deleteFrom('product_parts').where('product_id', '=', manifest.id).execute();
  for (const [position, part] of parts.entries()) {
    const values = { part_id: part.id, name: JSON.stringify(part.name), price_cents: part.priceCents, consumable: part.consumable ? 1 : 0, updated_at: now };
    const recount = published[part.sku] !== part.stock ? { stock: part.stock } : {};
    await trx.insertInto('parts').values({ sku: part.sku, ...values, stock: part.stock }).onConflict((oc) => oc.column('sku').doUpdateSet({ ...values, ...recount })).execute();
    await trx.insertInto('product_parts').values({ product_id: manifest.id, sku: part.sku, position }).execute();
  }
}
