// Insights on a real server and database file: the per-step figures and survey trends of seeded runs whose right
// answers are known, the filters, CSV, who may look, a real back-step, and the routes in the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestServer } from '../support/use-test-server.ts';
import { closeAll } from './assist-support.ts';
import { countsARealBackStep, figuresOfSeededRuns, filtersOfSeededRuns, seedRuns, whoMayLook } from './insights-cases.ts';

const live = useTestServer();
beforeAll(() => seedRuns(live.server));
afterAll(closeAll);

describe('insights', () => {
  it('computes median and p90 time, abandonment, out-of-range, help, back-steps, friction and survey figures per step', async () => {
    await figuresOfSeededRuns(live.server);
  });

  it('filters by language, channel, period and product, and exports each table as CSV', async () => {
    await filtersOfSeededRuns(live.server);
  });

  it('lets operators and admins look, refuses technicians and everyone else', async () => {
    await whoMayLook(live.server);
  });

  it('counts a back-step taken in a real run', async () => {
    await countsARealBackStep(live.server);
  });

  it('documents the insights routes', async () => {
    const document = (await (await fetch(`${live.server.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, { operationId: string }>> };
    expect(document.paths['/api/insights']?.get?.operationId).toBe('getInsights');
    expect(document.paths['/api/insights/export']?.get?.operationId).toBe('exportInsights');
    expect(document.paths['/api/insights/guides']?.get?.operationId).toBe('listInsightsGuides');
  });
});
