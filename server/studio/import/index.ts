// The Studio import library: what the HTTP layer calls to import a product model and to split its merged meshes.
export { importModel, prepareImport } from './import-model.ts';
export { closeImportWorker } from './worker-pool.ts';
export { readStoredImport, splitModelPart, type SplitOptions, type StoredImport } from './split-model-part.ts';
export { DEFAULT_IMPORT_LIMITS, type ImportLimits } from './import-limits.ts';
export type { ImportRefusal, RefusalCode } from './refusal.ts';
export type { SplitMode } from './split-node.ts';
export type {
  Bounds,
  ImportOptions,
  ImportProgress,
  ImportRecord,
  ImportResult,
  ImportStage,
  ImportWarning,
  LengthUnit,
  ModelDimensions,
  ModelFormat,
  ModelStats,
  PartNode,
  StoredFile,
  UploadedFile,
  WarningCode,
  WorkerMemory,
} from './import-types.ts';
