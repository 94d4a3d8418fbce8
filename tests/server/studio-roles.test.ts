// Who reaches Studio: every Studio operation of the OpenAPI document, asked by every role; only admin and author get in.
// The author reaches Studio but neither orders nor stock management.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../core/auth.ts';
import { servedDocument } from '../support/openapi-tools.ts';
import { login } from '../support/test-server.ts';
import { useTestServer } from '../support/use-test-server.ts';

const EMAIL = { customer: 'customer@demo.local', technician: 'tech@demo.local', agent: 'agent@demo.local', admin: 'admin@demo.local', author: 'author@demo.local', operator: 'operator@demo.local' } as const;

type Operation = { method: string; path: string };

describe('Studio roles', () => {
  const live = useTestServer();

  async function studioOperations(): Promise<Operation[]> {
    const document = await servedDocument(live.server);
    const paths = document.paths as Record<string, Record<string, { tags?: string[] }>>;
    const id = randomUUID();
    return Object.entries(paths).flatMap(([template, item]) =>
      Object.entries(item)
        .filter(([, operation]) => operation.tags?.includes('studio'))
        .map(([method, _operation]) => ({ method: method.toUpperCase(), path: template.replace('{id}', template.includes('/products/') ? 'no-such-product' : id) })),
    );
  }

  async function statusOf(operation: Operation, token?: string): Promise<number> {
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const response = await fetch(`${live.server.url}${operation.path}`, { method: operation.method, headers });
    return response.status;
  }

  it('answers 401 without a sign-in, 403 to customer, technician and agent, and lets admin and author in', async () => {
    const operations = await studioOperations();
    expect(operations.length).toBeGreaterThanOrEqual(12);
    const tokens = Object.fromEntries(await Promise.all(ROLES.map(async (role) => [role, (await login(live.server, EMAIL[role])).token] as const)));
    for (const operation of operations) {
      expect([operation, await statusOf(operation)]).toEqual([operation, 401]);
      for (const role of ROLES) {
        const status = await statusOf(operation, tokens[role]);
        const allowed = role === 'admin' || role === 'author';
        expect([operation, role, allowed ? status !== 401 && status !== 403 : status]).toEqual([operation, role, allowed ? true : 403]);
      }
    }
  });

  it('keeps the author out of managing orders and stock', async () => {
    const { token } = await login(live.server, EMAIL.author);
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
    const order = await fetch(`${live.server.url}/api/orders/${randomUUID()}`, { method: 'PATCH', headers, body: JSON.stringify({ status: 'shipped' }) });
    expect(order.status).toBe(403);
    const stock = await fetch(`${live.server.url}/api/parts/WC-PAD-01`, { method: 'PATCH', headers, body: JSON.stringify({ stock: 5 }) });
    expect(stock.status).toBe(403);
  });
});
