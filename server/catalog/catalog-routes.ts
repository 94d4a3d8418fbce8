// Catalog API: product list, product detail with parts and variants, part by SKU, and the admin's stock of a part.
import type { Kysely } from 'kysely';
import { ProductIdParamsSchema, ProductListSchema, SkuParamsSchema, PartDetailSchema, PartListSchema, ProductDetailSchema, SetStockBodySchema } from '../../core/catalog.ts';
import { AppError } from '../../core/errors.ts';
import type { Database } from '../db/schema.ts';
import type { RouteTable } from '../http/define-route.ts';
import { getPart, getProduct, listParts, listProducts } from './catalog-repository.ts';
import { setStock } from './stock-repository.ts';

export function registerCatalogRoutes(routes: RouteTable, db: Kysely<Database>): void {
  routes.define({ method: 'GET', path: '/api/products', operationId: 'listProducts', tag: 'catalog', summary: 'List the products of the catalog', response: ProductListSchema }, async () => ({
    products: await listProducts(db),
  }));

  routes.define(
    { method: 'GET', path: '/api/products/:id', operationId: 'getProduct', tag: 'catalog', summary: 'A product with its parts, variants and alignment landmarks', params: ProductIdParamsSchema, response: ProductDetailSchema, errors: [400, 404] },
    async ({ params }) => {
      const product = await getProduct(db, params.id);
      if (!product) throw new AppError('not_found', `There is no product "${params.id}".`);
      return product;
    },
  );

  routes.define(
    { method: 'GET', path: '/api/parts', operationId: 'listParts', tag: 'catalog', summary: 'Every part with its SKU, price, stock and the products it fits (admin)', response: PartListSchema, roles: ['admin'] },
    async () => ({ parts: await listParts(db) }),
  );

  routes.define(
    { method: 'GET', path: '/api/parts/:sku', operationId: 'getPart', tag: 'catalog', summary: 'A part by SKU: price, stock and the products it fits', params: SkuParamsSchema, response: PartDetailSchema, errors: [400, 404] },
    async ({ params }) => {
      const part = await getPart(db, params.sku);
      if (!part) throw new AppError('not_found', `There is no part with SKU "${params.sku}".`);
      return part;
    },
  );

  routes.define(
    { method: 'PATCH', path: '/api/parts/:sku', operationId: 'setPartStock', tag: 'catalog', summary: 'Set the stock of a part (admin)', params: SkuParamsSchema, body: SetStockBodySchema, response: PartDetailSchema, roles: ['admin'], errors: [400, 404] },
    async ({ params, body }) => setStock(db, params.sku, body.stock),
  );
}
