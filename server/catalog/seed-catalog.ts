// Seeds the catalog from the shipped manifests: products, one orderable SKU per variant, parts. Safe to run on every start.
import type { Kysely } from 'kysely';
import type { ProductManifest } from '../../core/catalog.ts';
import { variantSku } from '../../core/product-sku.ts';
import type { Database } from '../db/schema.ts';

/** Units of each product variant in stock when first seeded. */
const PRODUCT_STOCK = 25;

/** Inserts products (one orderable SKU per variant) and parts that are not there yet; existing rows (and their stock) are left alone. */
export async function seedCatalog(db: Kysely<Database>, manifests: ProductManifest[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (const manifest of manifests) {
      const { parts, ...product } = manifest;
      const now = Date.now();
      await trx
        .insertInto('products')
        .values({ id: product.id, sku: product.sku, data: JSON.stringify(product), price_cents: product.priceCents, product_line: product.productLine, created_at: now })
        .onConflict((oc) => oc.column('id').doNothing())
        .execute();
      for (const variant of product.variants) {
        await trx
          .insertInto('parts')
          .values({
            sku: variantSku(product.sku, variant.id),
            part_id: product.id,
            name: JSON.stringify({ en: `${product.name.en} (${variant.name.en})`, es: `${product.name.es} (${variant.name.es})` }),
            price_cents: product.priceCents,
            stock: PRODUCT_STOCK,
            consumable: 0,
            updated_at: now,
          })
          .onConflict((oc) => oc.column('sku').doNothing())
          .execute();
      }
      for (const [position, part] of parts.entries()) {
        await trx
          .insertInto('parts')
          .values({ sku: part.sku, part_id: part.id, name: JSON.stringify(part.name), price_cents: part.priceCents, stock: part.stock, consumable: part.consumable ? 1 : 0, updated_at: now })
          .onConflict((oc) => oc.column('sku').doNothing())
          .execute();
        await trx
          .insertInto('product_parts')
          .values({ product_id: product.id, sku: part.sku, position })
          .onConflict((oc) => oc.columns(['product_id', 'sku']).doNothing())
          .execute();
      }
    }
  });
}
