// SIGTERM on a real node process: events in flight commit and are acknowledged, later ones are answered `unavailable`,
// sockets are told to reconnect, the process exits on its own within its shutdown timeout; nothing acknowledged is lost.
import { afterAll, describe, expect, it } from 'vitest';
import type { AckResponse } from '../../core/ack.ts';
import type { SessionLogEntry } from '../../core/session.ts';
import { spawnNode, type NodeProcess } from '../../server/cluster/spawn-node.ts';
import { makeDataDir } from '../support/test-server.ts';
import { closeAll, ok, openSession, signIn } from './assist-support.ts';

const nodes: NodeProcess[] = [];
afterAll(() => {
  closeAll();
  for (const node of nodes) node.child.kill('SIGKILL');
});

async function start(dataDir: string): Promise<NodeProcess> {
  const node = await spawnNode({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', SHUTDOWN_TIMEOUT_MS: '5000', MAX_SOCKETS_PER_ADDRESS: '1000' });
  nodes.push(node);
  return node;
}

describe('graceful shutdown', () => {
  it('answers liveness and readiness while running', async () => {
    const node = await start(makeDataDir());
    expect(await (await fetch(`${node.url}/api/health/live`)).json()).toEqual({ status: 'live' });
    const ready = await fetch(`${node.url}/api/health/ready`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready' });
    node.child.kill('SIGTERM');
    expect(await node.exited).toBe(0);
  }, 60_000);

  it('on SIGTERM lets in-flight writes commit and ack, refuses the rest as unavailable, and exits by itself', async () => {
    const dataDir = makeDataDir();
    const node = await start(dataDir);
    const tech = await signIn(node, 'tech@demo.local');
    const { state } = await openSession(tech);
    const sessionId = state.session.id;
    const told = new Promise<string>((resolve) => tech.socket.once('disconnect', resolve));

    const texts = Array.from({ length: 8 }, (_, index) => `message ${index}`);
    // An event still on its way when the node closes the socket is never run: the client hears no answer and sends it
    // again elsewhere. Whatever the node did run is answered before the socket closes.
    const unanswered = { ok: false, error: { code: 'no answer', message: '' } } as const;
    const acks = texts.map((text) =>
      (tech.socket.timeout(10_000).emitWithAck('chat:send', { sessionId, text }) as Promise<AckResponse<{ entry: SessionLogEntry }>>).catch(() => unanswered),
    );
    await new Promise((resolve) => setTimeout(resolve, 5));
    node.child.kill('SIGTERM');
    const answers = await Promise.all(acks);

    expect(await told).toBe('io server disconnect');
    expect(await node.exited).toBe(0);
    for (const answer of answers) if (!answer.ok) expect(['unavailable', 'no answer']).toContain(answer.error.code);
    const acknowledged = texts.filter((_, index) => answers[index]?.ok);
    const refused = texts.filter((_, index) => !answers[index]?.ok);
    expect(acknowledged.length).toBeGreaterThan(0);

    const again = await start(dataDir);
    const back = await signIn(again, 'tech@demo.local');
    const { log } = await ok(back.socket, 'session:join', { sessionId, sinceSeq: 0 });
    const chats = log.flatMap((entry) => (entry.type === 'chat' ? [entry.data.text] : []));
    expect(chats.filter((text) => acknowledged.includes(text)).sort()).toEqual([...acknowledged].sort());
    expect(chats.filter((text) => refused.includes(text))).toEqual([]);
    expect(new Set(chats).size).toBe(chats.length);
  }, 120_000);
});
