// Routes of the service itself: health for operators and load balancers, the OpenAPI document, the client's call config.
import { z } from 'zod';
import { ClientConfigSchema } from '../../core/client-config.ts';
import { HealthSchema } from '../../core/health.ts';
import { PROTOCOL_VERSION } from '../../core/protocol-version.ts';
import type { AppContext } from '../platform/context.ts';
import type { RouteTable } from './define-route.ts';
import { buildOpenApiDocument } from './openapi.ts';
import packageJson from '../../package.json' with { type: 'json' };

/** The OpenAPI document describes every route of the table, built on its first request (once all are defined). */
export function registerSystemRoutes(routes: RouteTable, ctx: AppContext): void {
  const startedAt = Date.now();
  routes.define({ method: 'GET', path: '/api/health', operationId: 'getHealth', tag: 'system', summary: 'Service health', response: HealthSchema }, async () => ({
    status: 'ok' as const,
    version: packageJson.version,
    protocolVersion: PROTOCOL_VERSION,
    database: ctx.store.dialect,
    uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
  }));
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
