// The person's own activity over HTTP: their timeline, a page at a time, with the guides they can resume here.
import { ROLES } from '../../core/auth.ts';
import { ActivityQuerySchema, MyActivitySchema } from '../../core/activity.ts';
import type { RouteTable } from '../http/define-route.ts';
import { requireUser } from '../platform/signed-in.ts';
import type { ActivityService } from './activity-service.ts';

export function registerActivityRoutes(routes: RouteTable, activity: ActivityService): void {
  routes.define(
    { method: 'GET', path: '/api/activity', operationId: 'getMyActivity', tag: 'activity', summary: 'The signed-in person’s timeline on every device, newest first: sessions (product, guide, steps done, channel, device where a survey recorded it), help sessions (agent, duration), orders and survey answers, a page at a time (`before` is the previous page’s `next`); with the guides they have in progress in open sessions, to resume at the step reached', query: ActivityQuerySchema, response: MyActivitySchema, roles: ROLES, errors: [400] },
    async ({ query, user }) => activity.mine(requireUser(user), query),
  );
}
