// Wires surveys: the survey routes over the survey service, and the agents' ratings (an event and a route), on the
// server's clock.
import type { RouteTable } from '../http/define-route.ts';
import type { AppContext } from '../platform/context.ts';
import type { EventTable } from '../realtime/event-table.ts';
import { registerAgentRatingEvents } from './agent-rating-events.ts';
import { registerAgentRatingRoutes } from './agent-rating-routes.ts';
import { createAgentRatingService } from './agent-rating-service.ts';
import { registerSurveyRoutes } from './survey-routes.ts';
import { createSurveyService } from './survey-service.ts';

export function createSurveys(ctx: AppContext, { routes, events }: { routes: RouteTable; events: EventTable }): void {
  const clock = ctx.config.clock ?? Date.now;
  registerSurveyRoutes(routes, createSurveyService(ctx.store, clock));
  const ratings = createAgentRatingService(ctx.store, clock);
  registerAgentRatingEvents(events, ratings);
  registerAgentRatingRoutes(routes, ratings);
}
