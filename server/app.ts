// createServer(config): the whole service in one process — HTTP API, static client, Socket.IO — ready on any port.
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { pino } from 'pino';
import type { ServerConfig } from './config.ts';
import type { AppContext } from './context.ts';
import { openStore } from './db/database.ts';
import { seedCatalog, seedDemoUsers } from './db/seed.ts';
import { loadManifests } from './catalog/load-manifests.ts';
import { createTokenService } from './auth/tokens.ts';
import { resolveJwtSecret } from './auth/jwt-secret.ts';
import { installErrorHandler } from './http/error-handler.ts';
import { registerStaticFiles } from './http/static-files.ts';
import type { RouteRegistry } from './http/define-route.ts';
import { buildOpenApiDocument } from './http/openapi.ts';
import { registerHealthRoutes } from './http/routes/health-routes.ts';
import { registerCatalogRoutes } from './http/routes/catalog-routes.ts';
import { registerAuthRoutes } from './http/routes/auth-routes.ts';
import { createRealtime, type Realtime } from './realtime/realtime.ts';
import { createOrdering } from './orders/ordering.ts';
import { createEventTable } from './realtime/event-table.ts';
import { createAssist } from './assist/assist.ts';
import { createGuides } from './guides/guides.ts';
import { createUserDirectory } from './auth/user-directory.ts';

export interface RunningServer {
  url: string;
  port: number;
  ctx: AppContext;
  realtime: Realtime;
  close(): Promise<void>;
}

export async function createServer(config: ServerConfig): Promise<RunningServer> {
  const log = pino({ level: config.logLevel, name: 'xr-assist' });
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl });
  await seedCatalog(store.db, await loadManifests(config.assetsDir));
  if (config.demo) await seedDemoUsers(store.db);
  const tokens = createTokenService(await resolveJwtSecret(store.db, config.jwtSecret));
  const ctx: AppContext = { config, store, tokens, users: createUserDirectory(store.db), log };

  const verbose = config.logLevel === 'debug' || config.logLevel === 'trace';
  const httpLog = log.child({ component: 'http' }, { level: verbose ? config.logLevel : 'warn' });
  const app: FastifyInstance = Fastify({ loggerInstance: httpLog as FastifyBaseLogger, bodyLimit: 1024 * 1024 });
  installErrorHandler(app);
  const registry: RouteRegistry = [];
  registerHealthRoutes(app, ctx, registry);
  registerAuthRoutes(app, ctx, registry);
  registerCatalogRoutes(app, ctx, registry);
  const events = createEventTable(log);
  const ordering = createOrdering(ctx, events);
  ordering.registerRoutes(app, registry);
  const assist = createAssist(ctx, events);
  ordering.linkSessions(assist.sessions);
  assist.registerRoutes(app, registry);
  const guides = createGuides(ctx, assist.sessions, events);
  await guides.seed();
  guides.registerRoutes(app, registry);
  const openApi = buildOpenApiDocument(registry);
  app.get('/api/openapi.json', async () => openApi);
  app.get('/api/config', async () => ({ iceServers: config.iceServers }));
  await registerStaticFiles(app, config);

  const realtime = await createRealtime(app.server, ctx, events, [ordering.socketFeature, assist.socketFeature]);
  ordering.attach(realtime.io);
  assist.attach(realtime.io);
  await app.listen({ port: config.port, host: config.host });
  const { port } = app.server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  log.info({ port, database: store.dialect, demo: config.demo }, 'XR Assist is listening');

  return {
    url: `http://${host}:${port}`,
    port,
    ctx,
    realtime,
    async close() {
      assist.close();
      await realtime.close();
      await app.close().catch(() => undefined);
      await store.close();
    },
  };
}
