// The embedded database's WAL is checkpointed back into the database file as it fills, so it is reused instead of growing.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { openStore, type Store } from '../../server/db/database.ts';
import { makeDataDir } from '../support/test-server.ts';

let store: Store | undefined;

afterEach(async () => {
  await store?.close();
  store = undefined;
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it('reuses the WAL once a checkpoint caught up, instead of growing it with every write', async () => {
  const dataDir = makeDataDir();
  store = await openStore({ dataDir });
  const opened = store;
  const value = 'x'.repeat(4000);
  const writeMegabytes = async (round: number, megabytes: number) => {
    for (let index = 0; index < megabytes * 250; index += 1) {
      await opened.write((trx) => trx.insertInto('meta').values({ key: `wal-${round}-${index}`, value }).execute());
    }
  };
  const walBytes = () => fs.statSync(path.join(dataDir, 'xr-assist.sqlite-wal')).size;

  await writeMegabytes(1, 4);
  const afterFirst = walBytes();
  expect(afterFirst).toBeGreaterThan(4_000_000);
  await sleep(1500);
  await writeMegabytes(2, 4);

  expect(walBytes()).toBeLessThan(afterFirst * 1.5);
  const { count } = await opened.db.selectFrom('meta').select((eb) => eb.fn.countAll<number>().as('count')).where('key', 'like', 'wal-%').executeTakeFirstOrThrow();
  expect(Number(count)).toBe(2000);
});
