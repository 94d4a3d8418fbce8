// Typed HTTP calls to the API: JSON in and out, the server's error body surfaced as ApiError, bearer token attached and
// renewed once when the server says it has expired.
import type { z } from 'zod';
import type { ErrorBody } from '../../../core/ack.ts';
import { noAnswer } from '../i18n/error-text.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ErrorBody,
    /** From `Retry-After` on a 429: how long to wait before trying again. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(body.message);
    this.name = 'ApiError';
  }
}

let bearerToken: string | null = null;
let renewToken: (() => Promise<string | null>) | null = null;

export function setBearerToken(token: string | null): void {
  bearerToken = token;
}

/** What to call when the server refuses the bearer token: resolves with a fresh one, or null when signed out. */
export function setTokenRenewal(renew: (() => Promise<string | null>) | null): void {
  renewToken = renew;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Sends no bearer token and does not renew one (the sign-in routes themselves). */
  anonymous?: boolean;
}

async function send(path: string, options: RequestOptions, token: string | null): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  try {
    return await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      credentials: 'same-origin',
      ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, noAnswer('network'));
  }
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const token = options.anonymous ? null : bearerToken;
  let response = await send(path, options, token);
  if (response.status === 401 && token && renewToken) {
    // Without a fresh token the request goes again unsigned: public routes still answer after a sign-in ended.
    response = await send(path, options, await renewToken());
  }
  const data: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (!response.ok) {
    const body = (data as { error?: ErrorBody } | undefined)?.error ?? { code: 'internal', message: response.statusText };
    const retryAfter = Number(response.headers.get('retry-after'));
    throw new ApiError(response.status, body, Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null);
  }
  return data as T;
}

/** GET and check the shape with the shared schema, so a contract drift fails loudly here and not deep in the UI. */
export async function apiGet<S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal): Promise<z.infer<S>> {
  return schema.parse(await apiRequest(path, signal ? { signal } : {}));
}

/**
 * GET typed by the shared contract but not re-validated: for the first pages a visitor sees, where shipping the
 * validator would cost more than it protects (the server validates and its responses are tested against the schemas).
 */
export function apiFetch<T>(path: string, signal?: AbortSignal): Promise<T> {
  return apiRequest<T>(path, signal ? { signal } : {});
}

/** The bearer token now, for the file transfers of api/http-files.ts. */
export function currentBearerToken(): string | null {
  return bearerToken;
}

/** A fresh bearer token after the server refused one, or null when there is none. */
export function renewedBearerToken(): Promise<string | null> {
  return renewToken ? renewToken() : Promise.resolve(null);
}

/** Sends a request as `apiRequest` does, returning the raw response (for files). */
export function sendWithToken(path: string, options: RequestOptions, token: string | null): Promise<Response> {
  return send(path, options, token);
}
