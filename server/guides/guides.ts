// Wires guides: the guide routes, progress through a guide in a session (its events push to the session room), seeding.
import type { RouteTable } from '../http/define-route.ts';
import type { AppContext } from '../platform/context.ts';
import type { EventTable } from '../realtime/event-table.ts';
import type { SessionHub } from '../sessions/session-hub.ts';
import { registerGuideRoutes } from './guide-routes.ts';
import { registerGuideEvents } from './guide-events.ts';
import { createGuideProgressService } from './progress-service.ts';
import { seedGuides } from './seed-guides.ts';

export interface GuidesDeps {
  events: EventTable;
  routes: RouteTable;
  hub: SessionHub;
}

export interface Guides {
  /** Inserts the shipped guides that are not stored yet; run after the catalog is seeded. */
  seed(): Promise<void>;
}

export function createGuides(ctx: AppContext, { events, routes, hub }: GuidesDeps): Guides {
  registerGuideRoutes(routes, ctx.store.db);
  registerGuideEvents(events, createGuideProgressService(ctx.store.db), hub);
  return { seed: () => seedGuides(ctx.store.db, ctx.config.assetsDir, ctx.log) };
}
