// Helpers for the assist and session tests: signed-in sockets, typed acks, event recorders and extra users.
import { io as connect } from 'socket.io-client';
import { afterAll, beforeAll, expect } from 'vitest';
import { createUser } from '../../server/auth/user-repository.ts';
import { PROTOCOL_VERSION } from '../../core/protocol-version.ts';
import type { AckResponse } from '../../core/ack.ts';
import type { ClientToServerEvents } from '../../core/protocol.ts';
import type { User } from '../../core/auth.ts';
import type { SessionJoinResult } from '../../core/session-events.ts';
import type { SessionLogEntry } from '../../core/session.ts';
import { wireParser } from '../../core/wire-parser.ts';
import type { TestCluster } from '../support/cluster.ts';
import { connectClient, login, startTestServer, type ClientSocket, type TestServer } from '../support/test-server.ts';

export interface Person {
  user: User;
  token: string;
  socket: ClientSocket;
}

type EventName = keyof ClientToServerEvents & string;
type AckOf<E extends EventName> = Parameters<ClientToServerEvents[E]> extends [unknown, (response: infer R) => void] ? R : never;
type OkOf<R> = R extends { ok: true } ? R : never;

const opened: ClientSocket[] = [];

export async function signIn(server: { url: string }, email: string, options: { recoverable?: boolean } = {}): Promise<Person> {
  const { token, user } = await login(server, email);
  const socket = options.recoverable ? await connectRecoverable(server, token) : await connectClient(server, { token });
  opened.push(socket);
  return { user, token, socket };
}

/** A socket that reconnects by itself quickly, as a phone on a flaky network does. */
export function connectRecoverable(server: { url: string }, token: string): Promise<ClientSocket> {
  const socket: ClientSocket = connect(server.url, {
    transports: ['websocket'],
    forceNew: true,
    reconnectionDelay: 50,
    reconnectionDelayMax: 100,
    parser: wireParser,
    auth: { protocolVersion: PROTOCOL_VERSION, token },
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** The network drops under the socket (not a sign-out); it comes back when the test says so, not at a random moment. */
export async function dropConnection(person: Person): Promise<void> {
  const disconnected = new Promise((resolve) => person.socket.once('disconnect', resolve));
  person.socket.io.reconnection(false);
  person.socket.io.engine.close();
  await disconnected;
}

export async function reconnect(person: Person): Promise<void> {
  const connected = new Promise((resolve) => person.socket.once('connect', () => resolve(undefined)));
  person.socket.connect();
  await connected;
}

export function closeAll(): void {
  for (const socket of opened.splice(0)) socket.close();
}

/** Emits any event name with any payload, as a buggy or hostile client would. */
export function emitAck(socket: ClientSocket, event: string, payload: unknown): Promise<AckResponse> {
  return (socket as unknown as { timeout(ms: number): { emitWithAck(event: string, payload: unknown): Promise<AckResponse> } }).timeout(5000).emitWithAck(event, payload);
}

export async function send<E extends EventName>(socket: ClientSocket, event: E, payload: unknown): Promise<AckOf<E>> {
  return (await emitAck(socket, event, payload)) as AckOf<E>;
}

/** Sends and expects an ok ack. */
export async function ok<E extends EventName>(socket: ClientSocket, event: E, payload: unknown): Promise<OkOf<AckOf<E>>> {
  const response = await emitAck(socket, event, payload);
  if (!response.ok) throw new Error(`${event} failed: ${response.error.code} ${response.error.message}`);
  return response as OkOf<AckOf<E>>;
}

/** Sends and expects an error ack with `code`. */
export async function refused(socket: ClientSocket, event: EventName, payload: unknown, code: string): Promise<void> {
  const response = await emitAck(socket, event, payload);
  expect(response, `${event} ${JSON.stringify(payload)?.slice(0, 120)}`).toMatchObject({ ok: false, error: { code } });
}

/** Records every payload of `event` from now on. */
export function record<T>(socket: ClientSocket, event: string): T[] {
  const seen: T[] = [];
  (socket as unknown as { on(event: string, fn: (payload: T) => void): void }).on(event, (payload) => seen.push(payload));
  return seen;
}

export async function until(condition: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function openSession(person: Person, productId = 'wheel-corner', language?: 'en' | 'es'): Promise<SessionJoinResult> {
  return ok(person.socket, 'session:create', language ? { productId, language } : { productId });
}

export async function requestHelp(person: Person, sessionId: string, language: 'en' | 'es', productId = 'wheel-corner') {
  return ok(person.socket, 'help:request', { sessionId, context: { productId, language, stepId: 'remove-caliper', progressSummary: 'step 3 of 8' } });
}

/** A technician with an accepted agent in a wheel-corner session. */
export async function helpedSession(server: TestServer): Promise<{ tech: Person; agent: Person; sessionId: string; requestId: string }> {
  const tech = await signIn(server, 'tech@demo.local');
  const agent = await signIn(server, 'agent@demo.local');
  const { state } = await openSession(tech);
  const { requestId } = await requestHelp(tech, state.session.id, 'en');
  await ok(agent.socket, 'help:accept', { requestId });
  return { tech, agent, sessionId: state.session.id, requestId };
}

type ClusterNode = TestCluster['nodes'][number];

/** The failover arrangement: the technician on node A through the cluster's proxy (recoverable socket), the agent on node B, help accepted. */
export async function helpedAcrossNodes(cluster: TestCluster): Promise<{ nodeA: ClusterNode; nodeB: ClusterNode; tech: Person; agent: Person; sessionId: string }> {
  const [nodeA, nodeB] = cluster.nodes as [ClusterNode, ClusterNode];
  cluster.route([nodeA]);
  const tech = await signIn({ url: cluster.url }, 'tech@demo.local', { recoverable: true });
  const agent = await signIn(nodeB, 'agent@demo.local');
  cluster.route([nodeA, nodeB]);
  const { state } = await openSession(tech);
  const { requestId } = await requestHelp(tech, state.session.id, 'en');
  await ok(agent.socket, 'help:accept', { requestId });
  return { nodeA, nodeB, tech, agent, sessionId: state.session.id };
}

let userCounter = 0;
export async function createPerson(server: TestServer, fields: Pick<User, 'role' | 'languages' | 'skills'>): Promise<Person> {
  userCounter += 1;
  const email = `extra${userCounter}-${Date.now()}@demo.local`;
  await createUser(server.ctx.store.db, { ...fields, email, name: `Extra ${userCounter}`, password: 'demo' });
  return signIn(server, email);
}

export const seqs = (entries: readonly SessionLogEntry[]) => entries.map((entry) => entry.seq);

/** Starts a real server for the file and, after it, closes every socket opened here and the server. */
export function useAssistServer(): { server: TestServer } {
  const live = {} as { server: TestServer };
  beforeAll(async () => {
    live.server = await startTestServer();
  });
  afterAll(async () => {
    closeAll();
    await live.server.close();
  });
  return live;
}
