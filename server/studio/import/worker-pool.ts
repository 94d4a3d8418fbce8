// A pool of one import worker: started on demand, kept warm between jobs while it stays small, ended when idle.
import { Worker } from 'node:worker_threads';

const WORKER_ENTRY = new URL('./import-worker.ts', import.meta.url).href;
const TSX_API = import.meta.resolve('tsx/esm/api');

/**
 * The worker loads our TypeScript through tsx, like the server (`node --import tsx`). It registers tsx itself because
 * Node 20 does not apply `--import` loaders from a worker's execArgv to the worker (nodejs/node#47747).
 */
const BOOT = `import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_ENTRY)}); });`;

/** A warm worker is ended after this long without a job. */
const IDLE_MS = 60_000;
/** A worker that needed more than this is ended after its job: OpenCascade's WebAssembly memory never shrinks. */
const KEEP_BELOW_BYTES = 256 * 2 ** 20;

interface PooledWorker {
  worker: Worker;
  heapMb: number;
  idleTimer: NodeJS.Timeout | null;
}

let idle: PooledWorker | null = null;

function spawn(heapMb: number): PooledWorker {
  const worker = new Worker(BOOT, { eval: true, execArgv: [], resourceLimits: { maxOldGenerationSizeMb: heapMb } });
  const pooled: PooledWorker = { worker, heapMb, idleTimer: null };
  worker.once('exit', () => {
    if (idle === pooled) idle = null;
  });
  // During a job its own listener reports errors; a warm worker failing between jobs must not crash the process.
  worker.on('error', () => {});
  return pooled;
}

function end(pooled: PooledWorker): void {
  if (pooled.idleTimer) clearTimeout(pooled.idleTimer);
  if (idle === pooled) idle = null;
  void pooled.worker.terminate();
}

/** The warm worker when it has the same heap limit, else a new one (a warm one with another limit is ended). */
export function acquireWorker(heapMb: number): PooledWorker {
  const warm = idle;
  idle = null;
  if (warm?.heapMb === heapMb) {
    if (warm.idleTimer) clearTimeout(warm.idleTimer);
    warm.idleTimer = null;
    warm.worker.ref();
    return warm;
  }
  if (warm) end(warm);
  return spawn(heapMb);
}

/** Keeps the worker warm after a job that went as planned and stayed small; ends it otherwise. */
export function releaseWorker(pooled: PooledWorker, healthy: boolean, peakBytes: number): void {
  if (!healthy || peakBytes >= KEEP_BELOW_BYTES || idle) {
    end(pooled);
    return;
  }
  pooled.worker.unref();
  pooled.idleTimer = setTimeout(() => end(pooled), IDLE_MS);
  pooled.idleTimer.unref();
  idle = pooled;
}

/**
 * Starts a worker and loads its libraries ahead of the first job, so that an import that follows soon (within the
 * idle time) skips the start-up: for example when an author opens the import dialog.
 */
export function prepareImportWorker(heapMb: number): void {
  if (idle?.heapMb === heapMb) return;
  if (idle) end(idle);
  const pooled = spawn(heapMb);
  pooled.worker.postMessage({ prepare: true });
  releaseWorker(pooled, true, 0);
}

/** Ends the warm worker, if any (for a server shutting down). */
export async function closeImportWorker(): Promise<void> {
  const warm = idle;
  if (!warm) return;
  if (warm.idleTimer) clearTimeout(warm.idleTimer);
  idle = null;
  await warm.worker.terminate();
}
