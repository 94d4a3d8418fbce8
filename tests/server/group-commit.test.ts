// Writes that share one commit on the embedded database: writes arriving during a commit share the next, a failing one is rolled back alone, the others are on disk when they resolve.
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type OpenStoreOptions, type Store } from '../../server/db/database.ts';
import { preparedQuery } from '../../server/db/prepared-query.ts';
import { isUniqueViolation } from '../../server/db/unique-violation.ts';
import { makeDataDir } from '../support/test-server.ts';

const stores: Store[] = [];

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

async function open(dataDir: string, options: Partial<OpenStoreOptions> = {}): Promise<Store> {
  const store = await openStore({ dataDir, ...options });
  stores.push(store);
  return store;
}

const keysIn = async (store: Store) => (await store.db.selectFrom('meta').select('key').where('key', 'like', 'gc-%').orderBy('key').execute()).map((row) => row.key);

describe('group commit on SQLite', () => {
  it('rolls back only the write that threw, and the others are there after reopening the file', async () => {
    const dataDir = makeDataDir();
    const store = await open(dataDir);
    const insert = (key: string) => store.write((trx) => trx.insertInto('meta').values({ key, value: 'x' }).execute());

    const results = await Promise.allSettled([
      insert('gc-a'),
      store.write(async (trx) => {
        await trx.insertInto('meta').values({ key: 'gc-b', value: 'x' }).execute();
        throw new Error('refused after writing');
      }),
      insert('gc-c'),
      insert('gc-a'),
    ]);

    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'rejected']);
    expect(String((results[1] as PromiseRejectedResult).reason)).toContain('refused after writing');
    expect(String((results[3] as PromiseRejectedResult).reason)).toMatch(/UNIQUE/);
    expect(await keysIn(store)).toEqual(['gc-a', 'gc-c']);

    await stores.pop()?.close();
    expect(await keysIn(await open(dataDir))).toEqual(['gc-a', 'gc-c']);
  });

  it('keeps every write of a burst larger than one batch, in the order they were queued', async () => {
    const store = await open(makeDataDir());
    const keys = Array.from({ length: 150 }, (_, index) => `gc-${String(index).padStart(3, '0')}`);
    const order: string[] = [];
    await Promise.all(
      keys.map((key) =>
        store.write(async (trx) => {
          order.push(key);
          await trx.insertInto('meta').values({ key, value: 'x' }).execute();
        }),
      ),
    );
    expect(order).toEqual(keys);
    expect(await keysIn(store)).toEqual(keys);
  });

  it('queues the writes that arrive while a batch commits for one next commit', async () => {
    const batches: number[] = [];
    const store = await open(makeDataDir(), { onCommit: (size) => batches.push(size) });
    let letGo: (() => void) | undefined;
    const held = store.write(async (trx) => {
      await new Promise<void>((resolve) => (letGo = resolve));
      await trx.insertInto('meta').values({ key: 'gc-held', value: 'x' }).execute();
    });
    const later: Array<Promise<unknown>> = [];
    for (const key of ['gc-1', 'gc-2', 'gc-3']) {
      await new Promise((resolve) => setImmediate(resolve));
      later.push(store.write((trx) => trx.insertInto('meta').values({ key, value: 'x' }).execute()));
    }
    while (!letGo) await new Promise((resolve) => setImmediate(resolve));
    letGo();
    await Promise.all([held, ...later]);
    expect(batches).toEqual([1, 3]);
    expect(await keysIn(store)).toEqual(['gc-1', 'gc-2', 'gc-3', 'gc-held']);
  });

  it('runs prepared queries in the batch and rolls back only the write that threw', async () => {
    const store = await open(makeDataDir());
    const insertMeta = preparedQuery(2, (db, key: string, value: string) => db.insertInto('meta').values({ key, value }));
    const results = await Promise.allSettled([
      store.write((trx) => insertMeta(trx, 'gc-p1', 'x')),
      store.write(async (trx) => {
        await insertMeta(trx, 'gc-p2', 'x');
        throw new Error('refused after writing');
      }),
      store.write((trx) => insertMeta(trx, 'gc-p1', 'y')),
      store.write((trx) => insertMeta(trx, 'gc-p3', 'x')),
    ]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
    expect(isUniqueViolation((results[2] as PromiseRejectedResult).reason)).toBe(true);
    expect(await keysIn(store)).toEqual(['gc-p1', 'gc-p3']);
    const stored = await store.db.selectFrom('meta').select('value').where('key', '=', 'gc-p1').executeTakeFirstOrThrow();
    expect(stored.value).toBe('x');
  });
});
