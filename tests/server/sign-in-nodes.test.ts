// Sign-in state shared by two real nodes on one Postgres and one Redis: an account's back-off, and a sign-out on one node
// that refuses the token on the other and closes the sign-in's sockets there.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLogin, logout, meStatus, tryLogin } from '../support/auth-http.ts';
import { createTestDatabase, probePostgres, type TestDatabase } from '../support/postgres.ts';
import { deleteRedisKeys, probeRedis, TEST_REDIS_URL } from '../support/redis.ts';
import { connectClient, nextEvent, startTestServer, type TestServer } from '../support/test-server.ts';

const [postgres, redis] = await Promise.all([probePostgres(), probeRedis()]);

describe.skipIf(!postgres.reachable || !redis.reachable)('sign-in across two nodes', () => {
  const prefix = `xr-test-${randomBytes(6).toString('hex')}`;
  let database: TestDatabase | undefined;
  let nodeA: TestServer;
  let nodeB: TestServer;

  beforeAll(async () => {
    database = await createTestDatabase();
    const shared = { databaseUrl: database.url, redisUrl: TEST_REDIS_URL, redisPrefix: prefix, loginAttemptsPerMinute: 1000 };
    nodeA = await startTestServer(shared);
    nodeB = await startTestServer(shared);
  });
  afterAll(async () => {
    await nodeA?.close();
    await nodeB?.close();
    await database?.drop();
    await deleteRedisKeys(prefix);
  });

  it('counts misses on node A when the next attempt comes to node B', async () => {
    for (let miss = 1; miss <= 5; miss += 1) expect((await tryLogin(nodeA, 'tech@demo.local', 'guess')).status).toBe(401);
    const onB = await tryLogin(nodeB, 'tech@demo.local', 'demo');
    expect(onB.status).toBe(429);
    expect(onB.retryAfter).toBeGreaterThanOrEqual(1);
  });

  it('signs out on node A: node B closes the sign-in’s socket and, told through the adapter, refuses the token it had just accepted', async () => {
    const answer = await tryLogin(nodeA, 'agent@demo.local', 'demo');
    if (!isLogin(answer.body)) throw new Error('not signed in');
    const { token } = answer.body;
    const onB = await connectClient(nodeB, { token });
    expect(await meStatus(nodeB, token)).toBe(200);
    const closed = nextEvent<string>(onB, 'disconnect');

    expect((await logout(nodeA, { token })).status).toBe(204);

    // The sign-out reaches node B before the close does (one Redis stream, in order), so B has forgotten the sign-in
    // it had remembered as live, and asks the database.
    expect(await closed).toBe('io server disconnect');
    expect(await meStatus(nodeB, token)).toBe(401);
    await expect(connectClient(nodeB, { token })).rejects.toMatchObject({ data: { code: 'unauthorized' } });
  });
});
