// The live queue: after any change, each online agent gets the requests they can take and each requester their place.
import type { Kysely } from 'kysely';
import type { User } from '../../core/auth.ts';
import type { HelpPosition, QueueUpdate } from '../../core/help.ts';
import type { Database } from '../db/schema.ts';
import { RecoveryAdapter } from '../realtime/recovery-adapter.ts';
import { AGENTS_ROOM, sessionRoom, userRoom } from '../realtime/rooms.ts';
import type { IoServer } from '../realtime/socket-types.ts';
import { listWaiting, recentAcceptWaitMs, type WaitingRequest } from './help-repository.ts';
import { canTake, estimateWaitSeconds, positionOf, queueFor, speaksAndKnows, type AgentProfile } from './routing.ts';
import type { SnapshotRevision } from './snapshot-revision.ts';
import { coalescedRefresh } from './coalesced-refresh.ts';

const WAIT_SAMPLE = 20;

export interface HelpQueue {
  /** Schedules one snapshot for everybody; changes in the same tick share it. */
  refresh(): void;
  onlineAgents(): Promise<User[]>;
  positionOf(requestId: string): Promise<HelpPosition | null>;
  /** The current queue of one agent, for a console that opens after the last push. */
  queueOf(agent: AgentProfile): Promise<QueueUpdate>;
  /** The session's request left the queue (accepted, withdrawn): a requester back from a dropped connection is not told its old place. */
  left(sessionId: string): void;
  close(): void;
}

export function createHelpQueue(db: Kysely<Database>, io: IoServer, nextRevision: SnapshotRevision, log: { error(obj: object, msg: string): void }): HelpQueue {
  const onlineAgents = async (): Promise<User[]> => {
    const byId = new Map<string, User>();
    for (const socket of await io.in(AGENTS_ROOM).fetchSockets()) {
      const user = socket.data.user;
      if (user?.role === 'agent') byId.set(user.id, user);
    }
    return [...byId.values()];
  };

  const place = (request: WaitingRequest, waiting: WaitingRequest[], agents: AgentProfile[], meanWaitMs: number | null): HelpPosition => {
    const position = positionOf(request, waiting);
    const agentsOnline = agents.filter((agent) => (request.targetAgentId ? canTake(agent, request) : speaksAndKnows(agent, request.productLine, request.language))).length;
    return { requestId: request.requestId, sessionId: request.sessionId, position, estimatedWaitSeconds: estimateWaitSeconds(position, meanWaitMs, agentsOnline), agentsOnline };
  };

  const snapshot = async () => {
    if (pushes.closed) return;
    const revision = await nextRevision();
    const [waiting, agents, meanWaitMs] = await Promise.all([listWaiting(db), onlineAgents(), recentAcceptWaitMs(db, WAIT_SAMPLE)]);
    for (const agent of agents) io.to(userRoom(agent.id)).emit('queue:updated', { requests: queueFor(agent, waiting), revision });
    for (const request of waiting) io.to(sessionRoom(request.sessionId)).emit('help:position', place(request, waiting, agents, meanWaitMs));
  };

  const pushes = coalescedRefresh(snapshot, (err: unknown) => log.error({ err }, 'queue snapshot failed'));

  return {
    refresh: pushes.refresh,
    onlineAgents,
    async positionOf(requestId) {
      const [waiting, agents, meanWaitMs] = await Promise.all([listWaiting(db), onlineAgents(), recentAcceptWaitMs(db, WAIT_SAMPLE)]);
      const request = waiting.find((candidate) => candidate.requestId === requestId);
      return request ? place(request, waiting, agents, meanWaitMs) : null;
    },
    async queueOf(agent) {
      const revision = await nextRevision();
      return { requests: queueFor(agent, await listWaiting(db)), revision };
    },
    left(sessionId) {
      const adapter = io.of('/').adapter;
      if (adapter instanceof RecoveryAdapter) adapter.dropLatest('help:position', sessionRoom(sessionId));
    },
    close: pushes.close,
  };
}
