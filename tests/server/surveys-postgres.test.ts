// The survey cases on Postgres: refused answers, once per context, the stored context, skips, help and order answers,
// and NPS at most once in 90 days on the server's clock.
import { afterAll, it } from 'vitest';
import { describeOnPostgres } from '../support/postgres.ts';
import { closeAll } from './assist-support.ts';
import { answersOncePerContext, npsOncePer90Days, refusesBadAnswers, serverClock, storesSkipsHelpAndOrders } from './survey-cases.ts';

afterAll(closeAll);

await describeOnPostgres(
  'surveys on Postgres',
  (postgres) => {
    it('refuses bad answers and answers once per context with the stored context', async () => {
      await refusesBadAnswers(postgres.server);
      await answersOncePerContext(postgres.server);
    });

    it('stores skips, help and order answers, and NPS at most once in 90 days', async () => {
      await storesSkipsHelpAndOrders(postgres.server);
      await npsOncePer90Days(postgres.server);
    });
  },
  { clock: serverClock },
);
