// createServer(config): the whole service in one process — HTTP API, static client, Socket.IO — ready on any port.
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { pino } from 'pino';
import type { ServerConfig } from './platform/config.ts';
import type { AppContext } from './platform/context.ts';
import { createLifecycle, shuttingDown } from './platform/lifecycle.ts';
import { noMetrics } from './platform/metrics.ts';
import { createPrometheusMetrics } from './platform/prometheus.ts';
import { serveMetrics, type MetricsEndpoint } from './http/metrics-endpoint.ts';
import { openStore } from './db/database.ts';
import { createRouteTable } from './http/define-route.ts';
import { installErrorHandler } from './http/error-handler.ts';
import { registerCompression } from './http/compression.ts';
import { registerSecurityHeaders } from './http/security-headers.ts';
import { registerStaticFiles } from './http/static-files.ts';
import { registerSystemRoutes } from './http/system-routes.ts';
import { createRealtime, type Realtime } from './realtime/realtime.ts';
import { createUserPush } from './realtime/user-push.ts';
import { createSessionHub } from './sessions/session-hub.ts';
import { createAuth } from './auth/auth.ts';
import { createCatalog } from './catalog/catalog.ts';
import { createSessions } from './sessions/sessions.ts';
import { createCart } from './cart/cart.ts';
import { createOrders } from './orders/orders.ts';
import { createHelp } from './help/help.ts';
import { createGuides } from './guides/guides.ts';
import { createAlignments } from './alignments/alignments.ts';
import { createStudio } from './studio/studio.ts';
import { createSurveys } from './surveys/surveys.ts';
import { createInsights } from './insights/insights.ts';
import { createProactive } from './proactive/proactive.ts';
import { createActivity } from './activity/activity.ts';
import { createAccount } from './account/account.ts';

export interface RunningServer {
  url: string;
  port: number;
  ctx: AppContext;
  realtime: Realtime;
  /** The internal metrics address when METRICS_PORT is set. */
  metricsUrl: string | null;
  /**
   * Graceful stop: readiness turns 503 and new sockets, events and requests are refused (`unavailable`), the events in
   * flight finish (their writes commit, their acks go out) within `config.shutdownTimeoutMs`, every socket is told to
   * reconnect (elsewhere, through the load balancer), then everything closes. Resolves with the events left unfinished.
   */
  shutdown(): Promise<number>;
  close(): Promise<void>;
}

/** Fastify trusts `X-Forwarded-*` from this many proxies in front (`TRUST_PROXY`), as the socket handshake does. */
function trustedHops(hops: number): false | ((address: string, hop: number) => boolean) {
  return hops > 0 ? (_address, hop) => hop < hops : false;
}

/**
 * Built in one pass, lowest first: the store and sign-in, then Fastify (whose http.Server exists from construction),
 * Socket.IO on it with the user push and the session hub, then each feature with everything it emits through. Connections
 * are answered once every feature is registered, and the port opens last.
 */
export async function createServer(config: ServerConfig): Promise<RunningServer> {
  const log = pino({ level: config.logLevel, name: 'xr-assist' });
  const lifecycle = createLifecycle();
  const prometheus = config.metricsPort !== undefined || config.metricsToken ? createPrometheusMetrics() : null;
  const metrics = prometheus ?? noMetrics;
  const store = await openStore({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, onCommit: metrics.commit });
  metrics.gauge('write_queue', store.write.pending);
  const auth = await createAuth(store, config);
  const ctx: AppContext = { config, store, log, identify: auth.identify, metrics };

  const verbose = config.logLevel === 'debug' || config.logLevel === 'trace';
  const httpLog = log.child({ component: 'http' }, { level: verbose ? config.logLevel : 'warn' });
  const app = Fastify({ loggerInstance: httpLog as FastifyBaseLogger, bodyLimit: 1024 * 1024, trustProxy: trustedHops(config.trustProxyHops) });
  installErrorHandler(app);
  app.addHook('onRequest', async (request) => {
    if (!lifecycle.accepting && !request.url.startsWith('/api/health')) throw shuttingDown();
  });
  await registerSecurityHeaders(app);
  await registerCompression(app);
  const routes = await createRouteTable(app, ctx.identify);
  const realtime = await createRealtime(app.server, ctx, { lifecycle, metrics });
  const metricsEndpoint: MetricsEndpoint | null = prometheus ? await serveMetrics(app, prometheus.registry, config) : null;
  const { io, events } = realtime;
  const push = createUserPush(io);
  const hub = createSessionHub(store.write, io);

  registerSystemRoutes(routes, ctx, lifecycle);
  auth.registerRoutes(routes, io);
  const catalog = createCatalog(ctx, { routes });
  await catalog.seed();
  const sessions = createSessions(ctx, { events, routes, hub, parts: catalog.parts });
  const cart = createCart(ctx, { events, routes, push, hub });
  createOrders(ctx, { events, routes, push, hub, cart });
  const help = createHelp(ctx, { io, events, routes, hub });
  const guides = createGuides(ctx, { events, routes, hub });
  await guides.seed();
  createAlignments(ctx, { events, routes });
  const studio = createStudio(ctx, { routes, parts: catalog.parts });
  createSurveys(ctx, { routes, events });
  const insights = createInsights(ctx, { routes });
  createProactive(ctx, { routes });
  createActivity(ctx, { routes, events });
  createAccount(ctx, { routes, io, auth });
  await registerStaticFiles(app, config);

  realtime.accept([...sessions.connection, help.connection]);
  await app.listen({ port: config.port, host: config.host });
  const { port } = app.server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host;
  log.info({ port, database: store.dialect, demo: config.demo }, 'XR Assist is listening');

  const close = async () => {
    help.close();
    await insights.close();
    await studio.close();
    await realtime.close();
    await app.close().catch(() => undefined);
    await metricsEndpoint?.close();
    await store.close();
  };
  return {
    url: `http://${host}:${port}`,
    port,
    ctx,
    realtime,
    metricsUrl: metricsEndpoint?.url ?? null,
    async shutdown() {
      lifecycle.stopAccepting();
      const unfinished = await realtime.drain(config.shutdownTimeoutMs);
      log.info({ unfinished }, 'shutting down');
      await close();
      return unfinished;
    },
    close,
  };
}
