// Orders per second through the real HTTP API on the embedded database, against a bare transactional insert loop on the same file.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import SQLite from 'better-sqlite3';
import { v7 as timeOrderedId } from 'uuid';
import { startTestServer } from '../support/test-server.ts';
import { ADDRESS, pickParts, setStock, signIn } from '../support/orders-api.ts';
import { benchResult, type BenchResult } from './bench-types.ts';
import { formatTable } from './print-table.ts';

const ORDERS = 2000;
const CONCURRENCY = 16;
const WARMUP = 200;
/**
 * Orders sent before the steady-state figure is measured. The API's rate climbs for several thousand orders while V8
 * optimises both ends of the request path, the server's and the load worker's (each measured run starts a fresh
 * worker): 1 300–1 600/s in the first thousand, 2 800–4 700/s from the fourth on, and flat near 1 700/s with
 * `--no-opt`. The gated ratio is measured during that climb.
 */
const STEADY_WARMUP = 6000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * Posts `count` orders with at most `concurrency` in flight over keep-alive connections; runs in a worker so the load
 * does not share the server's thread. node:http rather than fetch: fetch costs the client about 0.85 ms of CPU per
 * request here, which on two cores starves the server it is measuring.
 */
const LOAD_SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
const { randomUUID } = require('node:crypto');
const http = require('node:http');
const { url, token, sku, address, count, concurrency, prefix } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const body = JSON.stringify({ items: [{ sku, quantity: 1 }], address });
const latencies = new Array(count);
const finishedAt = [];
function post(key) {
  return new Promise((resolve, reject) => {
    const headers = { authorization: 'Bearer ' + token, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'idempotency-key': key };
    const request = http.request(url + '/api/orders', { method: 'POST', agent, headers }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk) => { text += chunk; });
      response.on('end', () => resolve({ status: response.statusCode, text }));
    });
    request.on('error', reject);
    request.end(body);
  });
}
let next = 0;
async function worker() {
  while (next < count) {
    const index = next++;
    const started = performance.now();
    const { status, text } = await post(prefix + '-' + index + '-' + randomUUID());
    if (status !== 201) throw new Error('order ' + index + ' failed: ' + status + ' ' + text);
    latencies[index] = performance.now() - started;
    finishedAt.push(performance.now());
  }
}
const started = performance.now();
Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker)).then(
  () => parentPort.postMessage({ latencies, finishedAt, seconds: (performance.now() - started) / 1000 }),
  (error) => parentPort.postMessage({ error: String(error) }),
);
`;

interface LoadResult {
  latencies: number[];
  /** When each order was acknowledged, in completion order (ms on the load worker's clock). */
  finishedAt: number[];
  seconds: number;
}

function runLoad(workerData: Record<string, unknown>): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD_SCRIPT, { eval: true, workerData });
    worker.once('message', (message: LoadResult | { error: string }) => {
      void worker.terminate();
      if ('error' in message) reject(new Error(message.error));
      else resolve(message);
    });
    worker.once('error', reject);
  });
}

/** Orders through POST /api/orders on a real server; returns orders per second and acknowledgement latencies. */
interface ApiRun {
  perSecond: number;
  latencies: number[];
  busyMsPerOrder: number;
  dataDir: string;
  userId: string;
}

interface OrderingServer {
  load: Record<string, unknown>;
  dataDir: string;
  userId: string;
}

/** A fresh server whose seeded customer can order one consumable a million times over. */
async function withOrderingServer<T>(use: (server: OrderingServer) => Promise<T>): Promise<T> {
  const server = await startTestServer();
  try {
    const [admin, customer] = await Promise.all([signIn(server, 'admin@demo.local'), signIn(server, 'customer@demo.local')]);
    const { consumable } = await pickParts(server);
    await setStock(admin, consumable.sku, 1_000_000);
    const load = { url: server.url, token: customer.token, sku: consumable.sku, address: ADDRESS, concurrency: CONCURRENCY };
    return await use({ load, dataDir: server.dataDir, userId: customer.userId });
  } finally {
    await server.close();
  }
}

function apiRun(): Promise<ApiRun> {
  return withOrderingServer(async ({ load, dataDir, userId }) => {
    await runLoad({ ...load, count: WARMUP, prefix: 'warmup' });
    const before = performance.eventLoopUtilization();
    const { latencies, seconds } = await runLoad({ ...load, count: ORDERS, prefix: 'bench' });
    const busyMs = performance.eventLoopUtilization(before).active;
    return { perSecond: ORDERS / seconds, latencies, busyMsPerOrder: busyMs / ORDERS, dataDir, userId };
  });
}

/**
 * On a server of its own, one load worker sends until both ends of the request path are optimised; the last ORDERS of
 * its run are measured.
 */
function steadyPerSecond(): Promise<number> {
  return withOrderingServer(async ({ load }) => {
    const { finishedAt } = await runLoad({ ...load, count: STEADY_WARMUP + ORDERS, prefix: 'steady' });
    const from = finishedAt[STEADY_WARMUP - 1];
    const to = finishedAt[STEADY_WARMUP + ORDERS - 1];
    if (from === undefined || to === undefined) throw new Error('the steady run did not finish every order');
    return ORDERS / ((to - from) / 1000);
  });
}

/** The floor: one order row plus one conditional stock update per transaction, prepared statements, same file, same id scheme. */
function bareLoop({ dataDir, userId }: ApiRun): number {
  const db = new SQLite(path.join(dataDir, 'xr-assist.sqlite'));
  db.pragma('journal_mode = WAL');
  // FULL: each commit is on disk before the next, as each acknowledged order is in the app.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  try {
    const sku = db.prepare<[], { sku: string }>('select sku from parts order by sku limit 1').get()?.sku;
    if (!sku) throw new Error('no part to order');
    db.prepare('update parts set stock = ? where sku = ?').run(1_000_000, sku);
    const take = db.prepare('update parts set stock = stock - 1, updated_at = ? where sku = ? and stock >= 1');
    const insert = db.prepare(
      `insert into orders (id, number, user_id, status, total_cents, currency, address, session_id, idempotency_key, request_hash, created_at, updated_at)
       values (?, ?, ?, 'placed', 1000, 'EUR', ?, null, ?, 'bench', ?, ?)`,
    );
    const address = JSON.stringify(ADDRESS);
    const placeOne = db.transaction((index: number) => {
      const now = Date.now();
      if (take.run(now, sku).changes !== 1) throw new Error('out of stock');
      insert.run(timeOrderedId(), `BARE-${index}`, userId, address, `bare-${index}`, now, now);
    });
    for (let index = 0; index < WARMUP; index += 1) placeOne(index);
    const started = performance.now();
    for (let index = WARMUP; index < WARMUP + ORDERS; index += 1) placeOne(index);
    return ORDERS / ((performance.now() - started) / 1000);
  } finally {
    db.close();
  }
}

export async function runOrdersBench(): Promise<BenchResult[]> {
  const api = await apiRun();
  const bare = bareLoop(api);
  const steady = await steadyPerSecond();
  const sorted = [...api.latencies].sort((a, b) => a - b);
  const round = (value: number, digits = 1) => Number(value.toFixed(digits));
  return [
    benchResult('orders.api.per-second', round(api.perSecond), 'orders/s'),
    benchResult('orders.bare-loop.per-second', round(bare), 'orders/s'),
    benchResult('orders.api-vs-bare.ratio', round(api.perSecond / bare, 3), '× bare loop', '≥ 0.5'),
    benchResult('orders.api.steady.per-second', round(steady), 'orders/s'),
    benchResult('orders.api-vs-bare.steady.ratio', round(steady / bare, 3), '× bare loop'),
    benchResult('orders.ack.p50', round(percentile(sorted, 50), 2), 'ms'),
    benchResult('orders.ack.p99', round(percentile(sorted, 99), 2), 'ms'),
    benchResult('orders.server-busy-per-order', round(api.busyMsPerOrder, 3), 'ms'),
  ];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(`orders bench: ${ORDERS} orders, ${CONCURRENCY} in flight\n`);
  console.log(formatTable(await runOrdersBench()));
  process.exit(0);
}
