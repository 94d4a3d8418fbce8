// Surveys on a real server and database file: refused answers, once per context, the stored context, skips, help and
// order answers, NPS at most once in 90 days on the server's clock, and the routes in the OpenAPI document.
import { afterAll, describe, expect, it } from 'vitest';
import { useTestServer } from '../support/use-test-server.ts';
import { closeAll } from './assist-support.ts';
import { answersOncePerContext, npsOncePer90Days, refusesBadAnswers, serverClock, storesSkipsHelpAndOrders } from './survey-cases.ts';

const live = useTestServer({ clock: serverClock });
afterAll(closeAll);

describe('surveys', () => {
  it('refuses answers out of range, empty, skipped with scores, not plain text, unknown fields, and contexts not your own', async () => {
    await refusesBadAnswers(live.server);
  });

  it('stores one answer per context with the context the server knows, and refuses a second (also two at once)', async () => {
    await answersOncePerContext(live.server);
  });

  it('stores a skip as skipped, and help and order answers with their agent and product', async () => {
    await storesSkipsHelpAndOrders(live.server);
  });

  it('accepts NPS from a person at most once in 90 days, and the ask leaves it out until then', async () => {
    await npsOncePer90Days(live.server);
  });

  it('documents the survey routes', async () => {
    const document = (await (await fetch(`${live.server.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, { operationId: string }>> };
    expect(document.paths['/api/surveys']?.post?.operationId).toBe('answerSurvey');
    expect(document.paths['/api/surveys']?.get?.operationId).toBe('listMySurveys');
    expect(document.paths['/api/surveys/ask']?.get?.operationId).toBe('askSurvey');
  });
});
