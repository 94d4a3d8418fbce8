// The hardening headers on what the server answers: the API, the product models, and the app's pages (when built).
import fs from 'node:fs';
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
  expect(csp).not.toMatch(/https?:/);
  expect(csp).not.toContain('upgrade-insecure-requests');
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('referrer-policy')).toBe('no-referrer');
}

describe('security headers', () => {
  it('are on API answers, errors included', async () => {
    expectHardened((await fetch(`${server.url}/api/health`)).headers);
    expectHardened((await fetch(`${server.url}/api/nope`)).headers);
  });

  it('are on the product models', async () => {
    const response = await fetch(`${server.url}/assets/models/wheel-corner.glb`);
    expect(response.status).toBe(200);
    expectHardened(response.headers);
  });

  it.runIf(fs.existsSync(path.resolve('dist/client/index.html')))('are on the app’s pages, the checkout and the agent console among them', async () => {
    for (const page of ['/', '/checkout', '/agent']) {
      const response = await fetch(`${server.url}${page}`);
      expect(response.headers.get('content-type')).toMatch(/text\/html/);
      expectHardened(response.headers);
    }
  });
});
