// Wires the alignment of the twin onto installed units: its socket events and its routes share one service.
import type { RouteTable } from '../http/define-route.ts';
import type { AppContext } from '../platform/context.ts';
import type { EventTable } from '../realtime/event-table.ts';
import { registerAlignmentEvents } from './alignment-events.ts';
import { registerAlignmentRoutes } from './alignment-routes.ts';

export function createAlignments(ctx: AppContext, { events, routes }: { events: EventTable; routes: RouteTable }): void {
  registerAlignmentEvents(events, ctx);
  registerAlignmentRoutes(routes, ctx.store.db);
}
