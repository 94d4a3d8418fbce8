// Routes of the service itself: health, liveness and readiness for operators and load balancers, the OpenAPI document,
// the client's call config.
import { sql } from 'kysely';
import { z } from 'zod';
import { AppError } from '../../core/errors.ts';
import { ClientConfigSchema } from '../../core/client-config.ts';
import { HealthSchema, ProbeSchema } from '../../core/health.ts';
import { PROTOCOL_VERSION } from '../../core/protocol-version.ts';
import type { AppContext } from '../platform/context.ts';
import { shuttingDown, type Lifecycle } from '../platform/lifecycle.ts';
import type { RouteTable } from './define-route.ts';
import { buildOpenApiDocument } from './openapi.ts';
import packageJson from '../../package.json' with { type: 'json' };

/** The OpenAPI document describes every route of the table, built on its first request (once all are defined). */
export function registerSystemRoutes(routes: RouteTable, ctx: AppContext, lifecycle: Pick<Lifecycle, 'accepting'>): void {
  const startedAt = Date.now();
  routes.define({ method: 'GET', path: '/api/health', operationId: 'getHealth', tag: 'system', summary: 'Service health', response: HealthSchema }, async () => ({
    status: 'ok' as const,
    version: packageJson.version,
    protocolVersion: PROTOCOL_VERSION,
    database: ctx.store.dialect,
    uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
  }));
  routes.define(
    { method: 'GET', path: '/api/health/live', operationId: 'getLiveness', tag: 'system', summary: 'Liveness: the process answers (restart it when this fails)', response: ProbeSchema },
    async () => ({ status: 'live' as const }),
  );
  routes.define(
    {
      method: 'GET',
      path: '/api/health/ready',
      operationId: 'getReadiness',
      tag: 'system',
      summary: 'Readiness: this node takes new work and reaches its database; 503 while it shuts down (send traffic elsewhere)',
      response: ProbeSchema,
      errors: [503],
    },
    async () => {
      if (!lifecycle.accepting) throw shuttingDown();
      await sql`select 1`.execute(ctx.store.db).catch(() => {
        throw new AppError('unavailable', 'This node cannot reach its database.');
      });
      return { status: 'ready' as const };
    },
  );
  let openApi: ReturnType<typeof buildOpenApiDocument> | undefined;
  routes.define(
    { method: 'GET', path: '/api/openapi.json', operationId: 'getOpenApiDocument', tag: 'system', summary: 'This document: the HTTP API in OpenAPI 3.1', response: z.record(z.string(), z.unknown()) },
    async () => (openApi ??= buildOpenApiDocument(routes.specs)),
  );
  routes.define(
    { method: 'GET', path: '/api/config', operationId: 'getClientConfig', tag: 'system', summary: 'What the browser needs from the deployment: STUN/TURN servers for voice calls', response: ClientConfigSchema },
    async () => ({ iceServers: ctx.config.iceServers }),
  );
}
