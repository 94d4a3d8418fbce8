// Wires live sessions: the session, annotation, call and pose events, the session routes, and what each connection runs.
import type { ProductParts } from '../catalog/product-parts.ts';
import type { RouteTable } from '../http/define-route.ts';
import type { AppContext } from '../platform/context.ts';
import type { EventTable } from '../realtime/event-table.ts';
import type { ConnectionHooks } from '../realtime/realtime.ts';
import { registerAnnotationEvents } from './annotation-events.ts';
import { registerCallEvents } from './call-events.ts';
import { poseConnection, registerPoseRelay } from './pose-relay.ts';
import type { SessionHub } from './session-hub.ts';
import { registerSessionEvents, sessionConnection } from './session-events.ts';
import { registerSessionRoutes } from './session-routes.ts';

export interface SessionsDeps {
  events: EventTable;
  routes: RouteTable;
  hub: SessionHub;
  parts: ProductParts;
}

export interface Sessions {
  /** What every connection runs: stale rooms dropped after a recovery, presence, the compact pose stream. */
  connection: ConnectionHooks[];
}

export function createSessions(ctx: AppContext, { events, routes, hub, parts }: SessionsDeps): Sessions {
  registerSessionEvents(events, ctx, hub, parts);
  registerAnnotationEvents(events, ctx, hub, parts);
  registerCallEvents(events, ctx, hub);
  registerPoseRelay(events);
  registerSessionRoutes(routes, ctx.store.db);
  return { connection: [sessionConnection(ctx, hub), poseConnection({ multiNode: Boolean(ctx.config.redisUrl) })] };
}
