// Insights per agent and queue, order origins, first-time fix, a step's sessions and the xAPI download on Postgres:
// the same seeded data and right answers as on SQLite.
import { afterAll, beforeAll, it } from 'vitest';
import { describeOnPostgres } from '../support/postgres.ts';
import { closeAll } from './assist-support.ts';
import { seedRuns } from './insights-cases.ts';
import { agentAndQueueFigures, drillDownFromAStep, firstTimeFixOfAssetRuns, seedService } from './insights-service-cases.ts';
import { downloadsValidStatements } from './xapi-cases.ts';

afterAll(closeAll);

await describeOnPostgres('insights beyond the steps on Postgres', (postgres) => {
  beforeAll(async () => {
    await seedRuns(postgres.server);
    await seedService(postgres.server);
  });

  it('computes the figures per agent and queue, order origins and first-time fix', async () => {
    await agentAndQueueFigures(postgres.server);
    await firstTimeFixOfAssetRuns(postgres.server);
  });

  it('drills down from a step and downloads valid xAPI statements', async () => {
    await drillDownFromAStep(postgres.server);
    await downloadsValidStatements(postgres.server);
  });
});
