// Failover: the technician on node A (through the proxy standing in for the load balancer), the agent on node B; A is
// killed with SIGKILL mid-session, the technician's socket reconnects through the proxy to B and the session goes on
// with every acknowledged chat, annotation, step and order there exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AckResponse } from '../../core/ack.ts';
import type { SessionLogEntry } from '../../core/session.ts';
import { startTestCluster, type TestCluster } from '../support/cluster.ts';
import { probePostgres } from '../support/postgres.ts';
import { probeRedis } from '../support/redis.ts';
import { ADDRESS } from '../support/orders-api.ts';
import { closeAll, helpedAcrossNodes, ok, until } from './assist-support.ts';

const [postgres, redis] = await Promise.all([probePostgres(), probeRedis()]);
const ARROW = { partId: 'caliper-bolt-upper', localPoint: [0, 0.01, 0], localNormal: [0, 1, 0], kind: 'arrow' } as const;

describe.skipIf(!postgres.reachable || !redis.reachable)('failover to another node', () => {
  let cluster: TestCluster;
  beforeAll(async () => {
    cluster = await startTestCluster(2);
  }, 120_000);
  afterAll(async () => {
    closeAll();
    await cluster?.close();
  });

  it('the technician lands on node B after node A is killed, and nothing acknowledged is lost or doubled', async () => {
    const { nodeA, tech, agent, sessionId } = await helpedAcrossNodes(cluster);

    const acknowledged: number[] = [];
    const keep = (entry: SessionLogEntry) => acknowledged.push(entry.seq);
    keep((await ok(tech.socket, 'chat:send', { sessionId, text: 'before', clientId: 'chat-before' })).entry);
    keep((await ok(agent.socket, 'annotation:add', { sessionId, ...ARROW })).entry);
    keep((await ok(agent.socket, 'step:push', { sessionId, stepId: 'remove-caliper' })).entry);
    const order = { idempotencyKey: `failover-${sessionId}`, items: [{ sku: 'WC-PAD-01', quantity: 1 }], address: ADDRESS, sessionId };
    const placed = await ok(tech.socket, 'order:place', order);

    const back = new Promise<void>((resolve) => tech.socket.io.once('reconnect', () => resolve()));
    // Sent as the node dies: it may or may not have been written; the client sends it again with the same clientId.
    const inFlight = tech.socket.timeout(3000).emitWithAck('chat:send', { sessionId, text: 'mid-kill', clientId: 'chat-mid-kill' }).catch(() => null) as Promise<AckResponse | null>;
    nodeA.child.kill('SIGKILL');
    expect(await nodeA.exited).toBe('SIGKILL');
    await back;
    await inFlight;

    const { log: caughtUp } = await ok(tech.socket, 'session:join', { sessionId, sinceSeq: 0 });
    expect(caughtUp.map((entry) => entry.seq)).toEqual(expect.arrayContaining(acknowledged));
    keep((await ok(tech.socket, 'chat:send', { sessionId, text: 'mid-kill', clientId: 'chat-mid-kill' })).entry);
    keep((await ok(tech.socket, 'chat:send', { sessionId, text: 'after', clientId: 'chat-after' })).entry);
    keep((await ok(agent.socket, 'step:push', { sessionId, stepId: 'remove-wheel' })).entry);
    expect((await ok(tech.socket, 'order:place', order)).order.id).toBe(placed.order.id);
    const heard: SessionLogEntry[] = [];
    agent.socket.on('session:event', (entry) => heard.push(entry));
    await ok(tech.socket, 'chat:send', { sessionId, text: 'still live' });
    await until(() => heard.some((entry) => entry.type === 'chat' && entry.data.text === 'still live'), 5000, 'the agent to hear the technician on node B');

    const { log } = await ok(agent.socket, 'session:join', { sessionId, sinceSeq: 0 });
    const seqs = log.map((entry) => entry.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    for (const seq of acknowledged) expect(seqs.filter((s) => s === seq)).toHaveLength(1);
    const chats = log.flatMap((entry) => (entry.type === 'chat' ? [entry.data.text] : []));
    for (const text of ['before', 'mid-kill', 'after']) expect(chats.filter((t) => t === text)).toHaveLength(1);
    expect(log.filter((entry) => entry.type === 'annotation.added')).toHaveLength(1);
    expect(log.filter((entry) => entry.type === 'step.pushed').map((entry) => entry.data.stepId)).toEqual(['remove-caliper', 'remove-wheel']);
    expect(log.filter((entry) => entry.type === 'order.linked')).toHaveLength(1);
  }, 60_000);
});
