// Wires one customer across channels: the person's activity route and the helping agent's timeline event.
import type { RouteTable } from '../http/define-route.ts';
import type { AppContext } from '../platform/context.ts';
import type { EventTable } from '../realtime/event-table.ts';
import { registerActivityEvents } from './activity-events.ts';
import { registerActivityRoutes } from './activity-routes.ts';
import { createActivityService } from './activity-service.ts';

export function createActivity(ctx: AppContext, { routes, events }: { routes: RouteTable; events: EventTable }): void {
  const activity = createActivityService(ctx.store);
  registerActivityRoutes(routes, activity);
  registerActivityEvents(events, activity);
}
