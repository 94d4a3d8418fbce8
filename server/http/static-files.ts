// Serves the built client (with SPA fallback), the product models, thumbnails, the offline XR input profiles, and the
// files of products published in Studio (from the data folder, in folders named by product id). Files the build
// compressed go out as their .br or .gz sibling to browsers that accept it; hashed files are cached for a year, the page
// and the models are revalidated by ETag.
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

/** Cache-Control of the three kinds of file: content-hashed by the build, named for what they are, or rarely changed. */
export const CACHE_CONTROL = {
  immutable: 'public, max-age=31536000, immutable',
  revalidate: 'no-cache',
  hour: 'public, max-age=3600',
} as const;

type CachePolicy = keyof typeof CACHE_CONTROL;

interface Mount {
  prefix: string;
  root: string;
  /** Whether the build wrote .br/.gz variants beside the files. */
  preCompressed: boolean;
  cache: (file: string) => CachePolicy;
  index?: string;
}

/** The client's hashed chunks live in `static/` (vite's assetsDir); everything else there (index.html) is revalidated. */
function clientCache(clientDir: string): (file: string) => CachePolicy {
  const hashed = path.join(clientDir, 'static') + path.sep;
  return (file) => (file.startsWith(hashed) ? 'immutable' : 'revalidate');
}

function headersFor(mount: Mount): (response: { setHeader(name: string, value: string): unknown }, file: string) => void {
  return (response, file) => {
    response.setHeader('Cache-Control', CACHE_CONTROL[mount.cache(file)]);
    if (mount.preCompressed) response.setHeader('Vary', 'Accept-Encoding');
  };
}

export async function registerStaticFiles(app: FastifyInstance, config: ServerConfig): Promise<void> {
  fs.mkdirSync(importedProductsDir(config.dataDir), { recursive: true });
  const hasClient = fs.existsSync(path.join(config.clientDir, 'index.html'));
  const mounts: Mount[] = [
    { prefix: '/assets/models/', root: path.join(config.assetsDir, 'build/models'), preCompressed: true, cache: () => 'revalidate' },
    { prefix: '/assets/input-profiles/', root: path.join(config.assetsDir, 'build/input-profiles'), preCompressed: true, cache: () => 'hour' },
    { prefix: '/assets/thumbnails/', root: path.join(config.assetsDir, 'thumbnails'), preCompressed: false, cache: () => 'hour' },
    { prefix: '/assets/media/', root: path.join(config.assetsDir, 'media'), preCompressed: false, cache: () => 'hour' },
    { prefix: '/assets/imported/', root: importedProductsDir(config.dataDir), preCompressed: false, cache: () => 'revalidate' },
  ];
  // First, so that reply.sendFile (the page fallback below) negotiates the page's encoding and sets its headers.
  if (hasClient) mounts.unshift({ prefix: '/', root: config.clientDir, index: 'index.html', preCompressed: true, cache: clientCache(config.clientDir) });

  for (const [index, mount] of mounts.entries()) {
    if (!fs.existsSync(mount.root)) continue;
    await app.register(fastifyStatic, {
      root: mount.root,
      prefix: mount.prefix,
      decorateReply: index === 0,
      wildcard: true,
      index: mount.index ?? false,
      preCompressed: mount.preCompressed,
      cacheControl: false,
      setHeaders: headersFor(mount),
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const url = request.url.split('?')[0] ?? '/';
    if (url === '/metrics' || url.startsWith('/api/') || url.startsWith('/assets/') || url.startsWith('/socket.io') || request.method !== 'GET' || !hasClient) {
      return reply.code(404).send(apiNotFound(url));
    }
    return reply.sendFile('index.html', config.clientDir);
  });
}
