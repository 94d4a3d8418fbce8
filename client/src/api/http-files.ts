// File transfers with the bearer token, for the few rooms that need them (Studio): a GET as bytes, and a POST with
// upload progress. Kept apart from http.ts so the pages visitors load do not carry them.
import type { ErrorBody } from '../../../core/ack.ts';
import { ApiError, currentBearerToken, renewedBearerToken, sendWithToken } from './http.ts';
import { noAnswer } from '../i18n/error-text.ts';

/** GET a file (a model, an archive) with the bearer token, as bytes. */
export async function apiBytes(path: string, signal?: AbortSignal): Promise<ArrayBuffer> {
  const options = { headers: { accept: '*/*' }, ...(signal ? { signal } : {}) };
  const token = currentBearerToken();
  let response = await sendWithToken(path, options, token);
  if (response.status === 401 && token) {
    const renewed = await renewedBearerToken();
    if (renewed) response = await sendWithToken(path, options, renewed);
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
    const token = currentBearerToken();
    if (token) request.setRequestHeader('authorization', `Bearer ${token}`);
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress?.(event.loaded / event.total);
    };
    request.onerror = () => reject(new ApiError(0, noAnswer('network')));
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
