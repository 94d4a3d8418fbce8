// Step events of guide progress and the time-per-step query over them, with offline actions that keep their own time.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuideAction } from '../../core/guide-engine.ts';
import { stepTimings } from '../../server/guides/step-timings.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { closeAll, ok, openSession, signIn, sleep, type Person } from './assist-support.ts';

const GUIDE = 'wheel-corner-brake-pads';
let server: TestServer;
let tech: Person;
let counter = 0;

beforeAll(async () => {
  server = await startTestServer();
  tech = await signIn(server, 'tech@demo.local');
});
afterAll(async () => {
  closeAll();
  await server.close();
});

const eventsOf = (sessionId: string) =>
  server.ctx.store.db.selectFrom('guide_step_events').selectAll().where('session_id', '=', sessionId).where('guide_id', '=', GUIDE).orderBy('seq').execute();

/** Starts the guide, waits, then sends actions as an offline queue would: each with the time it was done. */
async function runOffline(script: Array<[GuideAction, number]>): Promise<{ sessionId: string; startedAt: number }> {
  const { state } = await openSession(tech);
  const sessionId = state.session.id;
  await ok(tech.socket, 'guide:start', { sessionId, guideId: GUIDE });
  const startedAt = Number((await eventsOf(sessionId))[0]?.at);
  await sleep(Math.max(...script.map(([, offset]) => offset)) + 20);
  for (const [action, offset] of script) {
    const { applied } = await ok(tech.socket, 'guide:action', { sessionId, actionId: `timing-${++counter}-action`, action, clientAt: startedAt + offset });
    expect(applied).toBe(true);
  }
  return { sessionId, startedAt };
}

const prepareVehicle = (nextAt: number): Array<[GuideAction, number]> => [
  [{ type: 'acknowledge', stepId: 'prepare-vehicle', warningIndex: 0 }, 10],
  [{ type: 'confirm', stepId: 'prepare-vehicle' }, 20],
  [{ type: 'next' }, nextAt],
];

describe('step events', () => {
  it('records entered and left for every step, in order, at the time each action was done', async () => {
    const { sessionId, startedAt } = await runOffline([...prepareVehicle(100), [{ type: 'confirm', stepId: 'loosen-wheel-bolts' }, 200], [{ type: 'next' }, 350]]);
    const events = await eventsOf(sessionId);
    expect(events.map((event) => [Number(event.seq), event.kind, event.step_id, Number(event.at) - startedAt])).toEqual([
      [1, 'entered', 'prepare-vehicle', 0],
      [2, 'left', 'prepare-vehicle', 100],
      [3, 'entered', 'loosen-wheel-bolts', 100],
      [4, 'left', 'loosen-wheel-bolts', 350],
      [5, 'entered', 'raise-onto-stand', 350],
    ]);
    const tech = events[0];
    expect(events.every((event) => event.user_id === tech?.user_id && event.product_id === 'wheel-corner' && Number(event.guide_version) === 1)).toBe(true);
  });

  it('keeps an action’s time between the previous change and now, whatever the client clock says', async () => {
    const { state } = await openSession(tech);
    const sessionId = state.session.id;
    await ok(tech.socket, 'guide:start', { sessionId, guideId: GUIDE });
    await ok(tech.socket, 'guide:action', { sessionId, actionId: `clock-${++counter}-ahead`, action: { type: 'goto', stepId: 'remove-wheel' }, clientAt: Date.now() + 3_600_000 });
    await ok(tech.socket, 'guide:action', { sessionId, actionId: `clock-${++counter}-behind`, action: { type: 'goto', stepId: 'refit-wheel' }, clientAt: 0 });
    const events = await eventsOf(sessionId);
    const times = events.map((event) => Number(event.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(Math.max(...times)).toBeLessThanOrEqual(Date.now());
    expect(events.map((event) => `${event.kind}:${event.step_id}`)).toEqual(['entered:prepare-vehicle', 'left:prepare-vehicle', 'entered:remove-wheel', 'left:remove-wheel', 'entered:refit-wheel']);
  });
});

describe('time per step', () => {
  it('answers count, average, median and maximum per step, and the visits still open', async () => {
    const db = server.ctx.store.db;
    const since = Date.now();
    await runOffline([...prepareVehicle(100), [{ type: 'confirm', stepId: 'loosen-wheel-bolts' }, 200], [{ type: 'next' }, 350]]);
    await runOffline(prepareVehicle(300));
    const timings = await stepTimings(db, { guideId: GUIDE, since });
    expect(timings).toEqual([
      { stepId: 'loosen-wheel-bolts', count: 1, avgMs: 250, medianMs: 250, maxMs: 250, openCount: 1 },
      { stepId: 'prepare-vehicle', count: 2, avgMs: 200, medianMs: 200, maxMs: 300, openCount: 0 },
      { stepId: 'raise-onto-stand', count: 0, avgMs: 0, medianMs: 0, maxMs: 0, openCount: 1 },
    ]);
    expect(await stepTimings(db, { guideId: GUIDE, version: 2 })).toEqual([]);
    expect(await stepTimings(db, { guideId: 'espresso-machine-descale' })).toEqual([]);
  });
});
