// Socket handlers for guide progress: guide:start, guide:action, guide:get, and the guide:progress push to the room.
import { GuideActionRequestSchema, GuideGetSchema, GuideStartSchema } from '../../core/guide-protocol.ts';
import type { AppContext } from '../context.ts';
import { onEvent } from '../realtime/on-event.ts';
import type { SocketFeature } from '../realtime/realtime.ts';
import type { IoSocket } from '../realtime/socket-types.ts';
import { sessionRoom, type SessionHub } from '../sessions/session-hub.ts';
import type { GuideProgressService, ProgressChange } from './guide-progress.ts';

export function createGuideProgressFeature(ctx: AppContext, service: GuideProgressService, hub: SessionHub): SocketFeature {
  /** Others see the new progress; everyone, the emitter included, gets the log entries so no seq goes missing. */
  const announce = (socket: IoSocket, change: ProgressChange | null) => {
    if (!change) return;
    const { entries, ...event } = change;
    hub.broadcast(change.sessionId, socket.id, 'guide:progress', event);
    for (const entry of entries) hub.broadcast(change.sessionId, null, 'session:event', entry);
  };

  return (socket) => {
    onEvent(
      socket,
      'guide:start',
      GuideStartSchema,
      async ({ sessionId, guideId }) => {
        const { result, change } = await service.start(socket.data.user, sessionId, guideId);
        await socket.join(sessionRoom(sessionId));
        announce(socket, change);
        return result;
      },
      ctx.log,
    );

    onEvent(
      socket,
      'guide:action',
      GuideActionRequestSchema,
      async (request) => {
        const { result, change } = await service.act(socket.data.user, request);
        announce(socket, change);
        return result;
      },
      ctx.log,
    );

    onEvent(
      socket,
      'guide:get',
      GuideGetSchema,
      async ({ sessionId }) => {
        const result = await service.get(socket.data.user, sessionId);
        await socket.join(sessionRoom(sessionId));
        return result;
      },
      ctx.log,
    );
  };
}
