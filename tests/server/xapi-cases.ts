// xAPI cases, run on SQLite and Postgres: the download of the seeded runs of insights-cases.ts (every statement valid
// by the xAPI 1.0.3 rules, ids stable across downloads) and the push to a real local LRS that fails, then recovers.
import { expect } from 'vitest';
import { XAPI_VERBS } from '../../core/xapi.ts';
import type { TestLrs } from '../support/test-lrs.ts';
import type { TestServer } from '../support/test-server.ts';
import { login } from '../support/test-server.ts';
import { xapiProblems } from '../support/xapi-rules.ts';

const GUIDE = 'wheel-corner-brake-pads';
const T0 = Date.UTC(2026, 0, 5);
const DAY = 24 * 60 * 60 * 1000;

interface Statement {
  id: string;
  verb: { id: string };
  object: { id: string };
  result?: { duration?: string; completion?: boolean };
  context: { registration?: string; language: string };
  timestamp: string;
}

async function download(server: TestServer, query: string, email = 'operator@demo.local'): Promise<Response> {
  const { token } = await login(server, email);
  return fetch(`${server.url}/api/insights/xapi?${query}`, { headers: { authorization: `Bearer ${token}` } });
}

/** Five runs: 5 attempted, 2 completed (runs 1 and 2, 23 s and 47 s) and 10 step visits left (experienced). */
export async function downloadsValidStatements(server: TestServer): Promise<void> {
  const query = `guideId=${GUIDE}&from=${T0}&to=${T0 + 30 * DAY}`;
  const response = await download(server, query);
  expect([response.status, response.headers.get('content-type')]).toEqual([200, 'application/json; charset=utf-8']);
  const statements = (await response.json()) as Statement[];
  expect(statements.flatMap((statement) => xapiProblems(statement))).toEqual([]);
  const count = (verb: string) => statements.filter((statement) => statement.verb.id === verb).length;
  expect([statements.length, count(XAPI_VERBS.attempted), count(XAPI_VERBS.completed), count(XAPI_VERBS.experienced)]).toEqual([17, 5, 2, 10]);
  expect(new Set(statements.map((statement) => statement.id)).size).toBe(17);
  const completed = statements.filter((statement) => statement.verb.id === XAPI_VERBS.completed).map((statement) => [statement.result, statement.timestamp]);
  expect(completed).toEqual([
    [{ completion: true, duration: 'PT23S' }, new Date(T0 + 23_000).toISOString()],
    [{ completion: true, duration: 'PT47S' }, new Date(T0 + DAY + 47_000).toISOString()],
  ]);
  const slowest = statements.filter((statement) => statement.object.id.endsWith('/steps/prepare-vehicle') && statement.context.language === 'es').map((statement) => statement.result?.duration);
  expect(slowest.sort()).toEqual(['PT100S', 'PT40S']);
  expect(statements.map((statement) => statement.timestamp)).toEqual(statements.map((statement) => statement.timestamp).sort());

  const again = (await (await download(server, query)).json()) as Statement[];
  expect(again.map((statement) => statement.id)).toEqual(statements.map((statement) => statement.id));
  expect((await download(server, query, 'tech@demo.local')).status).toBe(403);
  expect((await download(server, `from=${T0 + DAY}&to=${T0}`)).status).toBe(400);
}

async function until(condition: () => boolean, what: string): Promise<void> {
  for (let tries = 0; tries < 400 && !condition(); tries += 1) await new Promise((resolve) => setTimeout(resolve, 25));
  if (!condition()) throw new Error(`never: ${what}`);
}

/** The seeded statements reach an LRS that refused the first two pushes, each once, and the server says it is 1.0.3. */
export async function pushesEachStatementOnce(lrs: TestLrs, expected: number): Promise<void> {
  await until(() => lrs.received.size >= expected, `${expected} statements at the LRS`);
  expect(lrs.posts()).toBeGreaterThanOrEqual(3);
  expect(lrs.received.size).toBe(expected);
  expect([...lrs.received.values()].every((times) => times === 1)).toBe(true);
  expect(lrs.statements.flatMap((statement) => xapiProblems(statement))).toEqual([]);
  expect(lrs.headers.every((headers) => headers['x-experience-api-version'] === '1.0.3' && headers.authorization === `Basic ${Buffer.from('lrs-key:lrs-secret').toString('base64')}`)).toBe(true);
}

/** After a restart, new statements arrive and none of the acknowledged ones is sent again. */
export async function resumesAfterARestart(lrs: TestLrs, restarted: TestServer, seed: (server: TestServer) => Promise<void>, expected: number): Promise<void> {
  await seed(restarted);
  await until(() => lrs.received.size >= expected, `${expected} statements at the LRS after the restart`);
  expect(lrs.received.size).toBe(expected);
  expect([...lrs.received.values()].every((times) => times === 1)).toBe(true);
}
