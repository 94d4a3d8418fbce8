// Insights per agent and queue, order origins, first-time fix, a step's sessions and the xAPI download on a real
// server and database file, with seeded data whose right answers are known; the new routes in the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestServer } from '../support/use-test-server.ts';
import { closeAll } from './assist-support.ts';
import { seedRuns } from './insights-cases.ts';
import { agentAndQueueFigures, drillDownFromAStep, firstTimeFixOfAssetRuns, seedService } from './insights-service-cases.ts';
import { downloadsValidStatements } from './xapi-cases.ts';

const live = useTestServer();
beforeAll(async () => {
  await seedRuns(live.server);
  await seedService(live.server);
});
afterAll(closeAll);

describe('insights beyond the steps', () => {
  it('computes wait, handling, transfers and CSAT per agent and per queue, and where orders came from', async () => {
    await agentAndQueueFigures(live.server);
  });

  it('computes the first-time fix rate of runs on installed assets', async () => {
    await firstTimeFixOfAssetRuns(live.server);
  });

  it('drills down from a step to its sessions, slowest first', async () => {
    await drillDownFromAStep(live.server);
  });

  it('downloads valid xAPI 1.0.3 statements with stable ids', async () => {
    await downloadsValidStatements(live.server);
  });

  it('documents the new routes', async () => {
    const document = (await (await fetch(`${live.server.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, { operationId: string }>> };
    expect(document.paths['/api/insights/service']?.get?.operationId).toBe('getServiceInsights');
    expect(document.paths['/api/insights/steps/{stepId}/sessions']?.get?.operationId).toBe('listStepSessions');
    expect(document.paths['/api/insights/xapi']?.get?.operationId).toBe('exportXapiStatements');
  });
});
