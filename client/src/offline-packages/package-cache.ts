// Stores a package's URLs in the cache the service worker falls back to, and removes those no other package still uses.
import { OFFLINE_CACHES } from '../offline/offline-contract.ts';

export interface StoreProgress {
  done: number;
  total: number;
  bytes: number;
}

/** The body is kept decoded: its transfer encoding and length no longer describe it. */
function storedHeaders(headers: Headers): Headers {
  const kept = new Headers(headers);
  kept.delete('content-encoding');
  kept.delete('content-length');
  return kept;
}

/** Fetches every URL fresh (revalidated) and keeps the answer; resolves to the bytes stored. */
export async function storeUrls(urls: readonly string[], onProgress: (progress: StoreProgress) => void, signal?: AbortSignal): Promise<number> {
  const cache = await caches.open(OFFLINE_CACHES.packages);
  let done = 0;
  let bytes = 0;
  onProgress({ done, total: urls.length, bytes });
  const queue = [...urls];
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      const response = await fetch(url, { cache: 'no-cache', ...(signal ? { signal } : {}) });
      if (!response.ok) throw new Error(`${url}: ${response.status}`);
      const body = await response.arrayBuffer();
      await cache.put(url, new Response(body, { status: response.status, statusText: response.statusText, headers: storedHeaders(response.headers) }));
      done += 1;
      bytes += body.byteLength;
      onProgress({ done, total: urls.length, bytes });
    }
  };
  await Promise.all([worker(), worker(), worker(), worker()]);
  return bytes;
}

export async function dropUrls(urls: Iterable<string>): Promise<void> {
  const cache = await caches.open(OFFLINE_CACHES.packages);
  await Promise.all([...urls].map((url) => cache.delete(url)));
}
