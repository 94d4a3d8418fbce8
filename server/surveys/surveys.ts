// Wires surveys: the survey routes over the survey service, on the server's clock.
import type { RouteTable } from '../http/define-route.ts';
import type { AppContext } from '../platform/context.ts';
import { registerSurveyRoutes } from './survey-routes.ts';
import { createSurveyService } from './survey-service.ts';

export function createSurveys(ctx: AppContext, { routes }: { routes: RouteTable }): void {
  registerSurveyRoutes(routes, createSurveyService(ctx.store, ctx.config.clock ?? Date.now));
}
