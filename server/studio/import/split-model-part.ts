// Splits one node of a stored import into parts (by material or connected pieces) and swaps the folder in one step.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { resultOf, runStaged } from './import-model.ts';
import { resolveLimits, type ImportLimits } from './import-limits.ts';
import type { ImportProgress, ImportRecord, ImportResult } from './import-types.ts';
import type { ImportRefusal } from './refusal.ts';
import type { SplitMode } from './split-node.ts';
import { RECORD_FILE } from './worker-protocol.ts';

export interface SplitOptions {
  limits?: Partial<ImportLimits>;
  onProgress?: (progress: ImportProgress) => void;
}

export type StoredImport = Omit<ImportResult, 'durations' | 'memory'>;

/** A stored import as `importModel` returned it, read back from its folder. */
export async function readStoredImport(directory: string): Promise<StoredImport> {
  const dir = path.resolve(directory);
  const record = JSON.parse(await readFile(path.join(dir, RECORD_FILE), 'utf8')) as ImportRecord;
  const { durations: _durations, memory: _memory, ...stored } = await resultOf(dir, record, { durations: {}, memory: { peakHeapBytes: 0, peakExternalBytes: 0, peakBytes: 0 } });
  return stored;
}

/**
 * Replaces node `nodeId`'s mesh with one child part per material or per connected piece; the new parts get keys and
 * slugs, the model is optimized and validated again, and the folder is replaced only when all of that succeeded.
 */
export async function splitModelPart(directory: string, nodeId: string, mode: SplitMode, options: SplitOptions = {}): Promise<ImportResult | ImportRefusal> {
  const limits = resolveLimits(options.limits);
  const dir = path.resolve(directory);
  return runStaged(dir, limits, options.onProgress, (stagingDir) => ({ kind: 'split', sourceDir: dir, stagingDir, nodeId, mode, limits }), true);
}
