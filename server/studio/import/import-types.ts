// The import pipeline's public shapes: what the HTTP layer passes in and what it gets back (a result or a refusal).
import type { Vec3 } from '../../../core/geometry.ts';
import type { ImportLimits } from './import-limits.ts';

/** One uploaded file: the name the person gave it (only ever shown, never used as a path) and where it lies on disk. */
export interface UploadedFile {
  name: string;
  path: string;
}

/** Model formats the pipeline reads. */
export type ModelFormat = 'glb' | 'gltf' | 'step' | 'obj' | 'stl';

export type LengthUnit = 'm' | 'cm' | 'mm' | 'in' | 'ft';

/** Where a unit came from: the file says so, the format defines it, the caller said so, or the format has none and we assumed. */
export type UnitSource = 'file' | 'format' | 'option' | 'assumed';

export type ImportStage = 'reading' | 'validating' | 'converting' | 'optimizing' | 'checking' | 'storing';

/** Stage and overall fraction (0–1, never decreasing). */
export interface ImportProgress {
  stage: ImportStage;
  fraction: number;
}

export interface ImportOptions {
  /** Directory the stored import becomes; must not exist yet. Its parent is created when missing. */
  outputDir: string;
  /** Product name shown for the root of the parts tree. @default the model's own top-level name */
  name?: string;
  /** Unit of a unitless format (OBJ, STL). @default "m" for OBJ, "mm" for STL */
  unit?: LengthUnit;
  limits?: Partial<ImportLimits>;
  onProgress?: (progress: ImportProgress) => void;
}

export interface Bounds {
  min: Vec3;
  max: Vec3;
}

/** A node of the imported model as Studio shows it. Counts and bounds cover the node and everything below it. */
export interface PartNode {
  /** Stable key of the node in the stored GLBs (`extras.studioId`). */
  id: string;
  /** The node's name in the source file. */
  name: string;
  /** A proposed part id, unique in the model. */
  slug: string;
  meshCount: number;
  triangleCount: number;
  /** Model frame, metres, Y up. */
  bounds: Bounds;
  children: PartNode[];
}

/** Width (x) × height (y) × depth (z) in metres. */
export interface ModelDimensions {
  width: number;
  height: number;
  depth: number;
}

export type WarningCode =
  | 'validator-warnings'
  | 'repaired'
  | 'implausible-size'
  | 'renamed-format'
  | 'unused-files'
  | 'removed-nodes'
  | 'mixed-units'
  | 'assumed-unit'
  | 'missing-materials';

export interface ImportWarning {
  code: WarningCode;
  message: string;
  params: Record<string, string | number>;
}

export interface ModelStats {
  triangles: number;
  vertices: number;
  /** Draw calls when every primitive is drawn once. */
  primitives: number;
  nodes: number;
  materials: number;
  textures: number;
}

export interface StoredFile {
  path: string;
  bytes: number;
}

/** What is kept in the import directory as `import.json` and read back by later steps. */
export interface ImportRecord {
  format: ModelFormat;
  /** The uploaded names, for people to read. */
  sourceNames: string[];
  units: { source: LengthUnit | 'mixed' | 'unknown'; from: UnitSource };
  /** The source's up axis; the stored model is always Y up. */
  upAxis: { source: 'y' | 'z'; converted: boolean };
  dimensions: ModelDimensions;
  tree: PartNode;
  warnings: ImportWarning[];
  stats: ModelStats;
  files: { model: string; working: string; original: string };
}

export interface ImportResult extends Omit<ImportRecord, 'files'> {
  ok: true;
  directory: string;
  /** The optimized GLB to serve. */
  model: StoredFile;
  /** The same model before optimization: the source for later edits. */
  working: StoredFile;
  /** The upload as it came (several files are kept as one zip). */
  original: StoredFile;
  /** Milliseconds per stage, plus `total` from the call to the stored result. */
  durations: Partial<Record<ImportStage | 'total', number>>;
  memory: WorkerMemory;
}

/** Peak memory seen inside the worker (its own V8 heap plus memory outside it, such as WebAssembly and buffers). */
export interface WorkerMemory {
  peakHeapBytes: number;
  peakExternalBytes: number;
  /** Highest heap + external seen at once. */
  peakBytes: number;
}
