// Seeds the catalog from the shipped manifests and, in demo mode, the demo users. Safe to run on every start.
import type { Kysely } from 'kysely';
import type { ProductManifest } from '../../core/catalog.ts';
import type { Database } from './schema.ts';
import { variantSku } from '../../core/product-sku.ts';
import { createUser, type NewUser } from '../auth/users.ts';

export const DEMO_PASSWORD = 'demo';

export const DEMO_USERS: ReadonlyArray<Omit<NewUser, 'password'>> = [
  { email: 'customer@demo.local', name: 'Carmen Customer', role: 'customer', languages: ['es', 'en'], skills: [] },
  { email: 'tech@demo.local', name: 'Tomás Technician', role: 'technician', languages: ['en', 'es'], skills: [] },
  { email: 'agent@demo.local', name: 'Alex Agent', role: 'agent', languages: ['en', 'es'], skills: ['automotive', 'coffee', 'heating'] },
  { email: 'agent.es@demo.local', name: 'Ana Agente', role: 'agent', languages: ['es'], skills: ['automotive', 'coffee', 'heating'] },
  { email: 'admin@demo.local', name: 'Ada Admin', role: 'admin', languages: ['en', 'es'], skills: [] },
];

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

export async function seedDemoUsers(db: Kysely<Database>): Promise<void> {
  for (const user of DEMO_USERS) {
    const exists = await db.selectFrom('users').select('id').where('email', '=', user.email).executeTakeFirst();
    if (!exists) await createUser(db, { ...user, password: DEMO_PASSWORD });
  }
}
