// Pushes xAPI statements to a Learning Record Store. Statement sources come from the outbox after the watermark (never
// a scan of every event), in commit order; a batch is recorded in the database only after the LRS answered, and the
// watermark moves in the same transaction. A statement the LRS refuses for good is recorded as refused with its answer
// and the rest go on; other failures are retried with backoff. A batch stored whose answer was lost is sent again with
// the same statement ids, which the LRS keeps once (xAPI 1.0.3). Only the node holding the lease pushes. Nothing is kept
// only in memory, so a restart resumes where it stopped.
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { XAPI_VERSION, type XapiStatement } from '../../core/xapi.ts';
import type { Store } from '../db/database.ts';
import type { XapiConfig } from '../platform/config.ts';
import { deliver, type XapiOutcome } from './xapi-delivery.ts';
import { advanceWatermark, createXapiLease } from './xapi-lease.ts';
import { readXapiOutbox, type XapiOutboxRow, type XapiWatermark } from './xapi-outbox.ts';
import { toStatement } from './xapi-statements.ts';

const BATCH = 100;
const MAX_BACKOFF = 32;
const REQUEST_TIMEOUT_MS = 15_000;
const LEASE_MS = 4 * REQUEST_TIMEOUT_MS;

export interface XapiPusher {
  /** Stops pushing, gives the lease back and resolves once the push under way (if any) is done. */
  close(): Promise<void>;
}

interface Handled {
  row: XapiOutboxRow;
  statement: XapiStatement | null;
  outcome: XapiOutcome | null;
}

export function createXapiPusher(store: Store, config: XapiConfig & { endpoint: string }, log: Logger, clock: () => number = Date.now): XapiPusher {
  const url = new URL('statements', config.endpoint.endsWith('/') ? config.endpoint : `${config.endpoint}/`);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-experience-api-version': XAPI_VERSION };
  if (config.username !== undefined) headers.authorization = `Basic ${Buffer.from(`${config.username}:${config.password ?? ''}`).toString('base64')}`;
  const holder = randomUUID();
  const lease = createXapiLease(store, holder);
  let failures = 0;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  const post = (statements: XapiStatement[]) => fetch(url, { method: 'POST', headers, body: JSON.stringify(statements), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });

  /** Records sent and refused statements and moves the watermark over the handled prefix. */
  async function record(handled: Handled[]): Promise<void> {
    const last = handled.at(-1);
    if (!last) return;
    const now = clock();
    const sent = handled.flatMap(({ row, statement, outcome }) => (row.source && statement && outcome?.sent ? [{ source: row.source.source, statement_id: statement.id, sent_at: now }] : []));
    const refused = handled.flatMap(({ row, statement, outcome }) =>
      row.source && statement && outcome && !outcome.sent ? [{ source: row.source.source, statement_id: statement.id, user_id: row.source.userId, status: outcome.status, answer: outcome.answer, statement: JSON.stringify(statement), refused_at: now }] : [],
    );
    await store.write(async (trx) => {
      if (sent.length > 0) await trx.insertInto('xapi_sent').values(sent).onConflict((conflict) => conflict.column('source').doNothing()).execute();
      if (refused.length > 0) await trx.insertInto('xapi_refused').values(refused).onConflict((conflict) => conflict.column('source').doNothing()).execute();
      await advanceWatermark(trx, holder, last.row.position);
    });
    for (const entry of refused) log.error({ source: entry.source, statementId: entry.statement_id, status: entry.status, answer: entry.answer }, 'the LRS refused an xAPI statement; it is kept in xapi_refused');
  }

  /** One page of the outbox; resolves with how many rows it read. */
  async function pushPage(after: XapiWatermark): Promise<{ read: number; next: XapiWatermark }> {
    const rows = await readXapiOutbox(store, after, BATCH);
    config.onOutboxRead?.(rows.map((row) => row.name));
    if (rows.length === 0) return { read: 0, next: after };
    const handled: Handled[] = rows.map((row) => ({ row, statement: row.source ? toStatement(row.source, config.baseIri) : null, outcome: null }));
    const toSend = handled.filter((entry) => entry.statement !== null);
    const { outcomes, stopped } = toSend.length === 0 ? { outcomes: [], stopped: null } : await deliver(post, toSend.flatMap((entry) => (entry.statement ? [entry.statement] : [])));
    outcomes.forEach((outcome, index) => {
      const entry = toSend[index];
      if (entry) entry.outcome = outcome;
    });
    const prefix: Handled[] = [];
    for (const entry of handled) {
      if (entry.statement !== null && entry.outcome === null) break;
      prefix.push(entry);
    }
    await record(prefix);
    if (stopped) throw stopped;
    return { read: rows.length, next: rows.at(-1)?.position ?? after };
  }

  async function pushAll(): Promise<void> {
    try {
      if (!(await lease.acquire(clock(), LEASE_MS))) return;
      let after = await lease.watermark();
      while (!closed) {
        const { read, next } = await pushPage(after);
        if (read < BATCH) break;
        after = next;
        if (!(await lease.acquire(clock(), LEASE_MS))) break;
      }
      failures = 0;
    } catch (error) {
      failures += 1;
      log.warn({ err: error, failures }, 'xAPI push failed; it will be retried');
    }
  }

  function schedule(delay: number): void {
    if (closed) return;
    timer = setTimeout(() => {
      running = pushAll().then(() => schedule(config.pushIntervalMs * Math.min(MAX_BACKOFF, 2 ** failures)));
    }, delay);
    timer.unref();
  }

  schedule(0);
  return {
    async close() {
      closed = true;
      clearTimeout(timer);
      await running;
      await lease.release().catch((error: unknown) => log.warn({ err: error }, 'could not give the xAPI push lease back'));
    },
  };
}
