// Wires live help: the queue and the callback board (pushing to agents from the start), their events and routes.
import type { RouteTable } from '../http/define-route.ts';
import type { AppContext } from '../platform/context.ts';
import type { EventTable } from '../realtime/event-table.ts';
import type { ConnectionHooks } from '../realtime/realtime.ts';
import type { IoServer } from '../realtime/socket-types.ts';
import type { SessionHub } from '../sessions/session-hub.ts';
import { createCallbackBoard } from './callback-board.ts';
import { registerCallbackEvents } from './callback-events.ts';
import { helpConnection, registerHelpEvents } from './help-events.ts';
import { createHelpQueue } from './help-queue.ts';
import { listWaiting } from './help-repository.ts';
import { registerHelpRoutes } from './help-routes.ts';
import { createSnapshotRevision } from './snapshot-revision.ts';

export interface HelpDeps {
  io: IoServer;
  events: EventTable;
  routes: RouteTable;
  hub: SessionHub;
}

export interface Help {
  /** Agents join the queue room when they connect. */
  connection: ConnectionHooks;
  /** Stops the snapshot pushes, e.g. while the server shuts down. */
  close(): void;
}

export function createHelp(ctx: AppContext, { io, events, routes, hub }: HelpDeps): Help {
  const nextRevision = createSnapshotRevision(ctx.store);
  const queue = createHelpQueue(ctx.store.db, io, nextRevision, ctx.log);
  ctx.metrics.gauge('help_queue', async () => (await listWaiting(ctx.store.db)).length);
  const callbacks = createCallbackBoard(ctx.store.db, io, queue.onlineAgents, nextRevision, ctx.log);
  registerHelpEvents(events, ctx, hub, queue);
  registerCallbackEvents(events, ctx, callbacks);
  registerHelpRoutes(routes, ctx.store.db);
  return {
    connection: helpConnection(queue),
    close() {
      queue.close();
      callbacks.close();
    },
  };
}
