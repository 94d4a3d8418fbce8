// Entry of the import worker thread: runs the jobs it is sent, one at a time, reporting progress and peak memory, and
// turns every outcome into a message.
import { parentPort } from 'node:worker_threads';
import { runImport } from './import-pipeline.ts';
import type { ImportProgress } from './import-types.ts';
import { ImportError, refusalOf } from './refusal.ts';
import { runSplit } from './split-pipeline.ts';
import { sampleWorkerMemory } from './worker-memory.ts';
import type { WorkerJob, WorkerMessage } from './worker-protocol.ts';

const port = parentPort;
if (!port) throw new Error('import-worker.ts runs only as a worker thread');

const post = (message: WorkerMessage) => port.postMessage(message);

async function run(job: WorkerJob): Promise<void> {
  const memory = sampleWorkerMemory();
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
}

/** Loads what every job needs (glTF-Transform, meshopt, OpenCascade, the validator) before the first job arrives. */
async function prepare(): Promise<void> {
  const [{ gltfIO }, { loadOcct }, { validateGltf }] = await Promise.all([import('./gltf-io.ts'), import('./occt.ts'), import('./validate-gltf.ts')]);
  await Promise.all([gltfIO(), loadOcct(), validateGltf(new Uint8Array(), 'glb').catch(() => undefined)]);
}

port.on('message', (message: { job: WorkerJob } | { prepare: true }) => void ('job' in message ? run(message.job) : prepare()));
