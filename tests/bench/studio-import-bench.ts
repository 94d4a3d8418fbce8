// Studio import bench: the whole STEP import of the sample assembly against occt-import-js's bare ReadStepFile on the
// same file in the same run (both cold, then both warm), the worker's peak memory, optimized/unoptimized bytes and draw
// calls.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { closeImportWorker, importModel, type ImportResult } from '../../server/studio/import/index.ts';
import { STEP_READ_PARAMS, loadOcct } from '../../server/studio/import/occt.ts';
import { benchResult, type BenchResult } from './bench-types.ts';

const SAMPLE = fileURLToPath(new URL('../fixtures/samples/as1-oc-214.stp', import.meta.url));
const ROUNDS = 5;

/**
 * The bare call as a minimal importer makes it, in the conditions our import runs in: a fresh worker thread with a
 * freshly loaded OpenCascade. Only the ReadStepFile call is timed (not the thread, the module or reading the file).
 */
const BARE_READ = `
(async () => {
  const { parentPort, workerData } = await import('node:worker_threads');
  const { createRequire } = await import('node:module');
  const { readFileSync } = await import('node:fs');
  const occt = await createRequire(workerData.base)('occt-import-js')();
  const bytes = new Uint8Array(readFileSync(workerData.file));
  const started = performance.now();
  const result = occt.ReadStepFile(bytes, workerData.params);
  parentPort.postMessage({ ms: performance.now() - started, success: result.success });
})();`;

function bareReadInFreshWorker(): Promise<number> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BARE_READ, { eval: true, execArgv: [], workerData: { base: import.meta.url, file: SAMPLE, params: STEP_READ_PARAMS } });
    worker.once('message', (message: { ms: number; success: boolean }) => {
      void worker.terminate();
      if (message.success) resolve(message.ms);
      else reject(new Error('ReadStepFile failed on the sample'));
    });
    worker.once('error', reject);
  });
}

/** The same call repeated in this thread, after a first one: OpenCascade's WebAssembly is compiled and optimized by then. */
async function bareReadsWarm(): Promise<number[]> {
  const occt = await loadOcct();
  const bytes = new Uint8Array(await readFile(SAMPLE));
  occt.ReadStepFile(bytes, STEP_READ_PARAMS);
  const times: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const started = performance.now();
    occt.ReadStepFile(bytes, STEP_READ_PARAMS);
    times.push(performance.now() - started);
  }
  return times;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function importSample(root: string, round: number): Promise<ImportResult> {
  const result = await importModel([{ name: 'as1-oc-214.stp', path: SAMPLE }], { outputDir: path.join(root, `import-${round}`) });
  if (!result.ok) throw new Error(`the sample was refused: ${result.message}`);
  return result;
}

const round1 = (value: number): number => Math.round(value * 10) / 10;
const round3 = (value: number): number => Math.round(value * 1000) / 1000;

export async function runStudioImportBench(): Promise<BenchResult[]> {
  const root = await mkdtemp(path.join(tmpdir(), 'studio-bench-'));
  let round = 0;
  try {
    const bareCold: number[] = [];
    const cold: ImportResult[] = [];
    // Cold: a fresh worker each time, on both sides; interleaved, so a busy moment on the machine weighs on both alike.
    for (let index = 0; index < ROUNDS; index += 1) {
      bareCold.push(await bareReadInFreshWorker());
      await closeImportWorker();
      cold.push(await importSample(root, (round += 1)));
    }
    // Warm, as imports run after the first (the pool keeps its worker): against the repeated call in this thread.
    const warm: ImportResult[] = [];
    for (let index = 0; index < ROUNDS; index += 1) warm.push(await importSample(root, (round += 1)));
    const bareWarm = await bareReadsWarm();
    await closeImportWorker();
    const total = (results: ImportResult[]) => median(results.map((result) => result.durations.total ?? Number.NaN));
    const stage = (name: 'converting' | 'optimizing' | 'checking') => median(cold.map((result) => result.durations[name] ?? Number.NaN));
    const last = warm.at(-1);
    if (!last) throw new Error('no import ran');
    return [
      benchResult('studio.step.import_ms', Math.round(total(warm)), 'ms (median, whole path, warm worker)'),
      benchResult('studio.step.bare_read_ms', Math.round(median(bareWarm)), 'ms (median, repeated)'),
      benchResult('studio.step.import_ratio', round3(total(warm) / median(bareWarm)), 'import/bare read', '≤ 2'),
      benchResult('studio.step.import_cold_ms', Math.round(total(cold)), 'ms (median, whole path, new worker)'),
      benchResult('studio.step.bare_read_cold_ms', Math.round(median(bareCold)), 'ms (median, new worker)'),
      benchResult('studio.step.import_ratio_cold', round3(total(cold) / median(bareCold)), 'import/bare read, both new'),
      benchResult('studio.step.converting_ms', Math.round(stage('converting')), 'ms (median, cold)'),
      benchResult('studio.step.optimizing_ms', Math.round(stage('optimizing')), 'ms (median, cold)'),
      benchResult('studio.step.checking_ms', Math.round(stage('checking')), 'ms (median, cold)'),
      benchResult('studio.step.worker_peak_memory', round1(Math.max(...cold.map((result) => result.memory.peakBytes)) / 2 ** 20), 'MiB (heap + external)'),
      benchResult('studio.step.bytes_ratio', round3(last.model.bytes / last.working.bytes), 'optimized/unoptimized', '≤ 0.4'),
      benchResult('studio.step.optimized', round1(last.model.bytes / 1024), 'KiB'),
      benchResult('studio.step.draw_calls', last.stats.primitives, 'primitives', '≤ 60'),
    ];
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
