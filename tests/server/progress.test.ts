// Guide progress per assist session on a real server and database file: resume after restart, idempotent actions, access.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GuideAction, GuideProgress } from '../../core/guide-engine.ts';
import type { GuideProgressEvent } from '../../core/guide-events.ts';
import type { SessionLogEntry } from '../../core/session.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { closeAll, emitAck, ok, openSession, record, refused, requestHelp, signIn, sleep, until, type Person } from './assist-support.ts';

const GUIDE = 'wheel-corner-brake-pads';
let server: TestServer;
let actionCounter = 0;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  closeAll();
  await server.close();
});

const newActionId = () => `action-${Date.now()}-${++actionCounter}`;

async function act(person: Person, sessionId: string, action: GuideAction, actionId = newActionId()): Promise<GuideProgress> {
  const { progress, applied } = await ok(person.socket, 'guide:action', { sessionId, actionId, action });
  expect(applied).toBe(true);
  return progress;
}

/** A technician's wheel-corner session with the brake-pad guide started. */
async function startedSession(): Promise<{ tech: Person; sessionId: string; progress: GuideProgress }> {
  const tech = await signIn(server, 'tech@demo.local');
  const { state } = await openSession(tech);
  const { progress, created, version } = await ok(tech.socket, 'guide:start', { sessionId: state.session.id, guideId: GUIDE });
  expect({ created, version }).toEqual({ created: true, version: 1 });
  return { tech, sessionId: state.session.id, progress };
}

/** Acknowledges every warning of the current step, confirms it, and moves on. */
async function completeConfirmStep(tech: Person, sessionId: string, stepId: string, warnings: number): Promise<GuideProgress> {
  for (let index = 0; index < warnings; index++) await act(tech, sessionId, { type: 'acknowledge', stepId, warningIndex: index });
  await act(tech, sessionId, { type: 'confirm', stepId });
  return act(tech, sessionId, { type: 'next' });
}

describe('starting and resuming', () => {
  it('starts at the first step, and a second start (reload, another device) resumes the same progress', async () => {
    const { tech, sessionId, progress } = await startedSession();
    expect(progress).toMatchObject({ guideId: GUIDE, currentStepId: 'prepare-vehicle', history: ['prepare-vehicle'] });
    await completeConfirmStep(tech, sessionId, 'prepare-vehicle', 1);
    const again = await ok(tech.socket, 'guide:start', { sessionId, guideId: GUIDE });
    expect(again).toMatchObject({ created: false, version: 1, progress: { currentStepId: 'loosen-wheel-bolts' } });
    expect(again.guide.id).toBe(GUIDE);
  });

  it('refuses a guide of another product and an unknown guide', async () => {
    const tech = await signIn(server, 'tech@demo.local');
    const { state } = await openSession(tech);
    await refused(tech.socket, 'guide:start', { sessionId: state.session.id, guideId: 'espresso-machine-descale' }, 'bad_request');
    await refused(tech.socket, 'guide:start', { sessionId: state.session.id, guideId: 'no-such-guide' }, 'not_found');
    expect(await ok(tech.socket, 'guide:get', { sessionId: state.session.id })).toMatchObject({ guide: null, version: null, progress: null });
  });

  it('survives a server restart: the same step, answers, measurements and acknowledgements', async () => {
    const { tech, sessionId } = await startedSession();
    await completeConfirmStep(tech, sessionId, 'prepare-vehicle', 1);
    await completeConfirmStep(tech, sessionId, 'loosen-wheel-bolts', 0);
    await completeConfirmStep(tech, sessionId, 'raise-onto-stand', 1);
    await completeConfirmStep(tech, sessionId, 'remove-wheel', 1);
    await completeConfirmStep(tech, sessionId, 'remove-caliper-bolts', 1);
    await completeConfirmStep(tech, sessionId, 'swing-caliper-up', 1);
    await act(tech, sessionId, { type: 'acknowledge', stepId: 'measure-pad-thickness', warningIndex: 0 });
    const before = await act(tech, sessionId, { type: 'measure', stepId: 'measure-pad-thickness', value: 2.4 });
    expect(before.measurements['measure-pad-thickness']).toEqual({ value: 2.4, unit: 'mm' });

    closeAll();
    server = await server.restart();
    const back = await signIn(server, 'tech@demo.local');
    const resumed = await ok(back.socket, 'guide:get', { sessionId });
    expect(resumed.version).toBe(1);
    expect(resumed.guide?.id).toBe(GUIDE);
    expect(resumed.progress).toEqual(before);

    const next = await act(back, sessionId, { type: 'next' });
    expect(next.currentStepId).toBe('remove-worn-pads');
  });
});

