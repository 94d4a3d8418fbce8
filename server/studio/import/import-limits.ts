// Size, count, time and memory limits of an import, with defaults for a one-machine install.
const MiB = 1024 * 1024;

export interface ImportLimits {
  /** Largest single uploaded file. @default 200 MiB */
  maxFileBytes: number;
  /** Largest upload, all files together. @default 300 MiB */
  maxUploadBytes: number;
  /** Most files in one upload. @default 64 */
  maxFiles: number;
  /** Most entries in a zip. @default 1000 */
  maxZipEntries: number;
  /** Most bytes a zip may unpack to. @default 500 MiB */
  maxUnpackedBytes: number;
  /** Most triangles in the imported model (AR devices draw it every frame). @default 3 000 000 */
  maxTriangles: number;
  /** Longest an import may run before it is stopped. @default 120 000 ms */
  timeoutMs: number;
  /** V8 heap of the import worker (WebAssembly memory comes on top). @default 2048 MiB */
  maxWorkerHeapMb: number;
  /** Longest texture side after optimization. @default 2048 */
  maxTextureSize: number;
  /** Sizes outside [min, max] metres (largest side) get a plausibility warning. @default 0.01 and 50 */
  plausibleSizeM: { min: number; max: number };
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxFileBytes: 200 * MiB,
  maxUploadBytes: 300 * MiB,
  maxFiles: 64,
  maxZipEntries: 1000,
  maxUnpackedBytes: 500 * MiB,
  maxTriangles: 3_000_000,
  timeoutMs: 120_000,
  maxWorkerHeapMb: 2048,
  maxTextureSize: 2048,
  plausibleSizeM: { min: 0.01, max: 50 },
};

export function resolveLimits(overrides: Partial<ImportLimits> = {}): ImportLimits {
  const limits = { ...DEFAULT_IMPORT_LIMITS, ...overrides };
  for (const [key, value] of Object.entries(limits)) {
    if (typeof value === 'number' && !(value > 0)) throw new RangeError(`import limit ${key} must be a positive number, got ${value}`);
  }
  return limits;
}

/** "12.5 MB", "300 KB": sizes as people read them. */
export function formatBytes(bytes: number): string {
  if (bytes >= MiB) return `${Number((bytes / MiB).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}
