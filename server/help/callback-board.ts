// Open callback requests pushed live: after one is left or done, each online agent gets those they can make.
import type { Kysely } from 'kysely';
import type { CallbackUpdate } from '../../core/help.ts';
import type { Database } from '../db/schema.ts';
import { userRoom } from '../realtime/rooms.ts';
import type { IoServer } from '../realtime/socket-types.ts';
import { listOpenCallbacks } from './help-repository.ts';
import type { AgentProfile } from './routing.ts';
import type { SnapshotRevision } from './snapshot-revision.ts';
import { coalescedRefresh } from './coalesced-refresh.ts';

const LIST_LIMIT = 200;

export interface CallbackBoard {
  /** Schedules one snapshot for every online agent; changes in the same tick share it. */
  refresh(): void;
  /** The open callbacks of one agent, for a console that opens after the last push. */
  callbacksOf(agent: AgentProfile): Promise<CallbackUpdate>;
  close(): void;
}

export function createCallbackBoard(
  db: Kysely<Database>,
  io: IoServer,
  onlineAgents: () => Promise<AgentProfile[]>,
  nextRevision: SnapshotRevision,
  log: { error(obj: object, msg: string): void },
): CallbackBoard {
  const snapshot = async () => {
    if (pushes.closed) return;
    const revision = await nextRevision();
    const agents = await onlineAgents();
    const lists = await Promise.all(agents.map((agent) => listOpenCallbacks(db, LIST_LIMIT, agent)));
    agents.forEach((agent, index) => io.to(userRoom(agent.id)).emit('callbacks:updated', { callbacks: lists[index] ?? [], revision }));
  };

  const pushes = coalescedRefresh(snapshot, (err: unknown) => log.error({ err }, 'callback snapshot failed'));

  return {
    refresh: pushes.refresh,
    async callbacksOf(agent) {
      const revision = await nextRevision();
      return { callbacks: await listOpenCallbacks(db, LIST_LIMIT, agent), revision };
    },
    close: pushes.close,
  };
}
