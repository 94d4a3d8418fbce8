// Small HTTP helpers for the order and cart tests: a signed-in JSON client, catalog part picks, a valid address.
import type { PartDetail, ProductDetail, ProductList } from '../../core/catalog.ts';
import type { Address } from '../../core/order.ts';
import { login } from './test-server.ts';

export interface ApiResponse<T = unknown> {
  status: number;
  body: T;
}

export interface ApiClient {
  userId: string;
  token: string;
  request<T = unknown>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  get<T = unknown>(path: string): Promise<ApiResponse<T>>;
}

export interface ErrorResponseBody {
  error: { code: string; message: string; issues?: Array<{ path: string; message: string }> };
}

export const ADDRESS: Address = { name: 'Carmen Customer', street: 'Calle Mayor 1', city: 'Madrid', postalCode: '28013', country: 'ES' };

export async function requestJson<T>(url: string, method: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
  const response = await fetch(url, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
}

export async function signIn(server: { url: string }, email: string): Promise<ApiClient> {
  const { token, user } = await login(server, email);
  const auth = { authorization: `Bearer ${token}` };
  const request = <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    requestJson<T>(`${server.url}${path}`, method, body, { ...auth, ...headers });
  return { userId: user.id, token, request, get: (path) => request('GET', path) };
}

/** A consumable and a non-consumable part from the seeded catalog, whatever their SKUs are. */
export async function pickParts(server: { url: string }): Promise<{ consumable: PartDetail; other: PartDetail; all: PartDetail[] }> {
  const { body: list } = await requestJson<ProductList>(`${server.url}/api/products`, 'GET');
  const parts: PartDetail[] = [];
  for (const product of list.products) {
    const { body } = await requestJson<ProductDetail>(`${server.url}/api/products/${product.id}`, 'GET');
    for (const part of body.parts) if (!parts.some((p) => p.sku === part.sku)) parts.push(part);
  }
  const consumable = parts.find((part) => part.consumable);
  const other = parts.find((part) => !part.consumable);
  if (!consumable || !other) throw new Error('The seeded catalog needs at least one consumable and one other part');
  return { consumable, other, all: parts };
}

let keyCounter = 0;
/** A fresh idempotency key. */
export function newKey(prefix = 'test'): string {
  keyCounter += 1;
  return `${prefix}-${process.pid}-${Date.now()}-${keyCounter}-${Math.random().toString(36).slice(2, 10)}`;
}

export function placeOrder<T = unknown>(client: ApiClient, key: string | undefined, body: unknown): Promise<ApiResponse<T>> {
  return client.request<T>('POST', '/api/orders', body, key === undefined ? {} : { 'idempotency-key': key });
}

export async function setStock(admin: ApiClient, sku: string, stock: number): Promise<void> {
  const response = await admin.request('PATCH', `/api/parts/${sku}`, { stock });
  if (response.status !== 200) throw new Error(`setting stock of ${sku} failed: ${response.status} ${JSON.stringify(response.body)}`);
}

export async function stockOf(server: { url: string }, sku: string): Promise<number> {
  const { body } = await requestJson<PartDetail>(`${server.url}/api/parts/${sku}`, 'GET');
  return body.stock;
}

/** Runs `tasks` with at most `limit` in flight; results keep the tasks' order. */
export async function withConcurrency<T>(limit: number, tasks: Array<() => Promise<T>>): Promise<T[]> {
  const results: T[] = new Array(tasks.length);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}
