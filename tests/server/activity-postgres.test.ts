// One customer across channels on Postgres: the same seeded timeline, pages, only your own, and the agent's friction.
import { afterAll, beforeAll, it } from 'vitest';
import { describeOnPostgres } from '../support/postgres.ts';
import { closeAll } from './assist-support.ts';
import { agentSeesFriction, onlyYourOwn, pagesWalkTheSameOrder, seedActivity, yourTimeline, type Seeded } from './activity-cases.ts';

afterAll(closeAll);

await describeOnPostgres('activity on Postgres', (postgres) => {
  let seeded: Seeded;
  beforeAll(async () => {
    seeded = await seedActivity(postgres.server);
  });

  it('orders, pages and scopes the timeline, and marks the friction for the helping agent only', async () => {
    await yourTimeline(postgres.server, seeded);
    await pagesWalkTheSameOrder(postgres.server, seeded);
    await onlyYourOwn(postgres.server, seeded);
    await agentSeesFriction(seeded);
  });
});
