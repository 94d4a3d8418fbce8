// The xAPI push on a real server and database file: statements reach a real local LRS that refuses the first two
// pushes and one statement for good; the others arrive exactly once, the refused one is recorded with the LRS's answer,
// after a restart only the new events are read, and two pushers at once still send each statement once.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startTestLrs, type TestLrs } from '../support/test-lrs.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { closeAll } from './assist-support.ts';
import { seedRuns } from './insights-cases.ts';
import { handledSources, pushesEachStatementOnce, refuseHundredSeconds, resumesAfterARestart, twoPushersSendEachOnce } from './xapi-cases.ts';

let lrs: TestLrs;
let server: TestServer;
const reads: string[] = [];
beforeAll(async () => {
  lrs = await startTestLrs(2, { refuse: refuseHundredSeconds, delayMs: 20 });
  server = await startTestServer({ xapi: { endpoint: lrs.endpoint, username: 'lrs-key', password: 'lrs-secret', baseIri: 'https://xr-assist.test/xapi', pushIntervalMs: 20, onOutboxRead: (sources) => reads.push(...sources) } });
});
afterAll(async () => {
  await closeAll();
  await server.close();
  await lrs.close();
});

describe('the xAPI push', () => {
  it('delivers every statement exactly once across a failing, then recovering LRS that refuses one, and resumes after a restart reading only new events', async () => {
    await seedRuns(server);
    await pushesEachStatementOnce(lrs, server, { sent: 16, refused: 1 });
    const before = await handledSources(server);
    reads.length = 0;
    server = await server.restart();
    await resumesAfterARestart(lrs, server, seedRuns, { sent: 32, refused: 2 }, before, reads);
  });

  it('sends each statement once when two pushers share the database', async () => {
    await twoPushersSendEachOnce(lrs, server, seedRuns, 48);
  });
});
