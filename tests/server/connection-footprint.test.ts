// What a connection costs the server beyond Socket.IO's own, on a real server: one listener per phase and one any-listener,
// the same functions for every socket whatever the features, one room beyond its own; its first rate-limited events add none.
import { describe, expect, it } from 'vitest';
import { userRoom } from '../../server/realtime/rooms.ts';
import type { IoSocket } from '../../server/realtime/socket-types.ts';
import { ok, openSession, requestHelp, signIn, useAssistServer } from './assist-support.ts';

const harness = useAssistServer();

type Listening = { listeners(event: string): unknown[] };

function serverSocket(id: string | undefined): IoSocket {
  const socket = id === undefined ? undefined : harness.server.realtime.io.of('/').sockets.get(id);
  if (!socket) throw new Error(`no server socket ${id}`);
  return socket;
}

describe('the footprint of a connection', () => {
  it('gives every socket the same listeners, before and after its first limited events', async () => {
    const tech = await signIn(harness.server, 'tech@demo.local');
    const agent = await signIn(harness.server, 'agent@demo.local');
    const sockets = () => [serverSocket(tech.socket.id), serverSocket(agent.socket.id)] as const;
    const expectShared = () => {
      const [mine, theirs] = sockets();
      for (const phase of ['disconnecting', 'disconnect'] as const) {
        expect(mine.listeners(phase)).toHaveLength(1);
        expect(theirs.listeners(phase)[0]).toBe(mine.listeners(phase)[0]);
      }
      expect(mine.listenersAny()).toHaveLength(1);
      expect(theirs.listenersAny()[0]).toBe(mine.listenersAny()[0]);
      const [mineConn, theirConn] = [mine.conn, theirs.conn] as unknown as [Listening, Listening];
      expect(theirConn.listeners('data').at(-1)).toBe(mineConn.listeners('data').at(-1));
      expect(theirConn.listeners('close')).toHaveLength(mineConn.listeners('close').length);
    };

    expectShared();
    // Its own room and its user's: sign-out finds a sign-in's sockets in the user's room, without a room per sign-in.
    expect(sockets()[0].rooms).toEqual(new Set([tech.socket.id, userRoom(tech.user.id)]));
    const closeListeners = (sockets()[0].conn as unknown as Listening).listeners('close').length;
    const { state } = await openSession(tech);
    const { requestId } = await requestHelp(tech, state.session.id, 'en');
    await ok(agent.socket, 'help:accept', { requestId });
    await ok(agent.socket, 'session:log', { sessionId: state.session.id, sinceSeq: 0 });
    expectShared();
    expect((sockets()[0].conn as unknown as Listening).listeners('close')).toHaveLength(closeListeners);
  });
});
