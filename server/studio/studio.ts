// Wires Studio: drafts from uploads, publishing into the catalog, product archives, the guide editor, and their routes
// (admin and author).
import type { ProductParts } from '../catalog/product-parts.ts';
import type { RouteTable } from '../http/define-route.ts';
import type { AppContext } from '../platform/context.ts';
import { createGuideDrafts } from './guides/guide-drafts.ts';
import { registerGuideEditorRoutes } from './guides/guide-editor-routes.ts';
import { closeImportWorker } from './import/index.ts';
import { createStudioArchive } from './studio-archive.ts';
import { createPublisher } from './studio-publish.ts';
import { registerStudioRoutes } from './studio-routes.ts';
import { createStudioService } from './studio-service.ts';

export interface Studio {
  /** Ends the import worker. */
  close(): Promise<void>;
}

export function createStudio(ctx: AppContext, { routes, parts }: { routes: RouteTable; parts: ProductParts }): Studio {
  const service = createStudioService(ctx);
  const publisher = createPublisher(ctx, service, parts);
  const publish = (id: string) => service.oneAtATime(id, () => publisher(id));
  const archive = createStudioArchive(service, publish, service.maxBytes);
  registerStudioRoutes(routes, service, publish, archive);
  registerGuideEditorRoutes(routes, createGuideDrafts(ctx));
  return { close: closeImportWorker };
}
