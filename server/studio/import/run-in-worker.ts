// Runs one import job in its own worker thread, one job at a time, and turns a timeout or a crash into a refusal.
import { Worker } from 'node:worker_threads';
import type { ImportLimits } from './import-limits.ts';
import type { ImportProgress, WorkerMemory } from './import-types.ts';
import type { ImportRefusal, RefusalCode } from './refusal.ts';
import type { StagedImport, WorkerJob, WorkerMessage } from './worker-protocol.ts';

export type WorkerOutcome = { ok: true; staged: StagedImport; memory: WorkerMemory } | { ok: false; refusal: ImportRefusal };

const WORKER_ENTRY = new URL('./import-worker.ts', import.meta.url).href;
const TSX_API = import.meta.resolve('tsx/esm/api');

/**
 * The worker loads our TypeScript through tsx, like the server (`node --import tsx`). It registers tsx itself because
 * Node 20 does not apply `--import` loaders from a worker's execArgv to the worker (nodejs/node#47747).
 */
const BOOT = `import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(WORKER_ENTRY)}); });`;

const OUT_OF_MEMORY = /ERR_WORKER_OUT_OF_MEMORY|out of memory|\bOOM\b|Cannot enlarge memory|Array buffer allocation failed/i;

const seconds = (ms: number): string => (ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`);

function refusal(code: RefusalCode, message: string, params: Record<string, string | number> = {}): WorkerOutcome {
  return { ok: false, refusal: { ok: false, code, message, params } };
}

function failure(detail: string, limits: ImportLimits): WorkerOutcome {
  const firstLine = detail.split('\n')[0] ?? detail;
  if (OUT_OF_MEMORY.test(detail)) {
    return refusal('out-of-memory', `The model needs more memory than the import may use (${limits.maxWorkerHeapMb} MB); simplify it or split it into several files.`, {
      limitMb: limits.maxWorkerHeapMb,
      detail: firstLine,
    });
  }
  return refusal('worker-failed', 'The import stopped on an internal error; nothing was stored. Retry, and report it if it happens again.', { detail: firstLine });
}

/** Jobs run one at a time: a worker may take hundreds of MB (OpenCascade's WebAssembly memory only grows), two could exhaust the machine. */
let queue: Promise<unknown> = Promise.resolve();

function startWorker(job: WorkerJob, limits: ImportLimits, onProgress: (progress: ImportProgress) => void): Promise<WorkerOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(BOOT, { eval: true, execArgv: [], workerData: { job }, resourceLimits: { maxOldGenerationSizeMb: limits.maxWorkerHeapMb } });
    let settled = false;
    const finish = (outcome: WorkerOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(outcome);
    };
    const timer = setTimeout(
      () => finish(refusal('timeout', `The import took longer than ${seconds(limits.timeoutMs)} and was stopped; simplify the model or split it into several files.`, { limitMs: limits.timeoutMs })),
      limits.timeoutMs,
    );
    worker.on('message', (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress(message.progress);
      else if (message.type === 'done') finish({ ok: true, staged: message.staged, memory: message.memory });
      else if (message.type === 'refused') finish({ ok: false, refusal: message.refusal });
      else finish(failure(message.message, limits));
    });
    worker.on('error', (error: Error & { code?: string }) => finish(failure(`${error.code ?? ''} ${error.stack ?? error.message}`, limits)));
    worker.on('exit', (code) => finish(failure(`the worker exited with code ${code} before answering`, limits)));
  });
}

/** `onProgress` must not throw: it is called from the worker's message events. */
export function runInWorker(job: WorkerJob, limits: ImportLimits, onProgress: (progress: ImportProgress) => void): Promise<WorkerOutcome> {
  const run = queue.then(() => startWorker(job, limits, onProgress));
  queue = run.catch(() => undefined);
  return run;
}
