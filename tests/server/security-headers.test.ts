// The hardening headers on what the server answers: the API, the product models, and the app's pages (when built).
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

function expectHardened(headers: Headers): void {
  const csp = headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toMatch(/style-src 'self' ?;/);
  expect(csp).not.toMatch(/https?:/);
  expect(csp).not.toContain('upgrade-insecure-requests');
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
}

describe('security headers', () => {
  it('are on API answers, errors included', async () => {
    for (const path of ['/api/health', '/api/nope']) {
      const response = await fetch(`${server.url}${path}`);
      await response.text();
      expectHardened(response.headers);
    }
  });

  it('are on the product models', async () => {
    const response = await fetch(`${server.url}/assets/models/wheel-corner.glb`);
    expect(response.status).toBe(200);
    await response.arrayBuffer();
    expectHardened(response.headers);
  });

  it('let inline styles in only on the developer emulator page, on localhost', async () => {
    // node:http, as fetch does not send a Host of our choosing.
    const styles = (path: string, host = `127.0.0.1:${server.port}`) =>
      new Promise<string | undefined>((resolve, reject) => {
        http
          .get({ host: '127.0.0.1', port: server.port, path, headers: { host, connection: 'close' } }, (response) => {
            response.resume();
            resolve(/style-src ([^;]*)/.exec(String(response.headers['content-security-policy']))?.[1]?.trim());
          })
          .on('error', reject);
      });
    expect(await styles('/products/wheel-corner?emulate=1')).toBe("'self' 'unsafe-inline'");
    expect(await styles('/products/wheel-corner?emulate=1', `localhost:${server.port}`)).toBe("'self' 'unsafe-inline'");
    expect(await styles('/products/wheel-corner?emulate=1', 'shop.example')).toBe("'self'");
    expect(await styles('/products/wheel-corner')).toBe("'self'");
  });

  it.runIf(fs.existsSync(path.resolve('dist/client/index.html')))('are on the app’s pages, the checkout and the agent console among them', async () => {
    for (const page of ['/', '/checkout', '/agent']) {
      const response = await fetch(`${server.url}${page}`);
      await response.text();
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expectHardened(response.headers);
    }
  });
});
