// Attaches Socket.IO to the HTTP server: versioned, authenticated handshake, connection state recovery, Redis adapter.
import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { z } from 'zod';
import { createClient } from 'redis';
import { createAdapter } from '@socket.io/redis-streams-adapter';
import { AppError } from '../../core/errors.ts';
import { HandshakeAuthSchema } from '../../core/protocol.ts';
import { PROTOCOL_VERSION } from '../../core/protocol-version.ts';
import { serverWireParser } from '../../core/wire-parser.ts';
import type { AppContext } from '../context.ts';
import type { EventTable } from './event-table.ts';
import { RecoveryAdapter } from './recovery-adapter.ts';
import type { IoServer, IoSocket } from './socket-types.ts';

export interface Realtime {
  io: IoServer;
  close(): Promise<void>;
}

/** What a feature does when a socket connects (join rooms, watch the engine connection); events go in the EventTable. */
export type SocketFeature = (socket: IoSocket) => void;

const PingEchoSchema = z.object({ at: z.number() });


function handshakeError(error: AppError): Error & { data: unknown } {
  return Object.assign(new Error(error.message), { data: error.toBody() });
}

export async function createRealtime(httpServer: HttpServer, ctx: AppContext, events: EventTable, features: SocketFeature[]): Promise<Realtime> {
  let redis: ReturnType<typeof createClient> | undefined;
  const io: IoServer = new Server(httpServer, {
    transports: ['websocket', 'polling'],
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60 * 1000, skipMiddlewares: true },
    adapter: RecoveryAdapter,
    maxHttpBufferSize: 256 * 1024,
    parser: serverWireParser,
  });
  if (ctx.config.redisUrl) {
    redis = createClient({ url: ctx.config.redisUrl });
    redis.on('error', (err) => ctx.log.error({ err }, 'redis error'));
    await redis.connect();
    const prefix = ctx.config.redisPrefix;
    io.adapter(createAdapter(redis, prefix ? { streamName: prefix, channelPrefix: prefix, sessionKeyPrefix: `${prefix}:session:` } : {}));
  }

  io.use(async (socket, next) => {
    const auth = HandshakeAuthSchema.safeParse(socket.handshake.auth);
    if (!auth.success) return next(handshakeError(new AppError('protocol_mismatch', `This app is out of date: connect with protocolVersion ${PROTOCOL_VERSION}. Reload the page.`)));
    if (auth.data.protocolVersion !== PROTOCOL_VERSION) {
      return next(handshakeError(new AppError('protocol_mismatch', `This app speaks protocol ${auth.data.protocolVersion} but the server speaks ${PROTOCOL_VERSION}. Reload the page to update.`)));
    }
    socket.data.user = null;
    if (auth.data.token) {
      const claims = await ctx.tokens.verify(auth.data.token);
      const user = claims ? await ctx.users.byId(claims.sub) : null;
      if (!user) return next(handshakeError(new AppError('unauthorized', 'Your sign-in has expired or is not valid. Please sign in again.')));
      socket.data.user = user;
      // Checked once: the connection has no further use for the token and need not hold it.
      delete (socket.handshake.auth as { token?: string }).token;
    }
    next();
  });

  events.on('ping:echo', { schema: PingEchoSchema, limit: 'none' }, (_socket, { at }) => ({ at, serverAt: Date.now() }));
  io.on('connection', (socket) => {
    socket.emit('hello', { protocolVersion: PROTOCOL_VERSION, user: socket.data.user });
    events.attach(socket);
    for (const feature of features) feature(socket);
  });

  return {
    io,
    async close() {
      await new Promise<void>((resolve) => io.close(() => resolve()));
      if (redis) await redis.quit();
    },
  };
}
