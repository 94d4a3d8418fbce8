// The xAPI push on Postgres: every statement reaches a real local LRS that refuses the first two pushes exactly once,
// and after a restart only the new ones are sent.
import { afterAll, it } from 'vitest';
import { describeOnPostgres } from '../support/postgres.ts';
import { startTestLrs } from '../support/test-lrs.ts';
import { closeAll } from './assist-support.ts';
import { seedRuns } from './insights-cases.ts';
import { pushesEachStatementOnce, resumesAfterARestart } from './xapi-cases.ts';

const lrs = await startTestLrs(2);
afterAll(async () => {
  await closeAll();
  await lrs.close();
});

await describeOnPostgres(
  'the xAPI push on Postgres',
  (postgres) => {
    it('delivers every statement exactly once across a failing, then recovering LRS, and resumes after a restart', async () => {
      await seedRuns(postgres.server);
      await pushesEachStatementOnce(lrs, 17);
      postgres.server = await postgres.server.restart();
      await resumesAfterARestart(lrs, postgres.server, seedRuns, 34);
    });
  },
  { xapi: { endpoint: lrs.endpoint, username: 'lrs-key', password: 'lrs-secret', baseIri: 'https://xr-assist.test/xapi', pushIntervalMs: 20 } },
);
