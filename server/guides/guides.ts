// Wires guides: seeding, the guide and alignment routes, and the progress and alignment socket events.
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../context.ts';
import type { RouteRegistry } from '../http/define-route.ts';
import { registerGuideRoutes } from '../http/routes/guide-routes.ts';
import type { EventTable } from '../realtime/event-table.ts';
import type { SessionHub } from '../sessions/session-hub.ts';
import { registerAlignmentEvents } from './alignment-feature.ts';
import { createGuideProgressService, type GuideProgressService } from './guide-progress.ts';
import { registerProgressEvents } from './progress-feature.ts';
import { seedGuides } from './seed-guides.ts';

export interface Guides {
  progress: GuideProgressService;
  /** Inserts the shipped guides that are not stored yet; run after the catalog is seeded. */
  seed(): Promise<void>;
  registerRoutes(app: FastifyInstance, registry: RouteRegistry): void;
}

/** `sessions` is the assist session hub: progress is pushed to its rooms. */
export function createGuides(ctx: AppContext, sessions: SessionHub, events: EventTable): Guides {
  const progress = createGuideProgressService(ctx.store.db);
  registerProgressEvents(events, progress, sessions);
  registerAlignmentEvents(events, ctx);
  return {
    progress,
    seed: () => seedGuides(ctx.store.db, ctx.config.assetsDir, ctx.log),
    registerRoutes: (app, registry) => registerGuideRoutes(app, ctx, registry),
  };
}
