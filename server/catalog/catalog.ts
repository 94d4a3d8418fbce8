// Wires the catalog: seeding from the shipped manifests, part checks for live sessions, and the catalog routes.
import type { RouteTable } from '../http/define-route.ts';
import type { AppContext } from '../platform/context.ts';
import { registerCatalogRoutes } from './catalog-routes.ts';
import { loadManifests } from './load-manifests.ts';
import { createProductParts, type ProductParts } from './product-parts.ts';
import { seedCatalog } from './seed-catalog.ts';

export interface Catalog {
  parts: ProductParts;
  /** Inserts the shipped products and parts that are not stored yet; guides are seeded after it. */
  seed(): Promise<void>;
}

export function createCatalog(ctx: AppContext, { routes }: { routes: RouteTable }): Catalog {
  registerCatalogRoutes(routes, ctx.store.db);
  return {
    parts: createProductParts(ctx.store.db),
    seed: async () => seedCatalog(ctx.store.db, await loadManifests(ctx.config.assetsDir)),
  };
}
