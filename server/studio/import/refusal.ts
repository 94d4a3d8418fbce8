// Why an import was refused: a machine code, its parameters, and one English sentence a person understands.
export type RefusalCode =
  | 'too-large'
  | 'too-many-files'
  | 'unknown-format'
  | 'corrupt'
  | 'unsafe-archive'
  | 'no-model'
  | 'several-models'
  | 'missing-resource'
  | 'invalid-gltf'
  | 'no-geometry'
  | 'too-detailed'
  | 'nothing-to-split'
  | 'unknown-node'
  | 'timeout'
  | 'out-of-memory'
  | 'worker-failed';

export type RefusalParams = Record<string, string | number>;

export interface ImportRefusal {
  ok: false;
  code: RefusalCode;
  /** English sentence for logs and the API; clients translate by `code` and `params`. */
  message: string;
  params: RefusalParams;
}

/** Thrown inside the pipeline for anything wrong with the upload; everything else is a bug and reported as `worker-failed`. */
export class ImportError extends Error {
  readonly code: RefusalCode;
  readonly params: RefusalParams;

  constructor(code: RefusalCode, message: string, params: RefusalParams = {}) {
    super(message);
    this.name = 'ImportError';
    this.code = code;
    this.params = params;
  }
}

export function refusalOf(error: ImportError): ImportRefusal {
  return { ok: false, code: error.code, message: error.message, params: error.params };
}

export function isImportRefusal(value: unknown): value is ImportRefusal {
  return typeof value === 'object' && value !== null && (value as { ok?: unknown }).ok === false && typeof (value as { code?: unknown }).code === 'string';
}
