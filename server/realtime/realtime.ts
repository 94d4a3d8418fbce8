// Socket.IO on the HTTP server: versioned, authenticated handshake, connection state recovery, Redis adapter, the event table.
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { createClient } from 'redis';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { PingEchoSchema } from '../../core/protocol.ts';
import { PROTOCOL_VERSION } from '../../core/protocol-version.ts';
import { serverWireParser } from '../../core/wire-parser.ts';
import type { AppContext } from '../platform/context.ts';
import type { Lifecycle } from '../platform/lifecycle.ts';
import { noMetrics, type Metrics } from '../platform/metrics.ts';
import { createConnectionGuard } from './connection-guard.ts';
import { createEventTable, type EventTable } from './event-table.ts';
import { createHandshake } from './handshake.ts';
import { RecoveryAdapter } from './recovery-adapter.ts';
import { userRoom } from './rooms.ts';
import type { IoServer, IoSocket } from './socket-types.ts';

/**
 * What a feature does as sockets come and go; events go in the EventTable. Each is one function for every socket, called
 * from one shared listener per phase, so a connection costs no closure or listener per feature.
 */
export interface ConnectionHooks {
  /** Join rooms, watch the engine connection. */
  connected?(socket: IoSocket): void;
  /** The socket is leaving, still in its rooms. */
  disconnecting?(socket: IoSocket): void;
  disconnected?(socket: IoSocket): void;
}

export interface Realtime {
  io: IoServer;
  /** Where features register the client events they answer. */
  events: EventTable;
  /**
   * Starts answering connections: each is greeted, joins its user's room, gets the event table and then each hook.
   * Call once, when every feature is built and registered.
   */
  accept(hooks: ConnectionHooks[]): void;
  /**
   * For a shutdown, once the lifecycle stopped accepting: waits for the events in flight (their writes committed, their
   * acks sent), at most `timeoutMs`, then closes this node's sockets as the server, so each client connects again at
   * once, and through the load balancer to another node. Resolves with the events still unfinished (0 when drained).
   */
  drain(timeoutMs: number): Promise<number>;
  close(): Promise<void>;
}

export interface RealtimeOptions {
  lifecycle?: Pick<Lifecycle, 'accepting'>;
  metrics?: Metrics;
}

/** Ready to emit as soon as it resolves: features get `io` at construction. Connections are answered after `accept`. */
export async function createRealtime(httpServer: HttpServer, ctx: Pick<AppContext, 'config' | 'log' | 'identify'>, options: RealtimeOptions = {}): Promise<Realtime> {
  let redis: ReturnType<typeof createClient> | undefined;
  const { lifecycle, metrics = noMetrics } = options;
  const guard = createConnectionGuard(ctx.config, lifecycle);
  const io: IoServer = new Server(httpServer, {
    allowRequest: guard.allowRequest,
    transports: ['websocket', 'polling'],
    // A socket coming back within the window is checked again (its sign-in may have been revoked while it was away).
    connectionStateRecovery: { maxDisconnectionDuration: ctx.config.recoveryWindowSeconds * 1000, skipMiddlewares: false },
    adapter: RecoveryAdapter,
    maxHttpBufferSize: 256 * 1024,
    parser: serverWireParser,
  });
  if (ctx.config.redisUrl) {
    redis = createClient({ url: ctx.config.redisUrl });
    redis.on('error', (err) => ctx.log.error({ err }, 'redis error'));
    await redis.connect();
    const prefix = ctx.config.redisPrefix;
    const names = prefix ? { streamName: prefix, channelPrefix: prefix, sessionKeyPrefix: `${prefix}:session:` } : {};
    io.adapter(createAdapter(redis, { ...names, maxLen: ctx.config.redisStreamMaxLen }));
  }

  io.use(createHandshake(ctx.identify, guard));

  const events = createEventTable({ log: ctx.log, ...(lifecycle ? { lifecycle } : {}), metrics });
  metrics.gauge('connections', () => io.of('/').sockets.size);
  metrics.gauge('events_in_flight', () => events.inFlight);
  events.on('ping:echo', { schema: PingEchoSchema, limit: 'none' }, (_socket, { at }) => ({ at, serverAt: Date.now() }));

  return {
    io,
    events,
    accept(hooks) {
      function disconnecting(this: IoSocket): void {
        for (const hook of hooks) hook.disconnecting?.(this);
      }
      function disconnected(this: IoSocket): void {
        guard.release(this);
        events.detach(this);
        for (const hook of hooks) hook.disconnected?.(this);
      }
      io.on('connection', (socket) => {
        socket.emit('hello', { protocolVersion: PROTOCOL_VERSION, user: socket.data.user });
        const { user } = socket.data;
        if (user) void socket.join(userRoom(user.id));
        events.attach(socket);
        socket.on('disconnecting', disconnecting);
        socket.on('disconnect', disconnected);
        for (const hook of hooks) hook.connected?.(socket);
      });
    },
    async drain(timeoutMs) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([events.drain(), new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
      clearTimeout(timer);
      io.local.disconnectSockets(true);
      // Each connection closes once its last packets (acks, then the disconnect) are written.
      for (let waited = 0; io.engine.clientsCount > 0 && waited < 1000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
      return events.inFlight;
    },
    async close() {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      if (redis) await redis.quit();
    },
  };
}
