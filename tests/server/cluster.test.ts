// `npm run start:cluster`: N real nodes behind the proxy on the Postgres and Redis it is given; one address serves them
// all, and SIGTERM stops every node gracefully.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, probePostgres, type TestDatabase } from '../support/postgres.ts';
import { deleteRedisKeys, probeRedis, TEST_REDIS_URL } from '../support/redis.ts';
import { closeAll, ok, openSession, requestHelp, signIn } from './assist-support.ts';

const [postgres, redis] = await Promise.all([probePostgres(), probeRedis()]);

/** A free base port with the next two free too (the proxy and two nodes), found by asking the OS. */
async function freePorts(): Promise<number> {
  for (;;) {
    const base = 20_000 + Math.floor(Math.random() * 30_000);
    const free = await Promise.all([0, 1, 2].map((offset) => new Promise<boolean>((resolve) => {
      const probe = net.createServer().once('error', () => resolve(false));
      probe.listen(base + offset, '127.0.0.1', () => probe.close(() => resolve(true)));
    })));
    if (free.every(Boolean)) return base;
  }
}

describe.skipIf(!postgres.reachable || !redis.reachable)('npm run start:cluster', () => {
  let database: TestDatabase | undefined;
  const prefix = `xr-test-${randomBytes(6).toString('hex')}`;
  afterAll(async () => {
    closeAll();
    await database?.drop();
    await deleteRedisKeys(prefix);
  });

  it('serves one address from two nodes that share sessions, and stops on SIGTERM', async () => {
    database = await createTestDatabase();
    const port = await freePorts();
    // The script behind `npm run start:cluster`, run directly: npm exits on SIGTERM before the cluster it started has.
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/cluster/start-cluster.ts'], {
      env: { ...process.env, NODES: '2', PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: database.url, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, JWT_SECRET: randomBytes(24).toString('hex'), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    let output = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout?.on('data', (chunk: Buffer) => {
        output += String(chunk);
        if (output.includes('cluster of 2 nodes')) resolve();
      });
      void exited.then(() => reject(new Error(`start:cluster ended:\n${output}`)));
    });
    const nodeUrls = [...output.matchAll(/node \d at (http:\/\/\S+)/g)].map((match) => match[1] as string);
    expect(nodeUrls).toHaveLength(2);
    const url = `http://127.0.0.1:${port}`;
    expect((await fetch(`${url}/api/health/ready`)).status).toBe(200);

    const tech = await signIn({ url: nodeUrls[0] as string }, 'tech@demo.local');
    const agent = await signIn({ url: nodeUrls[1] as string }, 'agent@demo.local');
    const viaProxy = await signIn({ url }, 'tech@demo.local');
    const { state } = await openSession(tech);
    const { requestId } = await requestHelp(tech, state.session.id, 'en');
    await ok(agent.socket, 'help:accept', { requestId });
    const { log } = await ok(viaProxy.socket, 'session:join', { sessionId: state.session.id, sinceSeq: 0 });
    expect(log.some((entry) => entry.type === 'help.accepted')).toBe(true);

    closeAll();
    // The whole group, as a terminal's Ctrl-C or a service manager does: the cluster and its nodes.
    process.kill(-(child.pid as number), 'SIGTERM');
    await exited;
    for (const nodeUrl of [...nodeUrls, url]) await expect(fetch(`${nodeUrl}/api/health/live`)).rejects.toThrow();
  }, 120_000);
});
