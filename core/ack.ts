// What every realtime answer looks like: the error codes, the error body and the ack callback. Imports nothing.

export const ERROR_CODES = ['bad_request', 'unauthorized', 'forbidden', 'not_found', 'conflict', 'out_of_stock', 'protocol_mismatch', 'rate_limited', 'unavailable', 'internal'] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ErrorIssue {
  /** The field at fault, dotted, e.g. `parts.2.price`; `(root)` for the whole payload. */
  path: string;
  message: string;
}

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  issues?: ErrorIssue[] | undefined;
}

export type AckOk<T extends object = object> = { ok: true } & T;
export type AckError = { ok: false; error: ErrorBody };
export type AckResponse<T extends object = object> = AckOk<T> | AckError;
/** The last argument of a client event: the server answers every event that carries one, exactly once. */
export type Ack<T extends object = object> = (response: AckResponse<T>) => void;
