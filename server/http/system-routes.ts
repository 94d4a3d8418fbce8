// Routes of the service itself: health for operators and load balancers, the OpenAPI document, the client's call config.
import type { FastifyInstance } from 'fastify';
import { HealthSchema } from '../../core/health.ts';
import { PROTOCOL_VERSION } from '../../core/protocol-version.ts';
import type { AppContext } from '../platform/context.ts';
import type { RouteTable } from './define-route.ts';
import { buildOpenApiDocument } from './openapi.ts';
import packageJson from '../../package.json' with { type: 'json' };

/** The OpenAPI document describes every route of the table, built on its first request (once all are defined). */
export function registerSystemRoutes(app: FastifyInstance, routes: RouteTable, ctx: AppContext): void {
  const startedAt = Date.now();
  routes.define({ method: 'GET', path: '/api/health', tag: 'system', summary: 'Service health', response: HealthSchema }, async () => ({
    status: 'ok' as const,
    version: packageJson.version,
    protocolVersion: PROTOCOL_VERSION,
    database: ctx.store.dialect,
    uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
  }));
  let openApi: ReturnType<typeof buildOpenApiDocument> | undefined;
  app.get('/api/openapi.json', async () => (openApi ??= buildOpenApiDocument(routes.specs)));
  app.get('/api/config', async () => ({ iceServers: ctx.config.iceServers }));
}
