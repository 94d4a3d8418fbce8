// Wires proactive help: the routes over the service, on the server's clock.
import type { RouteTable } from '../http/define-route.ts';
import type { AppContext } from '../platform/context.ts';
import { registerProactiveRoutes } from './proactive-routes.ts';
import { createProactiveService } from './proactive-service.ts';

export function createProactive(ctx: AppContext, { routes }: { routes: RouteTable }): void {
  registerProactiveRoutes(routes, createProactiveService(ctx.store, ctx.config.clock ?? Date.now));
}
