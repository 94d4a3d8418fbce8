// The xAPI push on a real server and database file: statements reach a real local LRS that refuses the first two
// pushes, each exactly once, and after a restart only the new ones are sent.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startTestLrs, type TestLrs } from '../support/test-lrs.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { closeAll } from './assist-support.ts';
import { seedRuns } from './insights-cases.ts';
import { pushesEachStatementOnce, resumesAfterARestart } from './xapi-cases.ts';

let lrs: TestLrs;
let server: TestServer;
beforeAll(async () => {
  lrs = await startTestLrs(2);
  server = await startTestServer({ xapi: { endpoint: lrs.endpoint, username: 'lrs-key', password: 'lrs-secret', baseIri: 'https://xr-assist.test/xapi', pushIntervalMs: 20 } });
});
afterAll(async () => {
  await closeAll();
  await server.close();
  await lrs.close();
});

describe('the xAPI push', () => {
  it('delivers every statement exactly once across a failing, then recovering LRS, and resumes after a restart', async () => {
    await seedRuns(server);
    await pushesEachStatementOnce(lrs, 17);
    server = await server.restart();
    await resumesAfterARestart(lrs, server, seedRuns, 34);
  });
});
