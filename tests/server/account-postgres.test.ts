// The "My data" cases on Postgres: the same export, erase and schema coverage.
import { afterAll, beforeAll, it } from 'vitest';
import { describeOnPostgres } from '../support/postgres.ts';
import { closeAll } from './assist-support.ts';
import { erasesOnlyYou, exportsOwnDataOnly, schemaIsCovered, seedCustomers, type Seeded } from './account-cases.ts';

afterAll(closeAll);

await describeOnPostgres('my data on Postgres', (postgres) => {
  let seeded: Seeded;
  beforeAll(async () => {
    seeded = await seedCustomers(postgres.server);
  });

  it('exports the person’s data only, erases it keeping the order anonymised, and covers the schema', async () => {
    await exportsOwnDataOnly(postgres.server, seeded);
    await erasesOnlyYou(postgres.server, seeded);
    await schemaIsCovered(postgres.server);
  });
});
