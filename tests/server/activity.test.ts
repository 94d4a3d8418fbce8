// One customer across channels on a real server and database file: the person's timeline in order and by pages, only
// their own, the guide to resume, the requester's timeline with friction for the helping agent only, and the route
// in the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestServer } from '../support/use-test-server.ts';
import { closeAll } from './assist-support.ts';
import { agentSeesFriction, onlyYourOwn, pagesWalkTheSameOrder, seedActivity, yourTimeline, type Seeded } from './activity-cases.ts';

const live = useTestServer();
let seeded: Seeded;
beforeAll(async () => {
  seeded = await seedActivity(live.server);
});
afterAll(closeAll);

describe('activity', () => {
  it('lists your sessions, help, orders and survey answers newest first, with the guide to resume', async () => {
    await yourTimeline(live.server, seeded);
  });

  it('walks the same order a page at a time, ties broken by kind then id', async () => {
    await pagesWalkTheSameOrder(live.server, seeded);
  });

  it('shows nobody else’s activity', async () => {
    await onlyYourOwn(live.server, seeded);
  });

  it('gives the helping agent only the requester’s timeline with the friction they met', async () => {
    await agentSeesFriction(seeded);
  });

  it('documents the activity route', async () => {
    const document = (await (await fetch(`${live.server.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, { operationId: string }>> };
    expect(document.paths['/api/activity']?.get?.operationId).toBe('getMyActivity');
  });
});
