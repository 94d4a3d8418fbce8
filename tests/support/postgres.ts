// A fresh Postgres database per test file (created on the server at TEST_POSTGRES_URL, dropped afterwards), or a reason to skip.
import { randomBytes } from 'node:crypto';
import os from 'node:os';
import pg from 'pg';
import { afterAll, beforeAll, describe } from 'vitest';
import type { ServerConfig } from '../../server/platform/config.ts';
import { startTestServer, type TestServer } from './test-server.ts';

/** A URL without a user name connects as PGUSER, else as the OS user (what psql does; pg needs it said). */
function withUser(raw: string): string {
  const url = new URL(raw);
  if (!url.username) url.username = process.env.PGUSER ?? os.userInfo().username;
  return url.toString();
}

/** The maintenance database the test databases are created from. @default postgres://127.0.0.1:5432/test */
export const POSTGRES_ADMIN_URL = withUser(process.env.TEST_POSTGRES_URL ?? 'postgres://127.0.0.1:5432/test');

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

export type PostgresProbe = { reachable: true } | { reachable: false; reason: string };

async function withAdmin<T>(run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** Whether Postgres answers at POSTGRES_ADMIN_URL; prints why the Postgres suites are skipped when it does not. */
export async function probePostgres(): Promise<PostgresProbe> {
  try {
    await withAdmin((client) => client.query('select 1'));
    return { reachable: true };
  } catch (error) {
    const reason = `Postgres is not reachable at ${POSTGRES_ADMIN_URL} (${error instanceof Error ? error.message : String(error)}); the Postgres suite is skipped. Set TEST_POSTGRES_URL to run it.`;
    console.warn(reason);
    return { reachable: false, reason };
  }
}

/** Creates `xr_test_<random>` and returns its URL; `drop()` removes it, closing any connection left open. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `xr_test_${randomBytes(6).toString('hex')}`;
  await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => dropDatabase(name),
  };
}

/** pg's pool.end() resolves before its clients have said goodbye: give them a moment, then force out whoever is left. */
async function dropDatabase(name: string): Promise<void> {
  await withAdmin(async (client) => {
    for (let waited = 0; waited < 2000; waited += 25) {
      const { rows } = await client.query<{ connections: string }>('SELECT count(*) AS connections FROM pg_stat_activity WHERE datname = $1', [name]);
      if (Number(rows[0]?.connections ?? 0) === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
}

/** Filled in by the suite's `beforeAll` hook; a test that restarts the server puts the new one back in `server`. */
export interface ServerOnPostgres {
  server: TestServer;
}

/**
 * Declares a suite that runs against a real server on its own fresh Postgres database, created before the suite's tests
 * and dropped after them (after the server is closed), with `overrides` of its settings. When Postgres does not answer, the suite is skipped and
 * `probePostgres` prints why.
 * @example await describeOnPostgres('sessions on Postgres', (postgres) => {
 *   it('restarts', async () => { postgres.server = await postgres.server.restart(); });
 * });
 */
export async function describeOnPostgres(name: string, body: (postgres: ServerOnPostgres) => void, overrides: Partial<ServerConfig> = {}): Promise<void> {
  const probe = await probePostgres();
  describe.skipIf(!probe.reachable)(name, () => body(useServerOnPostgres(overrides)));
}

function useServerOnPostgres(overrides: Partial<ServerConfig>): ServerOnPostgres {
  let database: TestDatabase | undefined;
  let server: TestServer | undefined;
  beforeAll(async () => {
    database = await createTestDatabase();
    server = await startTestServer({ ...overrides, databaseUrl: database.url });
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });
  return {
    get server(): TestServer {
      if (!server) throw new Error('the Postgres test server is not started yet (read it in a hook or test)');
      return server;
    },
    set server(restarted: TestServer) {
      server = restarted;
    },
  };
}
