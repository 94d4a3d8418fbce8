// Where an order was placed, on a real server and database file (SQLite) and on Postgres.
import { describe, it } from 'vitest';
import { useTestServer } from '../support/use-test-server.ts';
import { describeOnPostgres } from '../support/postgres.ts';
import { recordsWhereOrdersWerePlaced } from './order-origin-cases.ts';

describe('where an order was placed (SQLite)', () => {
  const live = useTestServer();
  it('validates, stores and reads back the origin, and counts AR orders', async () => {
    await recordsWhereOrdersWerePlaced(live.server);
  });
});

await describeOnPostgres('where an order was placed (Postgres)', (postgres) => {
  it('validates, stores and reads back the origin, and counts AR orders', async () => {
    await recordsWhereOrdersWerePlaced(postgres.server);
  });
});
