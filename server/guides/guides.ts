// Wires guides: seeding, the guide and alignment routes, and the progress and alignment socket handlers.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import type { RouteRegistry } from '../http/define-route.ts';
import { registerGuideRoutes } from '../http/routes/guide-routes.ts';
import type { SocketFeature } from '../realtime/realtime.ts';
import type { SessionHub } from '../sessions/session-hub.ts';
import { createAlignmentFeature } from './alignment-feature.ts';
import { createGuideProgressService, type GuideProgressService } from './guide-progress.ts';
import { createGuideProgressFeature } from './progress-feature.ts';
import { seedGuides } from './seed-guides.ts';

export interface Guides {
  progress: GuideProgressService;
  /** Inserts the shipped guides that are not stored yet; run after the catalog is seeded. */
  seed(): Promise<void>;
  registerRoutes(app: FastifyInstance, registry: RouteRegistry): void;
  socketFeature: SocketFeature;
}

/** `sessions` is the assist session hub: progress is pushed to its rooms. */
export function createGuides(ctx: AppContext, sessions: SessionHub): Guides {
  const progress = createGuideProgressService(ctx.store.db);
  const features = [createGuideProgressFeature(ctx, progress, sessions), createAlignmentFeature(ctx)];
  return {
    progress,
    seed: () => seedGuides(ctx.store.db, ctx.config.assetsDir, ctx.log),
    registerRoutes: (app, registry) => registerGuideRoutes(app, ctx, registry),
    socketFeature: (socket) => {
      for (const feature of features) feature(socket);
    },
  };
}
