// The guide editor's core cases on Postgres: drafts and autosave, two authors, a refused publish, versions and their
// diff, and a live session keeping the version it started.
import { afterAll, it } from 'vitest';
import { describeOnPostgres } from '../support/postgres.ts';
import { closeAll } from './assist-support.ts';
import { createAndAutosave, invalidPublishRefused, publishVersionsAndDiff, refusedPublishKeepsEverything, sessionKeepsItsVersion, staleSaveRefused } from './guide-editor-cases.ts';

afterAll(closeAll);

await describeOnPostgres('the guide editor on Postgres', (postgres) => {
  it('creates and autosaves a draft, refuses a stale save and an invalid publish, publishes two versions and diffs them, and a refused publish changes nothing', async () => {
    await createAndAutosave(postgres.server, 'pg-tray-guide');
    await staleSaveRefused(postgres.server, 'pg-tray-guide');
    await invalidPublishRefused(postgres.server, 'pg-tray-guide');
    await publishVersionsAndDiff(postgres.server, 'pg-tray-guide');
    await refusedPublishKeepsEverything(postgres.server, 'pg-tray-guide');
  });

  it('lets a technician who started version 1 finish version 1 after version 2 is published', async () => {
    await sessionKeepsItsVersion(postgres.server);
  });
});
