// Acknowledged means committed: orders acknowledged before a restart or a kill -9 of the server process are still there.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Order, PlaceOrderResponse } from '../../core/order.ts';
import type { CartResponse } from '../../core/cart.ts';
import { makeDataDir, startTestServer } from '../support/test-server.ts';
import { ADDRESS, newKey, pickParts, placeOrder, setStock, signIn, stockOf, withConcurrency } from '../support/orders-api.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

/** Starts `node --import tsx server/main.ts` on port 0 and resolves with its URL once it says it is running. */
function startServerProcess(dataDir: string): Promise<{ url: string; child: ChildProcess }> {
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', CLIENT_DIR: path.join(dataDir, 'no-client') };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server process did not start:\n${output}`)), 20_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve({ url: match[1], child });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server process exited with ${code}:\n${output}`));
    });
  });
}

function killHard(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });
}

describe('orders survive a restart', () => {
  it('an acknowledged order and the cart are there after restart() on the same database file', async () => {
    let server = await startTestServer();
    try {
      const customer = await signIn(server, 'customer@demo.local');
      const { consumable } = await pickParts(server);
      await customer.request('PUT', `/api/cart/items/${consumable.sku}`, { quantity: 3 });
      const { status, body } = await placeOrder<PlaceOrderResponse>(customer, newKey(), { items: [{ sku: consumable.sku, quantity: 1 }], address: ADDRESS });
      expect(status).toBe(201);
      server = await server.restart();
      const again = await signIn(server, 'customer@demo.local');
      expect((await again.get<{ order: Order }>(`/api/orders/${body.order.id}`)).body.order).toEqual(body.order);
      expect((await again.get<CartResponse>('/api/cart')).body.cart.items.map((item) => item.quantity)).toEqual([3]);
    } finally {
      await server.close();
    }
  });

  it('orders acknowledged just before a kill -9 of the server process are all there, and stock matches them', { timeout: 60_000 }, async () => {
    const dataDir = makeDataDir();
    const first = await startServerProcess(dataDir);
    const admin = await signIn(first, 'admin@demo.local');
    const customer = await signIn(first, 'customer@demo.local');
    const { consumable } = await pickParts(first);
    await setStock(admin, consumable.sku, 1000);

    const acknowledged: string[] = [];
    let killing: Promise<void> | undefined;
    await withConcurrency(
      8,
      Array.from({ length: 60 }, () => async () => {
        if (killing) return;
        const response = await placeOrder<PlaceOrderResponse>(customer, newKey('kill'), { items: [{ sku: consumable.sku, quantity: 1 }], address: ADDRESS }).catch(() => null);
        if (response?.status !== 201) return;
        acknowledged.push(response.body.order.id);
        if (acknowledged.length === 20) killing = killHard(first.child);
      }),
    );
    await killing;
    expect(acknowledged.length).toBeGreaterThanOrEqual(20);

    const second = await startServerProcess(dataDir);
    const after = await signIn(second, 'customer@demo.local');
    for (const id of acknowledged) expect((await after.get(`/api/orders/${id}`)).status).toBe(200);
    const { body } = await after.get<{ orders: Order[] }>('/api/orders?limit=100');
    expect(body.orders.length).toBeGreaterThanOrEqual(acknowledged.length);
    expect(await stockOf(second, consumable.sku)).toBe(1000 - body.orders.length);
  });
});
