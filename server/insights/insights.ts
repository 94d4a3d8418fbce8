// Wires Insights: the routes over the service, reading the store.
import type { RouteTable } from '../http/define-route.ts';
import type { AppContext } from '../platform/context.ts';
import { registerInsightsRoutes } from './insights-routes.ts';
import { createInsightsService } from './insights-service.ts';

export function createInsights(ctx: AppContext, { routes }: { routes: RouteTable }): void {
  registerInsightsRoutes(routes, createInsightsService(ctx.store));
}
