// Typed HTTP calls to the API: JSON in and out, the server's error body surfaced as ApiError, bearer token attached and
// renewed once when the server says it has expired.
import type { z } from 'zod';
import type { ErrorBody } from '../../../core/ack.ts';

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
    throw new ApiError(0, { code: 'internal', message: 'network' });
  }
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const token = options.anonymous ? null : bearerToken;
  let response = await send(path, options, token);
  if (response.status === 401 && token && renewToken) {
    const renewed = await renewToken();
    if (renewed) response = await send(path, options, renewed);
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

/** GET a file (a model, an archive) with the bearer token, as bytes. */
export async function apiBytes(path: string, signal?: AbortSignal): Promise<ArrayBuffer> {
  let response = await send(path, { headers: { accept: '*/*' }, ...(signal ? { signal } : {}) }, bearerToken);
  if (response.status === 401 && bearerToken && renewToken) {
    const renewed = await renewToken();
    if (renewed) response = await send(path, { headers: { accept: '*/*' }, ...(signal ? { signal } : {}) }, renewed);
  }
  if (!response.ok) {
    const data = (await response.json().catch(() => undefined)) as { error?: ErrorBody } | undefined;
    throw new ApiError(response.status, data?.error ?? { code: 'internal', message: response.statusText });
  }
  return response.arrayBuffer();
}

export interface UploadOptions {
  /** Called with the fraction of the request body sent so far. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
}

/** POST a form or a file with upload progress (fetch reports none), the server's error body surfaced as ApiError. */
export function apiUpload<T>(path: string, body: FormData | Blob, options: UploadOptions = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('POST', path);
    request.setRequestHeader('accept', 'application/json');
    if (body instanceof Blob) request.setRequestHeader('content-type', body.type || 'application/octet-stream');
    if (bearerToken) request.setRequestHeader('authorization', `Bearer ${bearerToken}`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    };
    request.onerror = () => reject(new ApiError(0, { code: 'internal', message: 'network' }));
    request.onabort = () => reject(new DOMException('aborted', 'AbortError'));
    request.onload = () => {
      let data: unknown;
      try {
        data = request.responseText ? JSON.parse(request.responseText) : undefined;
      } catch {
        data = undefined;
      }
      if (request.status >= 200 && request.status < 300) return resolve(data as T);
      const error = (data as { error?: ErrorBody } | undefined)?.error ?? { code: 'internal', message: request.statusText || `HTTP ${request.status}` };
      reject(new ApiError(request.status, error));
    };
    options.signal?.addEventListener('abort', () => request.abort());
    request.send(body);
  });
}
