// Sorts a refused or failed cart/order request into what a person needs to know to act on it.
import type { ErrorBody } from '../../../core/ack.ts';
import { ApiError } from '../api/http.ts';
import { RealtimeError } from '../realtime/realtime-client.ts';
import { errorText } from '../i18n/error-text.ts';

export type OrderProblem =
  | { kind: 'network' }
  | { kind: 'sign-in' }
  | { kind: 'shortage'; lines: Array<{ index: number; left: number }> }
  | { kind: 'price-changed' }
  | { kind: 'already-placed' }
  | { kind: 'message'; text: string };

/** The server's error body, or null when the request never got an answer (offline, timeout). */
export function errorBodyOf(error: unknown): ErrorBody | null {
  if (error instanceof RealtimeError) return error.body.reason === 'timeout' ? null : error.body;
  if (error instanceof ApiError) return error.status === 0 ? null : error.body;
  return null;
}

export function orderProblemOf(error: unknown): OrderProblem {
  const body = errorBodyOf(error);
  if (!body) return { kind: 'network' };
  if (body.code === 'unauthorized') return { kind: 'sign-in' };
  if (body.code === 'out_of_stock') {
    const lines = (body.issues ?? []).flatMap((issue) => {
      const index = /^items\.(\d+)\./.exec(issue.path)?.[1];
      const left = /(\d+)/.exec(issue.message)?.[1];
      return index !== undefined && left !== undefined ? [{ index: Number(index), left: Number(left) }] : [];
    });
    if (lines.length) return { kind: 'shortage', lines };
  }
  if (body.code === 'conflict' && (body.issues ?? []).some((issue) => issue.path === 'idempotencyKey')) return { kind: 'already-placed' };
  if (body.code === 'conflict' && (body.issues ?? []).some((issue) => issue.path === 'totalCents' || issue.path.endsWith('.unitPriceCents'))) {
    return { kind: 'price-changed' };
  }
  return { kind: 'message', text: errorText(body) };
}

/** True when the server has answered for sure, so nothing was placed under this attempt's key and a new one may be used. */
export function isDefinitiveRefusal(error: unknown): boolean {
  const body = errorBodyOf(error);
  if (!body || body.code === 'internal') return false;
  return !(body.issues ?? []).some((issue) => issue.path === 'idempotencyKey');
}
