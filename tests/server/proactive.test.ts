// Proactive help on a real server and database file: the rule fires for each of its reasons on seeded runs and not
// otherwise, once per step, never for a person who turned offers off; the routes are in the OpenAPI document.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestServer } from '../support/use-test-server.ts';
import { closeAll } from './assist-support.ts';
import { firesForEachReason, quietOtherwise, seedProactive, turnedOffPerPerson, type Seeded } from './proactive-cases.ts';

const live = useTestServer();
let seeded: Seeded;
beforeAll(async () => {
  seeded = await seedProactive(live.server);
});
afterAll(closeAll);

describe('proactive help', () => {
  it('offers help for your own struggle, the unit’s earlier help and a step many are slow on, with the tip', async () => {
    await firesForEachReason(live.server, seeded);
  });

  it('offers nothing otherwise, and once per step', async () => {
    await quietOtherwise(live.server, seeded);
  });

  it('offers nothing to a person who turned offers off, until they turn them on', async () => {
    await turnedOffPerPerson(live.server, seeded);
  });

  it('documents the proactive routes', async () => {
    const document = (await (await fetch(`${live.server.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, { operationId: string }>> };
    expect(document.paths['/api/proactive/offers']?.post?.operationId).toBe('claimProactiveOffer');
    expect(document.paths['/api/proactive/preference']?.put?.operationId).toBe('setProactivePreference');
  });
});
