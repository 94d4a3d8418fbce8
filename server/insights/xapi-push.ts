// Pushes xAPI statements to a Learning Record Store: every statement source the LRS has not acknowledged is sent in
// batches, oldest first, and marked sent in the database only after the LRS answered 2xx. A failure is retried with
// backoff; a batch the LRS stored but whose answer was lost is sent again with the same statement ids, which the LRS
// keeps once (xAPI 1.0.3: ids are unique). Nothing is kept only in memory, so a restart resumes where it stopped.
import type { Logger } from 'pino';
import { XAPI_VERSION } from '../../core/xapi.ts';
import type { Store } from '../db/database.ts';
import type { XapiConfig } from '../platform/config.ts';
import { xapiSources } from './xapi-sources.ts';
import { toStatement } from './xapi-statements.ts';

const BATCH = 100;
const MAX_BACKOFF = 32;
const REQUEST_TIMEOUT_MS = 15_000;

export interface XapiPusher {
  /** Stops pushing and resolves once the push under way (if any) is done. */
  close(): Promise<void>;
}

export function createXapiPusher(store: Store, config: XapiConfig & { endpoint: string }, log: Logger): XapiPusher {
  const url = new URL('statements', config.endpoint.endsWith('/') ? config.endpoint : `${config.endpoint}/`);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-experience-api-version': XAPI_VERSION };
  if (config.username !== undefined) headers.authorization = `Basic ${Buffer.from(`${config.username}:${config.password ?? ''}`).toString('base64')}`;
  let failures = 0;
  let closed = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();

  async function pushBatch(): Promise<number> {
    const sources = await xapiSources(store.db, { unsent: true, limit: BATCH });
    if (sources.length === 0) return 0;
    const statements = sources.map((source) => toStatement(source, config.baseIri));
    const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(statements), signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    await response.body?.cancel();
    if (!response.ok) throw new Error(`the LRS answered ${response.status}`);
    const sentAt = Date.now();
    const rows = sources.map((source, index) => ({ source: source.source, statement_id: statements[index]?.id ?? '', sent_at: sentAt }));
    await store.write((trx) => trx.insertInto('xapi_sent').values(rows).onConflict((conflict) => conflict.column('source').doNothing()).execute());
    return sources.length;
  }

  async function pushAll(): Promise<void> {
    try {
      while (!closed && (await pushBatch()) === BATCH);
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
    },
  };
}
