// Whether Redis answers at TEST_REDIS_URL (or why the multi-node suites are skipped), and removal of a test run's keys.
import { createClient } from 'redis';

/** The Redis the multi-node tests share; each run keeps to its own key prefix. @default redis://127.0.0.1:6379 */
export const TEST_REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

export type RedisProbe = { reachable: true } | { reachable: false; reason: string };

async function withRedis<T>(run: (client: ReturnType<typeof createClient>) => Promise<T>): Promise<T> {
  const client = createClient({ url: TEST_REDIS_URL, socket: { connectTimeout: 3000, reconnectStrategy: false } });
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.quit();
  }
}

/** Prints why the suite is skipped when Redis does not answer. */
export async function probeRedis(): Promise<RedisProbe> {
  try {
    await withRedis((client) => client.ping());
    return { reachable: true };
  } catch (error) {
    const reason = `Redis is not reachable at ${TEST_REDIS_URL} (${error instanceof Error ? error.message : String(error)}); the multi-node suite is skipped. Set TEST_REDIS_URL to run it.`;
    console.warn(reason);
    return { reachable: false, reason };
  }
}

/** Deletes the key `prefix` (the adapter's stream) and every key under `prefix:`. */
export async function deleteRedisKeys(prefix: string): Promise<void> {
  await withRedis(async (client) => {
    const keys = [prefix];
    for await (const batch of client.scanIterator({ MATCH: `${prefix}:*`, COUNT: 100 })) keys.push(...batch);
    await client.del(keys);
  });
}
