// Serves the Prometheus metrics at `/metrics`: on an internal port (METRICS_PORT on METRICS_HOST), and/or on the main
// port to requests bearing METRICS_TOKEN. Off when neither is set.
import { timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import type { Registry } from 'prom-client';
import { AppError } from '../../core/errors.ts';
import type { ServerConfig } from '../platform/config.ts';

export interface MetricsEndpoint {
  /** The internal port's address when one was opened. */
  url: string | null;
  close(): Promise<void>;
}

function bearerMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(/^Bearer (.+)$/i.exec(header ?? '')?.[1] ?? '');
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

export async function serveMetrics(app: FastifyInstance, registry: Registry, config: Pick<ServerConfig, 'metricsPort' | 'metricsHost' | 'metricsToken'>): Promise<MetricsEndpoint> {
  const { metricsToken: token } = config;
  if (token) {
    app.get('/metrics', async (request, reply) => {
      if (!bearerMatches(request.headers.authorization, token)) throw new AppError('unauthorized', 'The metrics need the bearer token of this deployment.');
      return reply.type(registry.contentType).send(await registry.metrics());
    });
  }
  if (config.metricsPort === undefined) return { url: null, close: async () => undefined };
  const server = http.createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(config.metricsPort, config.metricsHost, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${config.metricsHost}:${port}/metrics`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
