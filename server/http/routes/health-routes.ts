// Liveness and version information for operators and load balancers.
import type { FastifyInstance } from 'fastify';
import { HealthSchema } from '../../../core/health.ts';
import { PROTOCOL_VERSION } from '../../../core/protocol-version.ts';
import type { AppContext } from '../../context.ts';
import { defineRoute, type RouteRegistry } from '../define-route.ts';
import packageJson from '../../../package.json' with { type: 'json' };

export function registerHealthRoutes(app: FastifyInstance, ctx: AppContext, registry: RouteRegistry): void {
  const startedAt = Date.now();
  defineRoute(app, ctx, registry, { method: 'GET', path: '/api/health', tag: 'system', summary: 'Service health', response: HealthSchema }, async () => ({
    status: 'ok' as const,
    version: packageJson.version,
    protocolVersion: PROTOCOL_VERSION,
    database: ctx.store.dialect,
    uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
  }));
}