describe('actions applied once', () => {
  it('applies a duplicated actionId once, even when 10 copies arrive at the same time', async () => {
    const { tech, sessionId } = await startedSession();
    await act(tech, sessionId, { type: 'acknowledge', stepId: 'prepare-vehicle', warningIndex: 0 });
    await act(tech, sessionId, { type: 'confirm', stepId: 'prepare-vehicle' });
    const actionId = newActionId();
    const acks = await Promise.all(Array.from({ length: 10 }, () => ok(tech.socket, 'guide:action', { sessionId, actionId, action: { type: 'next' } })));
    expect(acks.filter((ack) => ack.applied)).toHaveLength(1);
    for (const ack of acks) expect(ack.progress).toMatchObject({ currentStepId: 'loosen-wheel-bolts', history: ['prepare-vehicle', 'loosen-wheel-bolts'] });

    const later = await ok(tech.socket, 'guide:action', { sessionId, actionId, action: { type: 'next' } });
    expect(later).toMatchObject({ applied: false, progress: { currentStepId: 'loosen-wheel-bolts' } });
    const db = server.ctx.store.db;
    const actions = await db.selectFrom('guide_actions').select('action_id').where('session_id', '=', sessionId).where('action_id', '=', actionId).execute();
    expect(actions).toHaveLength(1);
    const entered = await db.selectFrom('guide_step_events').select('step_id').where('session_id', '=', sessionId).where('kind', '=', 'entered').execute();
    expect(entered.map((row) => row.step_id)).toEqual(['prepare-vehicle', 'loosen-wheel-bolts']);
  });

  it('answers an action the engine refuses with conflict and the engine’s message, and changes nothing', async () => {
    const { tech, sessionId } = await startedSession();
    await act(tech, sessionId, { type: 'confirm', stepId: 'prepare-vehicle' });
    const actionId = newActionId();
    const response = await emitAck(tech.socket, 'guide:action', { sessionId, actionId, action: { type: 'next' } });
    expect(response).toEqual({
      ok: false,
      error: { code: 'conflict', message: 'step "prepare-vehicle": warnings.0 must be acknowledged before going on', issues: [{ path: 'reason', message: 'warning_unacknowledged' }] },
    });
    const { progress } = await ok(tech.socket, 'guide:get', { sessionId });
    expect(progress).toMatchObject({ currentStepId: 'prepare-vehicle', history: ['prepare-vehicle'], acknowledgedWarnings: {} });

    await act(tech, sessionId, { type: 'acknowledge', stepId: 'prepare-vehicle', warningIndex: 0 });
    const retried = await act(tech, sessionId, { type: 'next' }, actionId);
    expect(retried.currentStepId).toBe('loosen-wheel-bolts');
  });

  it('rejects a malformed action id or action with bad_request', async () => {
    const { tech, sessionId } = await startedSession();
    await refused(tech.socket, 'guide:action', { sessionId, actionId: 'short', action: { type: 'next' } }, 'bad_request');
    await refused(tech.socket, 'guide:action', { sessionId, actionId: newActionId(), action: { type: 'jump' } }, 'bad_request');
  });
});

describe('who may move the guide', () => {
  it('forbids someone who is not a member of the session', async () => {
    const { sessionId } = await startedSession();
    const intruder = await signIn(server, 'customer@demo.local');
    const stranger = await signIn(server, 'agent@demo.local');
    for (const person of [intruder, stranger]) {
      await refused(person.socket, 'guide:get', { sessionId }, 'forbidden');
      await refused(person.socket, 'guide:start', { sessionId, guideId: GUIDE }, 'forbidden');
      await refused(person.socket, 'guide:action', { sessionId, actionId: newActionId(), action: { type: 'goto', stepId: 'remove-wheel' } }, 'forbidden');
    }
  });

  it('lets the accepted agent push a step with goto, and nothing else', async () => {
    const { tech, sessionId } = await startedSession();
    const agent = await signIn(server, 'agent@demo.local');
    const { requestId } = await requestHelp(tech, sessionId, 'en');
    await ok(agent.socket, 'help:accept', { requestId });
    const pushed = record<GuideProgressEvent>(tech.socket, 'guide:progress');

    await refused(agent.socket, 'guide:action', { sessionId, actionId: newActionId(), action: { type: 'confirm', stepId: 'prepare-vehicle' } }, 'forbidden');
    const { progress } = await ok(agent.socket, 'guide:action', { sessionId, actionId: newActionId(), action: { type: 'goto', stepId: 'measure-pad-thickness' } });
    expect(progress.currentStepId).toBe('measure-pad-thickness');
    await until(() => pushed.length === 1, 5000, 'guide:progress at the technician');
    expect(pushed[0]).toMatchObject({ sessionId, guideId: GUIDE, version: 1, by: agent.user.id, progress: { currentStepId: 'measure-pad-thickness' } });
    expect((await ok(agent.socket, 'guide:get', { sessionId })).progress?.currentStepId).toBe('measure-pad-thickness');
  });
});

describe('the same progress on every device', () => {
  it('pushes guide:progress to the other devices of the requester, not back to the emitter, and logs step.changed', async () => {
    const { tech, sessionId } = await startedSession();
    const phone = await signIn(server, 'tech@demo.local');
    await ok(phone.socket, 'session:join', { sessionId });
    const onPhone = record<GuideProgressEvent>(phone.socket, 'guide:progress');
    const onHeadset = record<GuideProgressEvent>(tech.socket, 'guide:progress');
    const log = record<SessionLogEntry>(phone.socket, 'session:event');

    await act(tech, sessionId, { type: 'acknowledge', stepId: 'prepare-vehicle', warningIndex: 0 });
    await act(tech, sessionId, { type: 'confirm', stepId: 'prepare-vehicle' });
    const actionId = newActionId();
    const moved = await act(tech, sessionId, { type: 'next' }, actionId);
    await until(() => onPhone.length === 3 && log.length === 1, 5000, 'three pushes and one log entry on the phone');
    expect(onPhone.at(-1)).toMatchObject({ sessionId, by: tech.user.id, actionId, progress: moved });
    expect(log[0]).toMatchObject({ type: 'step.changed', data: { stepId: 'loosen-wheel-bolts' }, actorId: tech.user.id });
    await sleep(100);
    expect(onHeadset).toEqual([]);

    const fromPhone = await ok(phone.socket, 'guide:get', { sessionId });
    expect(fromPhone.progress).toEqual(moved);
    const { state } = await ok(phone.socket, 'session:join', { sessionId });
    expect(state.currentStepId).toBe('loosen-wheel-bolts');
  });
});
