// Imports an uploaded model (glTF, GLB, STEP, OBJ, STL, or a zip of them) into a new folder, in a worker; all or nothing.
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { formatBytes, resolveLimits, type ImportLimits } from './import-limits.ts';
import type { ImportOptions, ImportProgress, ImportRecord, ImportResult, UploadedFile } from './import-types.ts';
import type { ImportRefusal } from './refusal.ts';
import { runInWorker, runSerially } from './run-in-worker.ts';
import { prepareImportWorker } from './worker-pool.ts';
import type { WorkerJob } from './worker-protocol.ts';

function refuse(code: ImportRefusal['code'], message: string, params: ImportRefusal['params']): ImportRefusal {
  return { ok: false, code, message, params };
}

/** Limits that need no reading: how many files, and how large. */
async function checkUpload(files: UploadedFile[], limits: ImportLimits): Promise<ImportRefusal | null> {
  if (files.length === 0) return refuse('no-model', 'No file was uploaded.', {});
  if (files.length > limits.maxFiles) return refuse('too-many-files', `${files.length} files were uploaded; at most ${limits.maxFiles} can be imported at once. Put them in one .zip.`, { count: files.length, limit: limits.maxFiles });
  const sizes = await Promise.all(files.map(async (file) => (await stat(file.path)).size));
  const largest = sizes.findIndex((size) => size > limits.maxFileBytes);
  if (largest >= 0) {
    const name = files[largest]?.name ?? 'a file';
    const bytes = sizes[largest] ?? 0;
    return refuse('too-large', `${name} is ${formatBytes(bytes)}; the limit is ${formatBytes(limits.maxFileBytes)} per file.`, { file: name, bytes, limit: limits.maxFileBytes });
  }
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (total > limits.maxUploadBytes) return refuse('too-large', `The files add up to ${formatBytes(total)}; the limit is ${formatBytes(limits.maxUploadBytes)} per upload.`, { bytes: total, limit: limits.maxUploadBytes });
  return null;
}

async function storedFile(dir: string, name: string) {
  const file = path.join(dir, name);
  return { path: file, bytes: (await stat(file)).size };
}

export async function resultOf(directory: string, record: ImportRecord, extra: Pick<ImportResult, 'durations' | 'memory'>): Promise<ImportResult> {
  const { files, ...rest } = record;
  const [model, working, original] = await Promise.all([storedFile(directory, files.model), storedFile(directory, files.working), storedFile(directory, files.original)]);
  return { ok: true, ...rest, directory, model, working, original, ...extra };
}

/** Puts the staging folder in place of `outputDir` (kept aside until then, and put back if the swap fails). */
async function replaceFolder(stagingDir: string, outputDir: string): Promise<void> {
  const previous = `${outputDir}.previous-${randomUUID()}`;
  await rename(outputDir, previous);
  try {
    await rename(stagingDir, outputDir);
  } catch (error) {
    await rename(previous, outputDir);
    throw error;
  }
  await rm(previous, { recursive: true, force: true });
}

/**
 * Runs `job` (built for a fresh staging folder beside `outputDir`) in the worker and moves its output to `outputDir` in
 * one rename, or removes it; with `replace`, the existing `outputDir` is swapped out instead.
 */
export async function runStaged(
  outputDir: string,
  limits: ImportLimits,
  onProgress: ImportOptions['onProgress'],
  makeJob: (stagingDir: string) => WorkerJob,
  replace = false,
): Promise<ImportResult | ImportRefusal> {
  const started = performance.now();
  const report = (progress: ImportProgress) => {
    try {
      onProgress?.(progress);
    } catch {
      // A failing progress listener must neither stop the import nor reach the event loop.
    }
  };
  return runSerially(async () => {
    await mkdir(path.dirname(outputDir), { recursive: true });
    const stagingDir = await mkdtemp(`${outputDir}.partial-`);
    try {
      const outcome = await runInWorker(makeJob(stagingDir), limits, report);
      if (!outcome.ok) return outcome.refusal;
      if (replace) await replaceFolder(stagingDir, outputDir);
      else await rename(stagingDir, outputDir);
      const durations = { ...outcome.staged.durations, total: Math.round(performance.now() - started) };
      report({ stage: 'storing', fraction: 1 });
      return await resultOf(outputDir, outcome.staged.record, { durations, memory: outcome.memory });
    } finally {
      await rm(stagingDir, { recursive: true, force: true });
    }
  });
}

/**
 * Imports one product model. Never rejects for anything wrong with the files (that is a refusal, in words); rejects only
 * when `outputDir` already exists or the uploaded paths cannot be read.
 */
export async function importModel(files: UploadedFile[], options: ImportOptions): Promise<ImportResult | ImportRefusal> {
  const limits = resolveLimits(options.limits);
  const outputDir = path.resolve(options.outputDir);
  if (await stat(outputDir).then(() => true, () => false)) throw new Error(`import output folder ${outputDir} already exists`);
  const refusal = await checkUpload(files, limits);
  if (refusal) return refusal;
  return runStaged(outputDir, limits, options.onProgress, (stagingDir) => ({
    kind: 'import',
    files: files.map(({ name, path: filePath }) => ({ name, path: path.resolve(filePath) })),
    stagingDir,
    name: options.name,
    unit: options.unit,
    limits,
  }));
}

/** Warms the import worker ahead of an import expected soon (it ends itself after a minute without one). */
export function prepareImport(limits: Partial<ImportLimits> = {}): void {
  prepareImportWorker(resolveLimits(limits).maxWorkerHeapMb);
}
