// Who may open sockets, and how many, against a real server: the Origin of browsers, a cap per address and on anonymous
// sockets, each refused with a message a person understands; a socket given back frees its place.
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION } from '../../core/protocol-version.ts';
import { wireParser } from '../../core/wire-parser.ts';
import { clientAddress } from '../../server/realtime/connection-guard.ts';
import { connectClient, login, startTestServer, type ClientSocket, type TestServer } from '../support/test-server.ts';
import { useTestServer } from '../support/use-test-server.ts';

/** Connects with an `Origin` header, as a browser page on that origin would; resolves with the socket or the refusal. */
function connectFrom(server: TestServer, origin: string | null): Promise<ClientSocket | Error> {
  const socket: ClientSocket = connect(server.url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    parser: wireParser,
    auth: { protocolVersion: PROTOCOL_VERSION },
    ...(origin ? { extraHeaders: { origin } } : {}),
  });
  return new Promise((resolve) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      resolve(error);
    });
  });
}

const refusalOf = (error: unknown) => (error as { data?: unknown }).data;

async function pollingStatus(server: TestServer, origin: string): Promise<number> {
  const response = await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`, { headers: { origin } });
  await response.text();
  return response.status;
}

describe('the Origin of a socket', () => {
  let sameOrigin: TestServer;
  let configured: TestServer;
  beforeAll(async () => {
    [sameOrigin, configured] = await Promise.all([startTestServer(), startTestServer({ publicOrigins: ['https://shop.example'] })]);
  });
  afterAll(async () => {
    await Promise.all([sameOrigin.close(), configured.close()]);
  });

  it('lets the page of the same origin in and refuses a page of another site, on websocket and polling', async () => {
    const own = await connectFrom(sameOrigin, sameOrigin.url);
    expect(own).not.toBeInstanceOf(Error);
    (own as ClientSocket).close();
    expect(await connectFrom(sameOrigin, 'https://evil.example')).toBeInstanceOf(Error);
    expect(await pollingStatus(sameOrigin, 'https://evil.example')).toBe(403);
    expect(await pollingStatus(sameOrigin, sameOrigin.url)).toBe(200);
  });

  it('takes only the configured public origins when PUBLIC_ORIGINS is set', async () => {
    const shop = await connectFrom(configured, 'https://shop.example');
    expect(shop).not.toBeInstanceOf(Error);
    (shop as ClientSocket).close();
    expect(await connectFrom(configured, configured.url)).toBeInstanceOf(Error);
    expect(await connectFrom(configured, 'https://shop.example.evil.example')).toBeInstanceOf(Error);
  });

  it('lets a program without an Origin in (it is no browser page of another site)', async () => {
    const program = await connectFrom(configured, null);
    expect(program).not.toBeInstanceOf(Error);
    (program as ClientSocket).close();
  });
});

describe('socket caps', () => {
  const live = useTestServer({ maxSocketsPerAddress: 4, maxAnonymousSockets: 2 });
  const open: ClientSocket[] = [];
  afterAll(() => {
    for (const socket of open) socket.close();
  });

  /** Connects once the server has seen a closed socket go (a refusal meanwhile is tried again). */
  async function connectOnceFreed(token: string): Promise<ClientSocket> {
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await connectClient(live.server, { token });
      } catch (error) {
        if (attempt === 50) throw error;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  }

  it('refuses a third anonymous socket, while a signed-in one still connects', async () => {
    open.push(await connectClient(live.server), await connectClient(live.server));
    await expect(connectClient(live.server)).rejects.toMatchObject({ data: { code: 'rate_limited', message: 'The service is busy. Sign in, or try again in a moment.' } });
    const { token } = await login(live.server, 'tech@demo.local');
    open.push(await connectClient(live.server, { token }));
  });

  it('refuses a fifth socket from one address, signed in or not, and takes one again when another closes', async () => {
    const { token } = await login(live.server, 'agent@demo.local');
    open.push(await connectClient(live.server, { token }));
    const refused = await connectClient(live.server, { token }).catch((error: unknown) => error);
    expect(refusalOf(refused)).toEqual({ code: 'rate_limited', message: 'Too many open connections from your network. Close some tabs or windows of the app and try again.' });
    open.pop()!.close();
    open.push(await connectOnceFreed(token));
  });

  it('counts the client behind trusted proxies by X-Forwarded-For, and the peer otherwise', () => {
    expect(clientAddress('10.0.0.2', '203.0.113.7, 10.0.0.1', 0)).toBe('10.0.0.2');
    expect(clientAddress('10.0.0.2', '203.0.113.7, 10.0.0.1', 1)).toBe('10.0.0.1');
    expect(clientAddress('10.0.0.2', '203.0.113.7, 10.0.0.1', 2)).toBe('203.0.113.7');
    expect(clientAddress('10.0.0.2', '203.0.113.7', 5)).toBe('203.0.113.7');
    expect(clientAddress('::ffff:127.0.0.1', undefined, 0)).toBe('127.0.0.1');
  });
});
