// Entry of the import worker thread: runs one job, reports progress and memory, and turns every outcome into a message.
import { parentPort, workerData } from 'node:worker_threads';
import { runImport } from './import-pipeline.ts';
import type { ImportProgress } from './import-types.ts';
import { ImportError, refusalOf } from './refusal.ts';
import { runSplit } from './split-pipeline.ts';
import { sampleWorkerMemory } from './worker-memory.ts';
import type { WorkerJob, WorkerMessage } from './worker-protocol.ts';

const port = parentPort;
if (!port) throw new Error('import-worker.ts runs only as a worker thread');

const { job } = workerData as { job: WorkerJob };
const memory = sampleWorkerMemory();
const post = (message: WorkerMessage) => port.postMessage(message);
const progress = (update: ImportProgress) => {
  memory.sample();
  post({ type: 'progress', progress: update });
};

try {
  const staged = job.kind === 'import' ? await runImport(job, progress) : await runSplit(job, progress);
  post({ type: 'done', staged, memory: memory.stop() });
} catch (error) {
  if (error instanceof ImportError) post({ type: 'refused', refusal: refusalOf(error), memory: memory.stop() });
  else post({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error), memory: memory.stop() });
}
