// Public catalog API: product list, product detail with parts and variants, part by SKU.
import type { FastifyInstance } from 'fastify';
import { ProductIdParamsSchema, ProductListSchema, SkuParamsSchema, PartDetailSchema, ProductDetailSchema } from '../../../core/catalog.ts';
import { AppError } from '../../../core/errors.ts';
import type { AppContext } from '../../context.ts';
import { getPart, getProduct, listProducts } from '../../catalog/catalog-repository.ts';
import { defineRoute, type RouteRegistry } from '../define-route.ts';

export function registerCatalogRoutes(app: FastifyInstance, ctx: AppContext, registry: RouteRegistry): void {
  const db = ctx.store.db;
  defineRoute(app, ctx, registry, { method: 'GET', path: '/api/products', tag: 'catalog', summary: 'List the products of the catalog', response: ProductListSchema }, async () => ({
    products: await listProducts(db),
  }));

  defineRoute(
    app,
    ctx,
    registry,
    { method: 'GET', path: '/api/products/:id', tag: 'catalog', summary: 'A product with its parts, variants and alignment landmarks', params: ProductIdParamsSchema, response: ProductDetailSchema, errors: [400, 404] },
    async ({ params }) => {
      const product = await getProduct(db, params.id);
      if (!product) throw new AppError('not_found', `There is no product "${params.id}".`);
      return product;
    },
  );

  defineRoute(
    app,
    ctx,
    registry,
    { method: 'GET', path: '/api/parts/:sku', tag: 'catalog', summary: 'A part by SKU: price, stock and the products it fits', params: SkuParamsSchema, response: PartDetailSchema, errors: [400, 404] },
    async ({ params }) => {
      const part = await getPart(db, params.sku);
      if (!part) throw new AppError('not_found', `There is no part with SKU "${params.sku}".`);
      return part;
    },
  );
}
