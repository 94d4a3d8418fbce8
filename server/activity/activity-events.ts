// The requester's timeline over the socket, for the agent helping in the request only.
import { RequesterTimelineRequestSchema } from '../../core/activity-events.ts';
import { requireUser } from '../platform/signed-in.ts';
import type { EventTable } from '../realtime/event-table.ts';
import type { ActivityService } from './activity-service.ts';

export function registerActivityEvents(table: EventTable, activity: ActivityService): void {
  table.on('help:timeline', { schema: RequesterTimelineRequestSchema, limit: 'read' }, async (socket, input) => activity.requesterTimeline(requireUser(socket.data.user), input));
}
