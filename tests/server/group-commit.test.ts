// Writes that share one commit on the embedded database: a failing one is rolled back alone, the others are on disk when they resolve.
import { afterEach, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../server/db/database.ts';
import { makeDataDir } from '../support/test-server.ts';

const stores: Store[] = [];

afterEach(async () => {
  for (const store of stores.splice(0)) await store.close();
});

async function open(dataDir: string): Promise<Store> {
  const store = await openStore({ dataDir });
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
});
