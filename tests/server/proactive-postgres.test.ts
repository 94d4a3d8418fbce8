// The proactive-help cases on Postgres: the same seeded runs, reasons, once per step and the preference.
import { afterAll, beforeAll, it } from 'vitest';
import { describeOnPostgres } from '../support/postgres.ts';
import { closeAll } from './assist-support.ts';
import { firesForEachReason, quietOtherwise, seedProactive, turnedOffPerPerson, type Seeded } from './proactive-cases.ts';

afterAll(closeAll);

await describeOnPostgres('proactive help on Postgres', (postgres) => {
  let seeded: Seeded;
  beforeAll(async () => {
    seeded = await seedProactive(postgres.server);
  });

  it('fires for each reason with the tip, not otherwise, once per step, and not when turned off', async () => {
    await firesForEachReason(postgres.server, seeded);
    await quietOtherwise(postgres.server, seeded);
    await turnedOffPerPerson(postgres.server, seeded);
  });
});
