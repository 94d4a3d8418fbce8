// Two real nodes on one Postgres database and one Redis: queue, callbacks, session log, pose and presence cross between them.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallbackUpdate, QueueUpdate } from '../../core/help.ts';
import type { PresenceChanged } from '../../core/session-events.ts';
import type { SessionLogEntry } from '../../core/session.ts';
import { decodePoseFrame, encodePoseFrame, sessionPoseChannel, type PoseSample } from '../../core/pose-frame.ts';
import { connectClient, startTestServer, type ClientSocket, type TestServer } from '../support/test-server.ts';
import { createTestDatabase, probePostgres, type TestDatabase } from '../support/postgres.ts';
import { deleteRedisKeys, probeRedis, TEST_REDIS_URL } from '../support/redis.ts';
import { closeAll, ok, openSession, record, refused, requestHelp, signIn, sleep, until, type Person } from './assist-support.ts';

const [postgres, redis] = await Promise.all([probePostgres(), probeRedis()]);

async function eventually(condition: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!(await condition())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

/** A list in the agent console: asked for once on connect, then the pushed snapshot of highest revision is kept. */
function consoleList<U extends { revision: number }>(socket: ClientSocket, pushed: 'queue:updated' | 'callbacks:updated', get: 'queue:get' | 'callbacks:get', idsOf: (update: U) => string[]) {
  const view = { ids: [] as string[], revision: -1 };
  const apply = (update: U) => {
    if (update.revision < view.revision) return;
    view.ids = idsOf(update);
    view.revision = update.revision;
  };
  (socket as unknown as { on(event: string, fn: (update: U) => void): void }).on(pushed, apply);
  return { view, opened: ok(socket, get, {}).then((update) => apply(update as unknown as U)) };
}

const consoleQueue = (socket: ClientSocket) => consoleList<QueueUpdate>(socket, 'queue:updated', 'queue:get', (update) => update.requests.map((request) => request.requestId));
const callbackBoard = (socket: ClientSocket) => consoleList<CallbackUpdate>(socket, 'callbacks:updated', 'callbacks:get', (update) => update.callbacks.map((callback) => callback.id));

const sample = (t: number): PoseSample => ({ t, head: { position: [0.25, 1.6, -0.5], quaternion: [0, 0.3827, 0, 0.9239] }, right: { position: [0.2, 1.1, -0.4], quaternion: [0, 0, 0, 1] } });

describe.skipIf(!postgres.reachable || !redis.reachable)('two nodes on one database and one Redis', () => {
  const prefix = `xr-test-${randomBytes(6).toString('hex')}`;
  let database: TestDatabase | undefined;
  let nodeA: TestServer;
  let nodeB: TestServer;

  /** Waits until `from` counts the node of `to` among its peers (a new node is known after its first heartbeat). */
  async function knows(from: TestServer, to: TestServer): Promise<void> {
    const probe = await connectClient(to);
    try {
      await eventually(async () => (await from.realtime.io.fetchSockets()).some((socket) => socket.id === probe.id), 'the nodes to find each other');
    } finally {
      probe.close();
    }
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    const shared = { databaseUrl: database.url, redisUrl: TEST_REDIS_URL, redisPrefix: prefix };
    nodeA = await startTestServer(shared);
    nodeB = await startTestServer(shared);
    await Promise.all([knows(nodeA, nodeB), knows(nodeB, nodeA)]);
  });
  afterAll(async () => {
    closeAll();
    await nodeA?.close();
    await nodeB?.close();
    await database?.drop();
    await deleteRedisKeys(prefix);
  });

  /** A technician on node A with an agent on node B who accepted their request. */
  async function helpedAcrossNodes(): Promise<{ tech: Person; agent: Person; sessionId: string; requestId: string }> {
    const tech = await signIn(nodeA, 'tech@demo.local');
    const agent = await signIn(nodeB, 'agent@demo.local');
    const { state } = await openSession(tech);
    const { requestId } = await requestHelp(tech, state.session.id, 'en');
    await ok(agent.socket, 'help:accept', { requestId });
    return { tech, agent, sessionId: state.session.id, requestId };
  }

  it('a request made on node A reaches the queue of an agent on node B (whose node pushed more snapshots), who accepts it; agents on A see it taken', async () => {
    const agent = await signIn(nodeB, 'agent@demo.local');
    const pushes = record<QueueUpdate>(agent.socket, 'queue:updated');
    const agentQueue = consoleQueue(agent.socket);
    await agentQueue.opened;
    await until(() => pushes.length >= 1, 5000, 'a queue push for the agent signing in on B');
    const colleague = await signIn(nodeB, 'agent.es@demo.local');
    await until(() => pushes.length >= 2, 5000, 'a queue push for a colleague signing in on B');
    colleague.socket.close();
    await until(() => pushes.length >= 3, 5000, 'a queue push for the colleague signing out on B');

    const agentOnA = await signIn(nodeA, 'agent.es@demo.local');
    const otherQueue = consoleQueue(agentOnA.socket);
    await otherQueue.opened;
    const tech = await signIn(nodeA, 'tech@demo.local');
    const { state } = await openSession(tech, 'wheel-corner', 'es');
    const help = await requestHelp(tech, state.session.id, 'es');
    expect(help).toMatchObject({ noAgentOnline: false, agentsOnline: 2 });
    await until(() => agentQueue.view.ids.includes(help.requestId), 5000, 'the request in the queue of the agent on B');
    await until(() => otherQueue.view.ids.includes(help.requestId), 5000, 'the request in the queue of the agent on A');

    const heard = record<SessionLogEntry>(tech.socket, 'session:event');
    const accepted = await ok(agent.socket, 'help:accept', { requestId: help.requestId });
    expect(accepted.state.help).toMatchObject({ requestId: help.requestId, status: 'active', agentId: agent.user.id });
    await until(() => heard.length === 2, 5000, 'the acceptance at the technician on A');
    expect(heard.map((entry) => entry.type)).toEqual(['member.joined', 'help.accepted']);
    await until(() => !otherQueue.view.ids.includes(help.requestId) && !agentQueue.view.ids.includes(help.requestId), 5000, 'the request gone from both queues');
  });

  it('a callback request left on one node is on the boards of agents on both, and one marked done on either is gone from both', async () => {
    const agentOnA = await signIn(nodeA, 'agent@demo.local');
    const agentOnB = await signIn(nodeB, 'agent.es@demo.local');
    const boardA = callbackBoard(agentOnA.socket);
    const boardB = callbackBoard(agentOnB.socket);
    await Promise.all([boardA.opened, boardB.opened]);
    const leave = async (person: Person, note: string) => {
      const { state } = await openSession(person, 'water-heater', 'es');
      return (await ok(person.socket, 'help:callback', { sessionId: state.session.id, note })).callback.id;
    };

    const first = await leave(await signIn(nodeB, 'customer@demo.local'), 'Por la mañana');
    await until(() => boardA.view.ids.includes(first) && boardB.view.ids.includes(first), 5000, 'the callback left on B on both boards');
    await ok(agentOnB.socket, 'help:callback-done', { callbackId: first });
    await until(() => !boardA.view.ids.includes(first) && !boardB.view.ids.includes(first), 5000, 'the callback done on B gone from both boards');

    const second = await leave(await signIn(nodeA, 'tech@demo.local'), 'Por la tarde');
    await until(() => boardA.view.ids.includes(second) && boardB.view.ids.includes(second), 5000, 'the callback left on A on both boards');
    await ok(agentOnA.socket, 'help:callback-done', { callbackId: second });
    await until(() => boardA.view.ids.length === 0 && boardB.view.ids.length === 0, 5000, 'the callback done on A gone from both boards');
  });

  it('chat and annotations cross nodes both ways, in order, exactly once, and a socket moved to the other node catches up', async () => {
    const { tech, agent, sessionId } = await helpedAcrossNodes();
    const atTech = record<SessionLogEntry>(tech.socket, 'session:event');
    const atAgent = record<SessionLogEntry>(agent.socket, 'session:event');
    const { state: before } = await ok(tech.socket, 'session:join', { sessionId });

    const sent = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        index % 2
          ? ok(tech.socket, 'chat:send', { sessionId, text: `tech ${index}` })
          : ok(agent.socket, 'annotation:add', { sessionId, partId: 'caliper', localPoint: [0, 0, index / 1000], localNormal: [0, 1, 0], kind: 'pin', text: `agent ${index}` }),
      ),
    );
    const byTech = sent.filter((_, index) => index % 2).map((ack) => ack.entry);
    const byAgent = sent.filter((_, index) => !(index % 2)).map((ack) => ack.entry);
    await until(() => atTech.length >= 10 && atAgent.length >= 10, 5000, 'each side to hear the other');
    await sleep(200);
    const ascending = (entries: SessionLogEntry[]) => [...entries].sort((a, b) => a.seq - b.seq);
    expect(atAgent).toEqual(ascending(byTech));
    expect(atTech).toEqual(ascending(byAgent));
    expect(atAgent.every((entry) => entry.type === 'chat')).toBe(true);
    expect(atTech.every((entry) => entry.type === 'annotation.added')).toBe(true);

    const { log } = await ok(agent.socket, 'session:log', { sessionId, sinceSeq: before.lastSeq });
    expect(log).toEqual(ascending([...byTech, ...byAgent]));

    const moved = await signIn(nodeB, 'tech@demo.local');
    const half = log[9] as SessionLogEntry;
    const { state, log: missed } = await ok(moved.socket, 'session:join', { sessionId, sinceSeq: half.seq });
    expect(missed).toEqual(log.slice(10));
    expect(state.annotations).toHaveLength(10);
    const heardOnB = record<SessionLogEntry>(moved.socket, 'session:event');
    const { entry } = await ok(agent.socket, 'chat:send', { sessionId, text: 'still there?' });
    await until(() => heardOnB.length === 1 && atTech.length === 11, 5000, 'the next message at both technician sockets');
    expect(heardOnB).toEqual([entry]);
    expect(atTech[10]).toEqual(entry);
  });

  it('pose frames from the technician on A reach the agent on B, and only them', async () => {
    const { tech, agent, sessionId } = await helpedAcrossNodes();
    const bystander = await helpedAcrossNodes();
    const channel = sessionPoseChannel(sessionId);
    const atAgent = record<Uint8Array>(agent.socket, 'pose:update');
    const atTech = record<Uint8Array>(tech.socket, 'pose:update');
    const atBystander = record<Uint8Array>(bystander.agent.socket, 'pose:update');

    for (let index = 0; index < 5; index += 1) {
      tech.socket.volatile.emit('pose:update', encodePoseFrame(channel, sample(1000 + index * 33)));
      await sleep(34);
    }
    await until(() => atAgent.length === 5, 5000, 'five pose frames at the agent on B');
    expect(atAgent.map((frame) => decodePoseFrame(new Uint8Array(frame))?.sample.t)).toEqual([1000, 1033, 1066, 1099, 1132]);
    const last = decodePoseFrame(new Uint8Array(atAgent[4] as Uint8Array));
    expect(last?.channel).toBe(channel);
    expect(last?.sample.head?.position).toEqual([0.25, 1.6, -0.5]);
    expect(last?.sample.right?.quaternion).toEqual([0, 0, 0, 1]);
    expect(atTech).toHaveLength(0);

    await ok(agent.socket, 'pose:update', encodePoseFrame(channel, sample(7)));
    await until(() => atTech.length === 1, 5000, 'a pose frame from the agent on B at the technician on A');
    expect(decodePoseFrame(new Uint8Array(atTech[0] as Uint8Array))?.sample.t).toBe(7);
    await sleep(100);
    expect(atAgent).toHaveLength(5);
    expect(atBystander).toHaveLength(0);
  });

  it('an agent who ends help on B leaves the room on every node; presence follows sockets across nodes', async () => {
    const { tech, agent, sessionId, requestId } = await helpedAcrossNodes();
    const presence = record<PresenceChanged>(tech.socket, 'session:presence');
    const secondTab = await signIn(nodeA, 'agent@demo.local');
    await ok(secondTab.socket, 'session:join', { sessionId });
    await until(() => presence.length === 1, 5000, 'the agent online from a second tab on A');
    expect(presence[0]).toEqual({ sessionId, userId: agent.user.id, online: true });
    agent.socket.close();
    await sleep(300);
    expect(presence).toHaveLength(1);
    secondTab.socket.close();
    await until(() => presence.length === 2, 5000, 'the agent offline once their last socket, on A, is gone');
    expect(presence[1]).toEqual({ sessionId, userId: agent.user.id, online: false });

    const back = await signIn(nodeB, 'agent@demo.local');
    await ok(back.socket, 'session:join', { sessionId });
    await until(() => presence.length === 3, 5000, 'the agent back online on B');
    const heard = record<SessionLogEntry>(tech.socket, 'session:event');
    const atBack = record<SessionLogEntry>(back.socket, 'session:event');
    const again = await signIn(nodeA, 'agent@demo.local');
    await ok(again.socket, 'session:join', { sessionId });
    const atAgain = record<SessionLogEntry>(again.socket, 'session:event');

    const { entries } = await ok(back.socket, 'help:end', { requestId });
    expect(entries.map((entry) => entry.type)).toEqual(['help.ended', 'member.left']);
    await until(() => heard.length === 2, 5000, 'the end of help at the technician on A');
    expect(heard).toEqual(entries);
    await ok(tech.socket, 'chat:send', { sessionId, text: 'thanks' });
    await refused(again.socket, 'pose:update', encodePoseFrame(sessionPoseChannel(sessionId), sample(1)), 'forbidden');
    await refused(back.socket, 'pose:update', encodePoseFrame(sessionPoseChannel(sessionId), sample(2)), 'forbidden');
    await sleep(200);
    expect(atBack).toEqual([]);
    expect(atAgain).toEqual(entries);
  });
});
