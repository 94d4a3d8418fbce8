// Two (or more) real node processes on one fresh Postgres database and one Redis prefix, behind the small TCP proxy.
import { randomBytes } from 'node:crypto';
import { spawnNode, type NodeProcess } from '../../server/cluster/spawn-node.ts';
import { startTcpProxy, type TcpProxy } from '../../server/cluster/tcp-proxy.ts';
import { createTestDatabase, type TestDatabase } from './postgres.ts';
import { deleteRedisKeys, TEST_REDIS_URL } from './redis.ts';

export interface TestCluster {
  nodes: NodeProcess[];
  proxy: TcpProxy;
  /** The address clients use: the proxy. */
  url: string;
  /** Points the proxy at these nodes only (e.g. to place a client on one node). */
  route(nodes: readonly NodeProcess[]): void;
  close(): Promise<void>;
}

export async function startTestCluster(count = 2, extraEnv: Record<string, string> = {}): Promise<TestCluster> {
  const database: TestDatabase = await createTestDatabase();
  const prefix = `xr-test-${randomBytes(6).toString('hex')}`;
  const env = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_PREFIX: prefix,
    JWT_SECRET: randomBytes(24).toString('hex'),
    LOG_LEVEL: 'warn',
    MAX_SOCKETS_PER_ADDRESS: '1000',
    ...extraEnv,
  };
  const nodes: NodeProcess[] = [];
  for (let index = 0; index < count; index += 1) nodes.push(await spawnNode(env));
  const toBackend = (node: NodeProcess) => ({ host: '127.0.0.1', port: node.port });
  const proxy = await startTcpProxy({ backends: nodes.map(toBackend) });
  return {
    nodes,
    proxy,
    url: `http://127.0.0.1:${proxy.port}`,
    route: (list) => proxy.setBackends(list.map(toBackend)),
    async close() {
      await proxy.close();
      for (const node of nodes) node.child.kill('SIGKILL');
      await Promise.all(nodes.map((node) => node.exited));
      await database.drop();
      await deleteRedisKeys(prefix);
    },
  };
}
