// Compresses API JSON answers on the fly (brotli or gzip, as the client accepts); static files come precompressed instead.
import { constants } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import fastifyCompress from '@fastify/compress';

/** JSON and problem+json; pages, scripts and models are left to the static files' precompressed variants. */
const JSON_TYPES = /^application\/(?:[\w.-]+\+)?json\b/;

/** Smaller answers go out as they are: below about one packet, compressing saves nothing on the wire. @default 1024 */
export const COMPRESS_THRESHOLD_BYTES = 1024;

export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(fastifyCompress, {
    global: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: COMPRESS_THRESHOLD_BYTES,
    customTypes: JSON_TYPES,
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
  });
}
