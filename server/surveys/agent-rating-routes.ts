// Agent ratings over HTTP: an agent reads back the ratings they gave (they are given over the socket, `help:rate`).
import { z } from 'zod';
import { StoredAgentRatingSchema } from '../../core/agent-rating.ts';
import type { RouteTable } from '../http/define-route.ts';
import { requireUser } from '../platform/signed-in.ts';
import type { AgentRatingService } from './agent-rating-service.ts';

export function registerAgentRatingRoutes(routes: RouteTable, ratings: AgentRatingService): void {
  routes.define(
    { method: 'GET', path: '/api/surveys/agent-ratings', operationId: 'listMyAgentRatings', tag: 'surveys', summary: 'The signed-in agent’s ratings of the help they finished, newest first', response: z.object({ ratings: z.array(StoredAgentRatingSchema) }), roles: ['agent'] },
    async ({ user }) => ({ ratings: await ratings.mine(requireUser(user)) }),
  );
}
