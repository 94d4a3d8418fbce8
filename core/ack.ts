// What every realtime answer looks like: the error codes, the error body and the ack callback. Imports nothing.

export const ERROR_CODES = ['bad_request', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'out_of_stock', 'protocol_mismatch', 'rate_limited', 'unavailable', 'internal'] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * Why, more precisely than the code: a stable key a client translates (with `params`) instead of showing the English
 * `message`. `network` and `timeout` are set by the client itself when no answer came.
 */
export const ERROR_REASONS = [
  'network',
  'timeout',
  'upload.too-large',
  'upload.too-many-files',
  'upload.cut-off',
  'upload.no-file',
  'import.too-large',
  'import.too-many-files',
  'import.unknown-format',
  'import.corrupt',
  'import.unsafe-archive',
  'import.no-model',
  'import.several-models',
  'import.missing-resource',
  'import.invalid-gltf',
  'import.no-geometry',
  'import.too-detailed',
  'import.nothing-to-split',
  'import.unknown-node',
  'import.timeout',
  'import.out-of-memory',
  'import.worker-failed',
  'archive.not-product',
  'archive.invalid',
  'archive.product-exists',
  'archive.guide-exists',
  'guide.invalid',
  'guide.changed-since',
  'guide.id-taken',
  'guide.id-fixed',
  'guide.not-found',
  'guide.no-draft',
  'guide.no-version',
  'survey.answered',
  'survey.nps-too-soon',
  'survey.no-context',
  'survey.not-found',
  'survey.commented',
  'survey.skipped',
  'rating.answered',
  'rating.not-ended',
  'account.email-mismatch',
  'account.wrong-password',
] as const;

export type ErrorReason = (typeof ERROR_REASONS)[number];
export type ErrorParams = Record<string, string | number>;

export interface ErrorIssue {
  /** The field at fault, dotted, e.g. `parts.2.price`; `(root)` for the whole payload. */
  path: string;
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  issues?: ErrorIssue[] | undefined;
  reason?: ErrorReason | undefined;
  /** Values for the reason's sentence (a file name, a limit). */
  params?: ErrorParams | undefined;
}

export type AckOk<T extends object = object> = { ok: true } & T;
export type AckError = { ok: false; error: ErrorBody };
export type AckResponse<T extends object = object> = AckOk<T> | AckError;
/** The last argument of a client event: the server answers every event that carries one, exactly once. */
export type Ack<T extends object = object> = (response: AckResponse<T>) => void;
