// The agent rating over the socket: validated by the event table, stored, then acked.
import { AgentRatingSchema } from '../../core/agent-rating.ts';
import { requireUser } from '../platform/signed-in.ts';
import type { EventTable } from '../realtime/event-table.ts';
import type { AgentRatingService } from './agent-rating-service.ts';

export function registerAgentRatingEvents(table: EventTable, ratings: AgentRatingService): void {
  table.on('help:rate', { schema: AgentRatingSchema, limit: 'session-write' }, async (socket, rating) => ({ rating: await ratings.rate(rating, requireUser(socket.data.user)) }));
}
