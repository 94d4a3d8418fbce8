// Serves the built client (with SPA fallback), the product models, thumbnails, the offline XR input profiles, and the
// files of products published in Studio (from the data folder, in folders named by product id).
import fs from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import type { ServerConfig } from '../platform/config.ts';
import { apiNotFound } from './error-handler.ts';

/** Where Studio publishes products: `<dataDir>/studio/products/<product id>/{model.glb,thumbnail.png}`. */
export function importedProductsDir(dataDir: string): string {
  return path.join(dataDir, 'studio', 'products');
}

export async function registerStaticFiles(app: FastifyInstance, config: ServerConfig): Promise<void> {
  const mounts: Array<{ prefix: string; root: string; index?: string }> = [
    { prefix: '/assets/models/', root: path.join(config.assetsDir, 'build/models') },
    { prefix: '/assets/input-profiles/', root: path.join(config.assetsDir, 'build/input-profiles') },
    { prefix: '/assets/thumbnails/', root: path.join(config.assetsDir, 'thumbnails') },
    { prefix: '/assets/media/', root: path.join(config.assetsDir, 'media') },
    { prefix: '/assets/imported/', root: importedProductsDir(config.dataDir) },
  ];
  fs.mkdirSync(importedProductsDir(config.dataDir), { recursive: true });
  const hasClient = fs.existsSync(path.join(config.clientDir, 'index.html'));
  if (hasClient) mounts.push({ prefix: '/', root: config.clientDir, index: 'index.html' });

  for (const [index, mount] of mounts.entries()) {
    if (!fs.existsSync(mount.root)) continue;
    await app.register(fastifyStatic, { root: mount.root, prefix: mount.prefix, decorateReply: index === 0, wildcard: true, index: mount.index ?? false, maxAge: '1h' });
  }

  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (url === '/metrics' || url.startsWith('/api/') || url.startsWith('/assets/') || url.startsWith('/socket.io') || request.method !== 'GET' || !hasClient) {
      return reply.code(404).send(apiNotFound(url));
    }
    return reply.type('text/html').send(fs.createReadStream(path.join(config.clientDir, 'index.html')));
  });
}
