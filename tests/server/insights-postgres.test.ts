// The Insights cases on Postgres: the same seeded runs and right answers, the filters, CSV, roles and a real back-step.
import { afterAll, beforeAll, it } from 'vitest';
import { describeOnPostgres } from '../support/postgres.ts';
import { closeAll } from './assist-support.ts';
import { countsARealBackStep, figuresOfSeededRuns, filtersOfSeededRuns, seedRuns, whoMayLook } from './insights-cases.ts';

afterAll(closeAll);

await describeOnPostgres('insights on Postgres', (postgres) => {
  beforeAll(() => seedRuns(postgres.server));

  it('computes the per-step figures, friction and survey figures of the seeded runs', async () => {
    await figuresOfSeededRuns(postgres.server);
  });

  it('filters, exports CSV, refuses technicians and counts a real back-step', async () => {
    await filtersOfSeededRuns(postgres.server);
    await whoMayLook(postgres.server);
    await countsARealBackStep(postgres.server);
  });
});
