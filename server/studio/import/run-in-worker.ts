// Runs import jobs in the import worker, one at a time, and turns a timeout or a crash into a refusal.
import type { ImportLimits } from './import-limits.ts';
import type { ImportProgress, WorkerMemory } from './import-types.ts';
import type { ImportRefusal, RefusalCode } from './refusal.ts';
import { acquireWorker, releaseWorker } from './worker-pool.ts';
import type { StagedImport, WorkerJob, WorkerMessage } from './worker-protocol.ts';

export type WorkerOutcome = { ok: true; staged: StagedImport; memory: WorkerMemory } | { ok: false; refusal: ImportRefusal };

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

function runJob(job: WorkerJob, limits: ImportLimits, onProgress: (progress: ImportProgress) => void): Promise<WorkerOutcome> {
  const pooled = acquireWorker(limits.maxWorkerHeapMb);
  const { worker } = pooled;
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: WorkerOutcome, healthy: boolean, peakBytes = 0) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.off('message', onMessage).off('error', onError).off('exit', onExit);
      releaseWorker(pooled, healthy, peakBytes);
      resolve(outcome);
    };
    const onMessage = (message: WorkerMessage) => {
      if (message.type === 'progress') onProgress(message.progress);
      else if (message.type === 'done') finish({ ok: true, staged: message.staged, memory: message.memory }, true, message.memory.peakBytes);
      else if (message.type === 'refused') finish({ ok: false, refusal: message.refusal }, true, message.memory.peakBytes);
      else finish(failure(message.message, limits), false);
    };
    const onError = (error: Error & { code?: string }) => finish(failure(`${error.code ?? ''} ${error.stack ?? error.message}`, limits), false);
    const onExit = (code: number) => finish(failure(`the worker exited with code ${code} before answering`, limits), false);
    const timer = setTimeout(
      () => finish(refusal('timeout', `The import took longer than ${seconds(limits.timeoutMs)} and was stopped; simplify the model or split it into several files.`, { limitMs: limits.timeoutMs }), false),
      limits.timeoutMs,
    );
    worker.on('message', onMessage).on('error', onError).on('exit', onExit);
    worker.postMessage({ job });
  });
}

/** `onProgress` must not throw: it is called from the worker's message events. */
export function runInWorker(job: WorkerJob, limits: ImportLimits, onProgress: (progress: ImportProgress) => void): Promise<WorkerOutcome> {
  return runJob(job, limits, onProgress);
}

let queue: Promise<unknown> = Promise.resolve();

/**
 * Runs imports and edits one at a time, each from its start to its folder's last rename: a worker may take hundreds of
 * MB (OpenCascade's WebAssembly memory only grows), and an edit must not read a folder another one is replacing.
 */
export function runSerially<T>(task: () => Promise<T>): Promise<T> {
  const run = queue.then(task);
  queue = run.catch(() => undefined);
  return run;
}
