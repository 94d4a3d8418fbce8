// Guides, progress and alignments on Postgres: concurrent duplicate and distinct actions, step events, restart.
import { afterAll, expect, it } from 'vitest';
import type { GuideCreatedResponse } from '../../core/guide-version.ts';
import { stepTimings } from '../../server/guides/step-timings.ts';
import { describeOnPostgres } from '../support/postgres.ts';
import { signIn as signInHttp } from '../support/orders-api.ts';
import { closeAll, ok, openSession, signIn } from './assist-support.ts';

const GUIDE = 'wheel-corner-brake-pads';

await describeOnPostgres('guides on Postgres', (postgres) => {
  afterAll(closeAll);

  const eventsOf = (sessionId: string) => postgres.server.ctx.store.db.selectFrom('guide_step_events').selectAll().where('session_id', '=', sessionId).orderBy('seq').execute();

  it('applies 10 concurrent copies of one action once, and 10 concurrent distinct actions each once, in one sequence', async () => {
    const tech = await signIn(postgres.server, 'tech@demo.local');
    const { state } = await openSession(tech);
    const sessionId = state.session.id;
    await ok(tech.socket, 'guide:start', { sessionId, guideId: GUIDE });

    const copies = await Promise.all(Array.from({ length: 10 }, () => ok(tech.socket, 'guide:action', { sessionId, actionId: 'pg-goto-remove-wheel', action: { type: 'goto', stepId: 'remove-wheel' } })));
    expect(copies.filter((ack) => ack.applied)).toHaveLength(1);

    // None is the step the copies went to: a goto to the current step changes nothing, and these run in any order.
    const targets = ['refit-wheel', 'lower-caliper', 'inspect-disc-surface', 'bed-in-pads', 'which-pads', 'retract-piston', 'fit-new-pads', 'torque-wheel-bolts', 'pump-brake-pedal', 'prepare-vehicle'];
    const acks = await Promise.all(targets.map((stepId, index) => ok(tech.socket, 'guide:action', { sessionId, actionId: `pg-distinct-${index}`, action: { type: 'goto', stepId } })));
    expect(acks.every((ack) => ack.applied)).toBe(true);

    const { progress } = await ok(tech.socket, 'guide:get', { sessionId });
    expect(progress?.history).toHaveLength(12);
    expect(new Set(progress?.history.slice(2))).toEqual(new Set(targets));
    const events = await eventsOf(sessionId);
    expect(events.map((event) => Number(event.seq))).toEqual(Array.from({ length: 23 }, (_, index) => index + 1));
    expect(events.map((event) => event.kind)).toEqual(['entered', ...Array.from({ length: 11 }, () => ['left', 'entered']).flat()]);
    const timings = await stepTimings(postgres.server.ctx.store.db, { guideId: GUIDE });
    const visits = (stepId: string) => timings.filter((timing) => timing.stepId === stepId).reduce((sum, timing) => sum + timing.count + timing.openCount, 0);
    expect(visits('prepare-vehicle')).toBe(2);
    expect(visits('remove-wheel')).toBe(1);
    expect(visits('inspect-disc-surface')).toBe(1);
    expect(timings.filter((timing) => timing.openCount > 0).map((timing) => timing.stepId)).toEqual([progress?.currentStepId]);
  });

  it('keeps progress and alignments across a restart and numbers concurrent guide versions apart', async () => {
    const tech = await signIn(postgres.server, 'tech@demo.local');
    const { state } = await openSession(tech);
    const sessionId = state.session.id;
    await ok(tech.socket, 'guide:start', { sessionId, guideId: GUIDE });
    await ok(tech.socket, 'guide:action', { sessionId, actionId: 'pg-ack-prepare', action: { type: 'acknowledge', stepId: 'prepare-vehicle', warningIndex: 0 } });
    const before = await ok(tech.socket, 'guide:get', { sessionId });
    await ok(tech.socket, 'alignment:save', { assetId: 'PG-1', productId: 'wheel-corner', transform: { position: [1, 2, 3], quaternion: [0, 0, 0, 1] }, rmsError: 0.003, landmarkIds: ['hub-centre-cap', 'tyre-bottom', 'caliper-top'] });

    closeAll();
    postgres.server = await postgres.server.restart();
    const back = await signIn(postgres.server, 'tech@demo.local');
    expect(await ok(back.socket, 'guide:get', { sessionId })).toEqual(before);
    expect((await ok(back.socket, 'alignment:get', { assetId: 'PG-1' })).alignment).toMatchObject({ rmsError: 0.003, transform: { position: [1, 2, 3] } });

    const admin = await signInHttp(postgres.server, 'admin@demo.local');
    const { guide } = (await admin.get<{ guide: unknown }>(`/api/guides/${GUIDE}`)).body;
    const posts = await Promise.all(Array.from({ length: 4 }, () => admin.request<GuideCreatedResponse>('POST', '/api/guides', guide)));
    expect(posts.map((post) => post.body.version).sort()).toEqual([2, 3, 4, 5]);
  });
});
