// Error codes and the error payload shared by HTTP responses and Socket.IO acks.
import { z } from 'zod';
import { ERROR_CODES, ERROR_REASONS, type ErrorBody, type ErrorCode, type ErrorIssue, type ErrorParams, type ErrorReason } from './ack.ts';


export const ErrorIssueSchema = z.object({ path: z.string(), message: z.string() }) satisfies z.ZodType<ErrorIssue>;

export const ErrorBodySchema = z.object({
  code: z.enum(ERROR_CODES),
  message: z.string(),
  issues: z.array(ErrorIssueSchema).optional(),
  reason: z.enum(ERROR_REASONS).optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
}) satisfies z.ZodType<ErrorBody>;

/** The body of every HTTP error response. */
export const ErrorResponseSchema = z.object({ error: ErrorBodySchema });
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

export const HTTP_STATUS: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  out_of_stock: 409,
  protocol_mismatch: 400,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
};

/** Turns zod issues into `{ path, message }` pairs whose path names the field, e.g. `parts.2.price`. */
export function issuesFromZod(error: z.ZodError): ErrorIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(root)',
    message: issue.message,
  }));
}

/** A failure that carries an error code; thrown by the server and mapped to a response or an ack. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: ErrorIssue[],
    /** A stable key the client translates instead of the English message. */
    readonly reason?: { reason: ErrorReason; params?: ErrorParams },
  ) {
    super(message);
    this.name = 'AppError';
  }

  toBody(): ErrorBody {
    return {
      code: this.code,
      message: this.message,
      ...(this.issues ? { issues: this.issues } : {}),
      ...(this.reason ? { reason: this.reason.reason, ...(this.reason.params ? { params: this.reason.params } : {}) } : {}),
    };
  }
}
