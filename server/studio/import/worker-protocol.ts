// What the main thread asks of an import worker and what the worker says back, as structured-clone messages.
import type { ImportLimits } from './import-limits.ts';
import type { ImportProgress, ImportRecord, ImportStage, LengthUnit, UploadedFile, WorkerMemory } from './import-types.ts';
import type { ImportRefusal } from './refusal.ts';
import type { SplitMode } from './split-node.ts';

export interface ImportJob {
  kind: 'import';
  files: UploadedFile[];
  /** Where the worker writes; the main thread renames it into place or removes it. */
  stagingDir: string;
  name: string | undefined;
  unit: LengthUnit | undefined;
  limits: ImportLimits;
}

export interface SplitJob {
  kind: 'split';
  /** A stored import, read only. */
  sourceDir: string;
  stagingDir: string;
  nodeId: string;
  mode: SplitMode;
  limits: ImportLimits;
}

export type WorkerJob = ImportJob | SplitJob;

/** A complete import written to the staging directory. */
export interface StagedImport {
  record: ImportRecord;
  durations: Partial<Record<ImportStage, number>>;
}

export type WorkerMessage =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; staged: StagedImport; memory: WorkerMemory }
  | { type: 'refused'; refusal: ImportRefusal; memory: WorkerMemory }
  | { type: 'failed'; message: string; memory: WorkerMemory };

export const RECORD_FILE = 'import.json';
export const MODEL_FILE = 'model.glb';
export const WORKING_FILE = 'working.glb';
