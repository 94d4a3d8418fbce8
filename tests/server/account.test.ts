// "My data" on a real server and database file: the export holds the person's data and no one else's, erasing removes
// it and keeps their order anonymised, and the personal-data list covers the live schema; the routes are documented.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestServer } from '../support/use-test-server.ts';
import { closeAll } from './assist-support.ts';
import { erasesOnlyYou, exportsOwnDataOnly, schemaIsCovered, seedCustomers, type Seeded } from './account-cases.ts';

const live = useTestServer();
let seeded: Seeded;
beforeAll(async () => {
  seeded = await seedCustomers(live.server);
});
afterAll(closeAll);

describe('my data', () => {
  it('downloads everything about the person as JSON, without secrets and without anyone else’s data', async () => {
    await exportsOwnDataOnly(live.server, seeded);
  });

  it('erases the account once confirmed: data gone, order kept anonymised, signed out, the other person untouched', async () => {
    await erasesOnlyYou(live.server, seeded);
  });

  it('covers every table and person column of the schema, and notices a new one', async () => {
    await schemaIsCovered(live.server);
  });

  it('documents the account routes', async () => {
    const document = (await (await fetch(`${live.server.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, { operationId: string }>> };
    expect(document.paths['/api/account/export']?.get?.operationId).toBe('exportMyData');
    expect(document.paths['/api/account/erase']?.post?.operationId).toBe('eraseMyAccount');
  });
});
