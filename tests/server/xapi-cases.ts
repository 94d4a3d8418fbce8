// xAPI cases, run on SQLite and Postgres: the download of the seeded runs of insights-cases.ts (every statement valid
// by the xAPI 1.0.3 rules, ids stable across downloads) and the push to a real local LRS that fails, then recovers,
// refuses one statement for good, and is pushed to by two nodes at once.
import { expect } from 'vitest';
import pino from 'pino';
import { XAPI_VERBS } from '../../core/xapi.ts';
import { openStore } from '../../server/db/database.ts';
import { createXapiPusher } from '../../server/insights/xapi-push.ts';
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

/** What the test LRS refuses: the one statement of the seeded runs that lasted 100 s (run 5's first step). */
export function refuseHundredSeconds(statement: unknown): string | null {
  const duration = (statement as Statement).result?.duration;
  return duration === 'PT100S' ? 'Statement refused: result.duration PT100S breaks this LRS\'s policy' : null;
}

interface Refused {
  refused: Array<{ source: string; statementId: string; status: number; answer: string; statement: Statement; refusedAt: number }>;
}

async function refusedList(server: TestServer, email = 'admin@demo.local'): Promise<Response> {
  const { token } = await login(server, email);
  return fetch(`${server.url}/api/insights/xapi/refused`, { headers: { authorization: `Bearer ${token}` } });
}

async function refusedCount(server: TestServer): Promise<number> {
  const row = await server.ctx.store.db.selectFrom('xapi_refused').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * The seeded statements reach an LRS that refused the first two pushes and refuses one statement for good: the others
 * each arrive once, the refused one is listed for an admin with the LRS's answer, and the server says it is 1.0.3.
 */
export async function pushesEachStatementOnce(lrs: TestLrs, server: TestServer, expected: { sent: number; refused: number }): Promise<void> {
  let refused = 0;
  await until(() => lrs.received.size >= expected.sent, `${expected.sent} statements at the LRS`);
  for (let tries = 0; tries < 200 && refused < expected.refused; tries += 1) {
    refused = await refusedCount(server);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  expect(lrs.posts()).toBeGreaterThanOrEqual(3);
  expect(lrs.received.size).toBe(expected.sent);
  expect([...lrs.received.values()].every((times) => times === 1)).toBe(true);
  expect(lrs.statements.flatMap((statement) => xapiProblems(statement))).toEqual([]);
  expect(lrs.headers.every((headers) => headers['x-experience-api-version'] === '1.0.3' && headers.authorization === `Basic ${Buffer.from('lrs-key:lrs-secret').toString('base64')}`)).toBe(true);

  const response = await refusedList(server);
  expect(response.status).toBe(200);
  const list = ((await response.json()) as Refused).refused;
  expect(list.map((entry) => [entry.status, entry.answer, entry.statement.result?.duration, entry.statement.id === entry.statementId])).toEqual(
    Array.from({ length: expected.refused }, () => [400, "Statement refused: result.duration PT100S breaks this LRS's policy", 'PT100S', true]),
  );
  expect(list.every((entry) => entry.source.startsWith('step:') && !lrs.received.has(entry.statementId))).toBe(true);
  expect((await refusedList(server, 'operator@demo.local')).status).toBe(403);
}

/** Every statement source the push has handled (sent or refused). */
export async function handledSources(server: TestServer): Promise<Set<string>> {
  const { db } = server.ctx.store;
  const sent = await db.selectFrom('xapi_sent').select('source').execute();
  const refused = await db.selectFrom('xapi_refused').select('source').execute();
  return new Set([...sent, ...refused].map((row) => row.source));
}

/**
 * After a restart, new statements arrive, none of the acknowledged ones is sent again, and the push reads only the new
 * events: `reads` (what the push's outbox reads returned since the restart) holds each new source once and no old one.
 */
export async function resumesAfterARestart(lrs: TestLrs, restarted: TestServer, seed: (server: TestServer) => Promise<void>, expected: { sent: number; refused: number }, before: Set<string>, reads: string[]): Promise<void> {
  await seed(restarted);
  await until(() => lrs.received.size >= expected.sent, `${expected.sent} statements at the LRS after the restart`);
  for (let tries = 0; tries < 200 && (await refusedCount(restarted)) < expected.refused; tries += 1) await new Promise((resolve) => setTimeout(resolve, 25));
  expect(lrs.received.size).toBe(expected.sent);
  expect(await refusedCount(restarted)).toBe(expected.refused);
  expect([...lrs.received.values()].every((times) => times === 1)).toBe(true);
  const handled = await handledSources(restarted);
  const fresh = [...handled].filter((source) => !before.has(source)).sort();
  expect(fresh.length).toBe(expected.sent + expected.refused - before.size);
  expect([...reads].sort()).toEqual(fresh);
}

/** A second pusher on another connection to the same database, racing the server's: each statement still arrives once. */
export async function twoPushersSendEachOnce(lrs: TestLrs, server: TestServer, seed: (server: TestServer) => Promise<void>, expectedSent: number): Promise<void> {
  const store = await openStore({ dataDir: server.dataDir, databaseUrl: server.config.databaseUrl });
  const endpoint = server.config.xapi.endpoint ?? '';
  const second = createXapiPusher(store, { ...server.config.xapi, onOutboxRead: undefined, endpoint }, pino({ level: 'silent' }));
  try {
    const postsBefore = lrs.posts();
    await seed(server);
    await until(() => lrs.received.size >= expectedSent, `${expectedSent} statements at the LRS with two pushers`);
    expect(lrs.posts()).toBeGreaterThan(postsBefore);
    expect(lrs.received.size).toBe(expectedSent);
    expect([...lrs.received.entries()].filter(([, times]) => times !== 1)).toEqual([]);
  } finally {
    await second.close();
    await store.close();
  }
}
