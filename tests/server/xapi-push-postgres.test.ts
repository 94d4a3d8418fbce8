// The xAPI push on Postgres: every statement reaches a real local LRS that refuses the first two pushes and one
// statement for good; the others arrive exactly once, the refused one is recorded, after a restart only the new events
// are read, and two pushers at once still send each statement once.
import { afterAll, it } from 'vitest';
import { describeOnPostgres } from '../support/postgres.ts';
import { startTestLrs } from '../support/test-lrs.ts';
import { closeAll } from './assist-support.ts';
import { seedRuns } from './insights-cases.ts';
import { handledSources, pushesEachStatementOnce, refuseHundredSeconds, resumesAfterARestart, twoPushersSendEachOnce } from './xapi-cases.ts';

const lrs = await startTestLrs(2, { refuse: refuseHundredSeconds, delayMs: 20 });
const reads: string[] = [];
afterAll(async () => {
  await closeAll();
  await lrs.close();
});

await describeOnPostgres(
  'the xAPI push on Postgres',
  (postgres) => {
    it('delivers every statement exactly once across a failing, then recovering LRS that refuses one, and resumes after a restart reading only new events', async () => {
      await seedRuns(postgres.server);
      await pushesEachStatementOnce(lrs, postgres.server, { sent: 16, refused: 1 });
      const before = await handledSources(postgres.server);
      reads.length = 0;
      postgres.server = await postgres.server.restart();
      await resumesAfterARestart(lrs, postgres.server, seedRuns, { sent: 32, refused: 2 }, before, reads);
    });

    it('sends each statement once when two pushers share the database', async () => {
      await twoPushersSendEachOnce(lrs, postgres.server, seedRuns, 48);
    });
  },
  { xapi: { endpoint: lrs.endpoint, username: 'lrs-key', password: 'lrs-secret', baseIri: 'https://xr-assist.test/xapi', pushIntervalMs: 20, onOutboxRead: (sources) => reads.push(...sources) } },
);
