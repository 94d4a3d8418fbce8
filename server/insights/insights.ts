// Wires Insights: the routes over the service, reading the store, and the xAPI push when an LRS is configured.
import type { RouteTable } from '../http/define-route.ts';
import type { AppContext } from '../platform/context.ts';
import { registerInsightsRoutes } from './insights-routes.ts';
import { createInsightsService } from './insights-service.ts';
import { createXapiPusher } from './xapi-push.ts';

export interface Insights {
  close(): Promise<void>;
}

export function createInsights(ctx: AppContext, { routes }: { routes: RouteTable }): Insights {
  const { store, config } = ctx;
  registerInsightsRoutes(routes, createInsightsService(store, config.clock ?? Date.now), { store, baseIri: config.xapi.baseIri });
  const endpoint = config.xapi.endpoint;
  const pusher = endpoint === undefined ? null : createXapiPusher(store, { ...config.xapi, endpoint }, ctx.log);
  return { close: async () => pusher?.close() };
}
