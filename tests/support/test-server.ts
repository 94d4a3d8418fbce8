// Starts a real XR Assist server on a random port with its own database file, and connects real socket.io clients.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { io as connect, type Socket } from 'socket.io-client';
import { createServer, type RunningServer } from '../../server/app.ts';
import { loadConfig, type ServerConfig } from '../../server/platform/config.ts';
import { PROTOCOL_VERSION } from '../../core/protocol-version.ts';
import type { ClientToServerEvents, ServerToClientEvents } from '../../core/protocol.ts';
import type { LoginResponse } from '../../core/auth.ts';
import { wireParser } from '../../core/wire-parser.ts';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export interface TestServer extends RunningServer {
  dataDir: string;
  config: ServerConfig;
  /** Stops the server but keeps its database, so a test can start it again on the same file. */
  restart(): Promise<TestServer>;
}

export function makeDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'xr-assist-test-'));
}

export async function startTestServer(overrides: Partial<ServerConfig> = {}): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? makeDataDir();
  const config: ServerConfig = { ...loadConfig({ LOG_LEVEL: 'silent' }), port: 0, host: '127.0.0.1', dataDir, ...overrides };
  const server = await createServer(config);
  return {
    ...server,
    dataDir,
    config,
    async restart() {
      await server.close();
      return startTestServer({ ...config, dataDir });
    },
  };
}

export async function login(server: { url: string }, email: string, password = 'demo'): Promise<LoginResponse> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!response.ok) throw new Error(`login ${email} failed: ${response.status} ${await response.text()}`);
  return (await response.json()) as LoginResponse;
}

export interface ConnectOptions {
  token?: string;
  protocolVersion?: number;
}

/** A connected socket (resolves on `connect`, rejects with the server's handshake error). */
export function connectClient(server: { url: string }, options: ConnectOptions = {}): Promise<ClientSocket> {
  const socket: ClientSocket = connect(server.url, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    parser: wireParser,
    auth: { protocolVersion: options.protocolVersion ?? PROTOCOL_VERSION, ...(options.token ? { token: options.token } : {}) },
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', (error) => {
      socket.close();
      reject(error);
    });
  });
}

/** Resolves with the next payload of `event` on `socket`. */
export function nextEvent<T = unknown>(socket: ClientSocket, event: string, timeoutMs = 5000): Promise<T> {
  const s = socket as unknown as { once(event: string, fn: (payload: T) => void): void; off(event: string, fn: (payload: T) => void): void };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      s.off(event, handler);
      reject(new Error(`no "${event}" within ${timeoutMs} ms`));
    }, timeoutMs);
    const handler = (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    };
    s.once(event, handler);
  });
}

/** Emits with an ack and resolves with the ack's response. */
export function emitWithAck<T = unknown>(socket: ClientSocket, event: string, ...args: unknown[]): Promise<T> {
  return (socket as unknown as { timeout(ms: number): { emitWithAck(event: string, ...args: unknown[]): Promise<T> } }).timeout(5000).emitWithAck(event, ...args);
}

/** Gives `email` an ended session on `productId`: an earlier session for the agent's view of their history. */
export async function endedSession(server: { url: string }, email: string, productId: string): Promise<void> {
  const { token } = await login(server, email);
  const socket = await connectClient(server, { token });
  try {
    const created = await emitWithAck<{ ok: boolean; state?: { session: { id: string } } }>(socket, 'session:create', { productId });
    if (!created.ok || !created.state) throw new Error(`session:create refused for ${email}`);
    await emitWithAck(socket, 'session:end', { sessionId: created.state.session.id });
  } finally {
    socket.close();
  }
}
