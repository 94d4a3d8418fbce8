// Health, OpenAPI, sign-in, JSON errors and the versioned Socket.IO handshake against a real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../core/protocol-version.ts';
import { connectClient, emitWithAck, login, nextEvent, startTestServer, type TestServer } from '../support/test-server.ts';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

describe('HTTP basics', () => {
  it('reports health with the database in use', async () => {
    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', protocolVersion: PROTOCOL_VERSION, database: 'sqlite' });
  });

  it('describes the API in an OpenAPI document generated from the schemas', async () => {
    const doc = (await (await fetch(`${server.url}/api/openapi.json`)).json()) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/products', '/api/products/{id}', '/api/parts/{sku}', '/api/auth/login']));
    expect(JSON.stringify(doc.paths['/api/auth/login'])).toContain('password');
  });

  it('answers unknown API paths with a JSON 404', async () => {
    const response = await fetch(`${server.url}/api/nope`);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: 'not_found', message: expect.stringContaining('/api/nope') } });
  });

  it('answers malformed JSON with a 400 JSON error', async () => {
    const response = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"email":' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('bad_request');
  });
});

describe('sign-in', () => {
  it('signs in a demo user and the token identifies them', async () => {
    const { token, user } = await login(server, 'agent.es@demo.local');
    expect(user).toMatchObject({ role: 'agent', languages: ['es'] });
    const me = await fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(await me.json()).toEqual({ user });
  });

  it('refuses a wrong password with 401 and a field-named 400 for a bad e-mail', async () => {
    const wrong = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'tech@demo.local', password: 'nope' }) });
    expect(wrong.status).toBe(401);
    const bad = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'not-an-email', password: 'x' }) });
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as { error: { issues: Array<{ path: string }> } };
    expect(body.error.issues.map((issue) => issue.path)).toContain('body.email');
  });

  it('refuses a forged token with 401', async () => {
    const response = await fetch(`${server.url}/api/auth/me`, { headers: { authorization: 'Bearer abc.def.ghi' } });
    expect(response.status).toBe(401);
  });

  it('keeps tokens valid across a restart on the same database', async () => {
    const { token } = await login(server, 'tech@demo.local');
    server = await server.restart();
    const me = await fetch(`${server.url}/api/auth/me`, { headers: { authorization: `Bearer ${token}` } });
    expect(me.status).toBe(200);
  });
});

describe('realtime handshake', () => {
  it('greets a client of the same protocol version and answers acks', async () => {
    const { token, user } = await login(server, 'tech@demo.local');
    const socket = await connectClient(server, { token });
    try {
      const hello = await Promise.race([nextEvent<{ user: { id: string } }>(socket, 'hello'), emitWithAck(socket, 'ping:echo', { at: 1 }).then(() => null)]);
      if (hello) expect(hello.user.id).toBe(user.id);
      expect(await emitWithAck(socket, 'ping:echo', { at: 42 })).toMatchObject({ ok: true, at: 42 });
      expect(await emitWithAck(socket, 'ping:echo', { at: 'x' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    } finally {
      socket.close();
    }
  });

  it('refuses another protocol version with a clear error', async () => {
    const error = await connectClient(server, { protocolVersion: PROTOCOL_VERSION + 1 }).catch((e: Error & { data?: unknown }) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error & { data: { code: string; message: string } }).data).toMatchObject({ code: 'protocol_mismatch', message: expect.stringContaining('Reload') });
  });

  it('refuses an invalid token at the handshake', async () => {
    const error = (await connectClient(server, { token: 'forged' }).catch((e: unknown) => e)) as Error & { data: { code: string } };
    expect(error.data.code).toBe('unauthorized');
  });
});
