// How files and API answers travel: precompressed brotli/gzip by Accept-Encoding, long-lived caching of hashed chunks,
// ETag revalidation of the page and the models, compressed API JSON, the glTF content type.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { precompressDir } from '../../assets/scripts/precompress.ts';
import { CACHE_CONTROL } from '../../server/http/static-files.ts';
import { makeDataDir, startTestServer, type TestServer } from '../support/test-server.ts';

const CHUNK = '/static/viewer-Ab12Cd34.js';
const CHUNK_SOURCE = Array.from({ length: 400 }, (_, index) => `export const part${index} = { sku: "PART-${index}", label: "Part number ${index}" };`).join('\n');
const PAGE = '<!doctype html><html><head><script type="module" src="/static/viewer-Ab12Cd34.js"></script></head><body><div id="root"></div></body></html>\n'.repeat(20);

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** node:http, as fetch picks its own Accept-Encoding and decodes the body before a test can see what was sent. */
function get(server: TestServer, urlPath: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    http
      .get({ host: '127.0.0.1', port: server.port, path: urlPath, headers: { connection: 'close', ...headers } }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

function decoded({ headers, body }: Answer): string {
  if (headers['content-encoding'] === 'br') return brotliDecompressSync(body).toString('utf8');
  if (headers['content-encoding'] === 'gzip') return gunzipSync(body).toString('utf8');
  return body.toString('utf8');
}

let server: TestServer;
let clientDir: string;
beforeAll(async () => {
  clientDir = makeDataDir();
  fs.mkdirSync(path.join(clientDir, 'static'));
  fs.writeFileSync(path.join(clientDir, 'index.html'), PAGE);
  fs.writeFileSync(path.join(clientDir, CHUNK), CHUNK_SOURCE);
  precompressDir(clientDir);
  server = await startTestServer({ clientDir });
});
afterAll(async () => {
  await server.close();
  fs.rmSync(clientDir, { recursive: true, force: true });
  fs.rmSync(server.dataDir, { recursive: true, force: true });
});

describe('hashed client chunks', () => {
  it('go out brotli-compressed to a browser that accepts br, cached for a year, varying by Accept-Encoding', async () => {
    const answer = await get(server, CHUNK, { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(answer.status).toBe(200);
    expect(answer.headers['content-encoding']).toBe('br');
    expect(answer.headers['content-type']).toMatch(/^text\/javascript|^application\/javascript/);
    expect(answer.headers.vary).toMatch(/accept-encoding/i);
    expect(answer.headers['cache-control']).toBe(CACHE_CONTROL.immutable);
    expect(answer.body.length).toBeLessThan(CHUNK_SOURCE.length / 3);
    expect(decoded(answer)).toBe(CHUNK_SOURCE);
  });

  it('go out gzip-compressed when only gzip is accepted', async () => {
    const answer = await get(server, CHUNK, { 'accept-encoding': 'gzip' });
    expect(answer.headers['content-encoding']).toBe('gzip');
    expect(answer.headers.vary).toMatch(/accept-encoding/i);
    expect(decoded(answer)).toBe(CHUNK_SOURCE);
  });

  it('go out as they are when no encoding is accepted', async () => {
    for (const headers of [{}, { 'accept-encoding': 'identity' }]) {
      const answer = await get(server, CHUNK, headers);
      expect(answer.headers['content-encoding']).toBeUndefined();
      expect(answer.headers['cache-control']).toBe(CACHE_CONTROL.immutable);
      expect(answer.body.toString('utf8')).toBe(CHUNK_SOURCE);
    }
  });
});

describe('the page', () => {
  it('is revalidated: an ETag, then 304 Not Modified, on / and on an app route served by the fallback', async () => {
    for (const route of ['/', '/products/wheel-corner']) {
      const first = await get(server, route, { 'accept-encoding': 'br' });
      expect(first.status).toBe(200);
      expect(first.headers['content-type']).toMatch(/^text\/html/);
      expect(first.headers['content-encoding']).toBe('br');
      expect(first.headers['cache-control']).toBe(CACHE_CONTROL.revalidate);
      expect(first.headers['content-security-policy']).toContain("default-src 'self'");
      expect(decoded(first)).toBe(PAGE);
      const etag = first.headers.etag;
      expect(etag).toBeTruthy();
      const again = await get(server, route, { 'accept-encoding': 'br', 'if-none-match': String(etag) });
      expect(again.status).toBe(304);
      expect(again.body.length).toBe(0);
    }
  });
});

describe('API answers', () => {
  it('are compressed above a small size, and small ones are not', async () => {
    const large = await get(server, '/api/openapi.json', { 'accept-encoding': 'br' });
    expect(large.status).toBe(200);
    expect(large.headers['content-encoding']).toBe('br');
    expect(large.headers.vary).toMatch(/accept-encoding/i);
    const document = JSON.parse(decoded(large)) as { openapi?: string };
    expect(document.openapi).toMatch(/^3\./);
    expect(large.body.length).toBeLessThan(Buffer.byteLength(decoded(large)) / 3);

    const gzip = await get(server, '/api/products', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(Array.isArray((JSON.parse(decoded(gzip)) as { products?: unknown[] }).products)).toBe(true);

    const small = await get(server, '/api/health/live', { 'accept-encoding': 'br' });
    expect(small.status).toBe(200);
    expect(small.headers['content-encoding']).toBeUndefined();
  });
});

describe('product models', () => {
  it('are glTF binaries, sent compressed and revalidated by ETag', async () => {
    const plain = await get(server, '/assets/models/wheel-corner.glb');
    expect(plain.status).toBe(200);
    expect(plain.headers['content-type']).toBe('model/gltf-binary');
    expect(plain.body.subarray(0, 4).toString('latin1')).toBe('glTF');

    const brotli = await get(server, '/assets/models/wheel-corner.glb', { 'accept-encoding': 'gzip, br' });
    expect(brotli.headers['content-type']).toBe('model/gltf-binary');
    expect(brotli.headers['content-encoding']).toBe('br');
    expect(brotli.headers['cache-control']).toBe(CACHE_CONTROL.revalidate);
    expect(brotli.body.length).toBeLessThan(plain.body.length);
    expect(brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);

    const again = await get(server, '/assets/models/wheel-corner.glb', { 'accept-encoding': 'gzip, br', 'if-none-match': String(brotli.headers.etag) });
    expect(again.status).toBe(304);
  });
});
