// "The usual" on Postgres: the same seeded history and answers as on SQLite (usual-cases.ts).
import { it } from 'vitest';
import { describeOnPostgres } from '../support/postgres.ts';
import { knowsWhoQualifies, ordersTheUsualInOneTap, remembersNoInvalidAddress, scopesToAGuide, seedHistory } from './usual-cases.ts';

await describeOnPostgres('the usual on Postgres', (postgres) => {
  it('knows who qualifies, what is remembered, a guide’s scope, and orders it in one tap', async () => {
    const history = await seedHistory(postgres.server);
    await knowsWhoQualifies(history);
    await scopesToAGuide(history);
    await ordersTheUsualInOneTap(postgres.server, history);
    await remembersNoInvalidAddress(postgres.server);
  });
});
