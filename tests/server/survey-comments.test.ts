// A comment given later to a survey answer without words, on a real server on SQLite and on Postgres (its own servers:
// the answer route's per-network limit is spent by the other survey files' cases).
import { afterAll, describe, expect, it } from 'vitest';
import { describeOnPostgres } from '../support/postgres.ts';
import { useTestServer } from '../support/use-test-server.ts';
import { closeAll } from './assist-support.ts';
import { commentsLater, serverClock } from './survey-cases.ts';

const live = useTestServer({ clock: serverClock });
afterAll(closeAll);

describe('survey comments', () => {
  it('takes a comment later on an answer without words, once, from its own person only', async () => {
    await commentsLater(live.server);
  });

  it('documents the comment route', async () => {
    const document = (await (await fetch(`${live.server.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, { operationId: string }>> };
    expect(document.paths['/api/surveys/{surveyId}/comment']?.put?.operationId).toBe('commentSurvey');
  });
});

await describeOnPostgres(
  'survey comments on Postgres',
  (postgres) => {
    it('takes a comment later, once, from its own person only', async () => {
      await commentsLater(postgres.server);
    });
  },
  { clock: serverClock },
);
