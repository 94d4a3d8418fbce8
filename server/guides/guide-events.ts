// Socket events for guide progress: guide:start, guide:action, guide:get, and the guide:progress push to the room.
import { GuideActionRequestSchema, GuideGetSchema, GuideStartSchema } from '../../core/guide-events.ts';
import type { EventTable } from '../realtime/event-table.ts';
import type { IoSocket } from '../realtime/socket-types.ts';
import { sessionRoom } from '../realtime/rooms.ts';
import type { SessionHub } from '../sessions/session-hub.ts';
import type { GuideProgressService, ProgressChange } from './progress-service.ts';

export function registerGuideEvents(events: EventTable, service: GuideProgressService, hub: SessionHub): void {
  /** Others see the new progress; everyone, the emitter included, gets the log entries so no seq goes missing. */
  const announce = (socket: IoSocket, change: ProgressChange | null) => {
    if (!change) return;
    const { entries, ...event } = change;
    hub.broadcast(change.sessionId, socket.id, 'guide:progress', event);
    for (const entry of entries) hub.broadcast(change.sessionId, null, 'session:event', entry);
  };

  events.on('guide:start', { schema: GuideStartSchema, limit: 'none' }, async (socket, { sessionId, guideId }) => {
    const { result, change } = await service.start(socket.data.user, sessionId, guideId);
    await socket.join(sessionRoom(sessionId));
    announce(socket, change);
    return result;
  });
  events.on('guide:action', { schema: GuideActionRequestSchema, limit: 'none' }, async (socket, request) => {
    const { result, change } = await service.act(socket.data.user, request);
    announce(socket, change);
    return result;
  });
  events.on('guide:get', { schema: GuideGetSchema, limit: 'read' }, async (socket, { sessionId }) => {
    const result = await service.get(socket.data.user, sessionId);
    await socket.join(sessionRoom(sessionId));
    return result;
  });
}
