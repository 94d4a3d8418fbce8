// The guide client's pure parts: what Next sends, spoken commands, the offline queue and progress store against a fake
// transport, and how an assist session is resumed or opened.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import { GuideSchema, type Guide } from '../../core/guide.ts';
import { applyGuideAction, startGuide, type GuideAction, type GuideProgress } from '../../core/guide-engine.ts';
import type { ErrorBody } from '../../core/ack.ts';
import { queueKey } from '../../client/src/guides/action-queue.ts';
import { memoryStorage } from '../../client/src/realtime/outbox.ts';
import { createGuideProgressStore } from '../../client/src/guides/guide-progress-store.ts';
import { guideView, parseMeasurement, planNext } from '../../client/src/guides/guide-view-model.ts';
import { voiceCommandOf } from '../../client/src/guides/voice-commands.ts';
import { openSession, rememberedSessionKey } from '../../client/src/sessions/open-session.ts';
import { RealtimeError, type ConnectionStatus, type RealtimeClient, type RealtimeState } from '../../client/src/realtime/realtime-client.ts';

const guide: Guide = GuideSchema.parse(JSON.parse(fs.readFileSync('assets/guides/wheel-corner-brake-pads.json', 'utf8')));
const SESSION = '7f1c2b4e-8a51-4f0e-9d3b-1a2b3c4d5e6f';

function progressAt(stepId: string): GuideProgress {
  return { ...startGuide(guide), currentStepId: stepId, history: ['prepare-vehicle', stepId] };
}

describe('what Next sends', () => {
  it('is blocked by an unacknowledged warning, and confirms a "confirm" step on its way out', () => {
    const start = startGuide(guide);
    expect(planNext(guide, start, null)).toEqual({ ok: false, reason: 'warning_unacknowledged' });
    const acknowledged = applyGuideAction(guide, start, { type: 'acknowledge', stepId: 'prepare-vehicle', warningIndex: 0 });
    if (!acknowledged.ok) throw new Error(acknowledged.message);
    expect(planNext(guide, acknowledged.progress, null)).toEqual({ ok: true, actions: [{ type: 'confirm', stepId: 'prepare-vehicle' }, { type: 'next' }], finishes: false, outOfRange: false });
  });

  it('records a typed measurement first and says when it is out of range', () => {
    const measuring = { ...progressAt('measure-pad-thickness'), acknowledgedWarnings: { 'measure-pad-thickness': [0] } };
    expect(planNext(guide, measuring, null)).toEqual({ ok: false, reason: 'measurement_missing' });
    expect(planNext(guide, measuring, 2)).toEqual({ ok: true, actions: [{ type: 'measure', stepId: 'measure-pad-thickness', value: 2 }, { type: 'next' }], finishes: false, outOfRange: true });
    expect(planNext(guide, measuring, 3.5)).toMatchObject({ ok: true, outOfRange: false });
  });

  it('needs an answer on a question step, and finishes on the last step', () => {
    expect(planNext(guide, progressAt('which-pads'), null)).toEqual({ ok: false, reason: 'answer_missing' });
    expect(planNext(guide, progressAt('bed-in-pads'), null)).toEqual({ ok: true, actions: [{ type: 'next' }], finishes: true, outOfRange: false });
  });

  it('describes the step: position, acknowledgements, answers and whether Back is possible', () => {
    const view = guideView(guide, progressAt('inspect-disc-surface'));
    expect(view).toMatchObject({ finished: false, current: { index: 9, count: guide.steps.length, answerId: null, blocked: 'answer_missing', canGoBack: true } });
    expect(guideView(guide, { ...startGuide(guide), currentStepId: null })).toMatchObject({ finished: true });
  });

  it('reads measurements with a comma or a dot, and nothing else', () => {
    expect(parseMeasurement('2,5')).toBe(2.5);
    expect(parseMeasurement(' 23 ')).toBe(23);
    expect(parseMeasurement('')).toBeNull();
    expect(parseMeasurement('3 mm')).toBeNull();
  });
});

describe('spoken commands', () => {
  it('understands English and Spanish, with or without accents, the last command word winning', () => {
    expect(voiceCommandOf('Next')).toBe('next');
    expect(voiceCommandOf('siguiente por favor')).toBe('next');
    expect(voiceCommandOf('Atrás')).toBe('back');
    expect(voiceCommandOf('atras')).toBe('back');
    expect(voiceCommandOf('repetir')).toBe('repeat');
    expect(voiceCommandOf('no wait, go back')).toBe('back');
    expect(voiceCommandOf('the next one, repeat')).toBe('repeat');
    expect(voiceCommandOf('hello there')).toBeNull();
  });
});

/** A realtime client whose server is the shared engine, de-duplicating by actionId as the real one does. */
function fakeServer() {
  const state = createStore<RealtimeState>(() => ({ status: 'offline', refusal: null, recovered: false }));
  const handlers = new Map<string, Set<(payload: unknown) => void>>();
  let progress = startGuide(guide);
  const seen = new Set<string>();
  const received: string[] = [];
  const events: string[] = [];
  let started = false;
  let refuseNext: ErrorBody | null = null;
  const client = {
    getState: state.getState,
    subscribe: state.subscribe,
    async request(event: string, payload: Record<string, unknown>) {
      if (state.getState().status !== 'online') throw new RealtimeError({ code: 'internal', message: 'timeout' });
      events.push(event);
      started ||= event === 'guide:start';
      if (event === 'guide:start' || event === 'guide:get') return { ok: true, guide, version: 1, progress, created: false };
      if (event === 'guide:action') {
        if (!started) throw new RealtimeError({ code: 'not_found', message: 'not started in this session' });
        const actionId = payload.actionId as string;
        received.push(actionId);
        if (refuseNext) {
          const body = refuseNext;
          refuseNext = null;
          throw new RealtimeError(body);
        }
        if (seen.has(actionId)) return { ok: true, progress, applied: false };
        const result = applyGuideAction(guide, progress, payload.action as GuideAction);
        if (!result.ok) throw new RealtimeError({ code: 'conflict', message: result.message });
        seen.add(actionId);
        progress = result.progress;
        return { ok: true, progress, applied: true };
      }
      throw new Error(`unexpected ${event}`);
    },
    on(event: string, handler: (payload: unknown) => void) {
      const set = handlers.get(event) ?? new Set();
      set.add(handler);
      handlers.set(event, set);
      return () => set.delete(handler);
    },
    sendVolatile() {},
    destroy() {},
  } as unknown as RealtimeClient;
  return {
    client,
    connection: { getState: () => ({ client }), subscribe: () => () => {} },
    setStatus: (status: ConnectionStatus) => state.setState({ status }),
    current: () => progress,
    received,
    events,
    refuseOnce: (body: ErrorBody) => void (refuseNext = body),
    /** Another device moved the guide: the server pushes the new progress. */
    push(action: GuideAction) {
      const result = applyGuideAction(guide, progress, action);
      if (!result.ok) throw new Error(result.message);
      progress = result.progress;
      for (const handler of handlers.get('guide:progress') ?? []) handler({ sessionId: SESSION, guideId: guide.id, version: 1, progress, by: 'other', actionId: 'other-1', at: Date.now() });
    },
  };
}

const until = async (check: () => boolean) => {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 5));
  expect(check()).toBe(true);
};

describe('the guide progress store', () => {
  it('applies actions at once, keeps them while offline (across a reload), and sends them once, in order, when back online', async () => {
    const server = fakeServer();
    const storage = memoryStorage();
    server.setStatus('online');
    const first = createGuideProgressStore({ sessionId: SESSION, connection: server.connection, storage, guideId: guide.id });
    await until(() => first.getState().phase === 'ready');
    server.setStatus('offline');
    first.dispatch([{ type: 'acknowledge', stepId: 'prepare-vehicle', warningIndex: 0 }]);
    first.dispatch([{ type: 'confirm', stepId: 'prepare-vehicle' }, { type: 'next' }]);
    expect(first.getState()).toMatchObject({ pending: 3, online: false, progress: { currentStepId: 'loosen-wheel-bolts' } });
    expect(server.current().currentStepId).toBe('prepare-vehicle');
    first.destroy();

    const reloaded = createGuideProgressStore({ sessionId: SESSION, connection: server.connection, storage, guideId: guide.id });
    expect(reloaded.getState()).toMatchObject({ phase: 'ready', pending: 3, progress: { currentStepId: 'loosen-wheel-bolts' } });
    server.setStatus('online');
    await until(() => reloaded.getState().pending === 0);
    expect(server.current().currentStepId).toBe('loosen-wheel-bolts');
    expect(server.received).toHaveLength(3);
    expect(new Set(server.received).size).toBe(3);
    expect(storage.getItem(queueKey(SESSION))).toBeNull();
    reloaded.destroy();
  });

  it('runs a downloaded guide from its first step without a connection, and starts it on the server before sending', async () => {
    const server = fakeServer();
    const asked: string[] = [];
    const readStored = (guideId: string) => {
      asked.push(guideId);
      return Promise.resolve({ guide, version: 1 });
    };
    const store = createGuideProgressStore({ sessionId: SESSION, connection: server.connection, storage: memoryStorage(), guideId: guide.id, readStored });
    await until(() => store.getState().phase === 'ready');
    expect(asked).toEqual([guide.id]);
    expect(store.getState().progress?.currentStepId).toBe('prepare-vehicle');
    store.dispatch([{ type: 'acknowledge', stepId: 'prepare-vehicle', warningIndex: 0 }]);
    store.dispatch([{ type: 'confirm', stepId: 'prepare-vehicle' }, { type: 'next' }]);
    expect(store.getState()).toMatchObject({ pending: 3, progress: { currentStepId: 'loosen-wheel-bolts' } });
    expect(server.events).toEqual([]);

    server.setStatus('online');
    await until(() => store.getState().pending === 0);
    expect(server.events).toEqual(['guide:start', 'guide:action', 'guide:action', 'guide:action']);
    expect(server.current().currentStepId).toBe('loosen-wheel-bolts');
    expect(store.getState().progress?.currentStepId).toBe('loosen-wheel-bolts');
    store.destroy();
  });

  it('drops an action the server refuses and shows the server’s progress', async () => {
    const server = fakeServer();
    server.setStatus('online');
    const store = createGuideProgressStore({ sessionId: SESSION, connection: server.connection, storage: memoryStorage(), guideId: guide.id, retryMs: 10 });
    await until(() => store.getState().phase === 'ready');
    server.refuseOnce({ code: 'conflict', message: 'step "prepare-vehicle" is not the current step' });
    expect(store.dispatch([{ type: 'acknowledge', stepId: 'prepare-vehicle', warningIndex: 0 }])).toBe(true);
    await until(() => store.getState().refused && store.getState().pending === 0);
    expect(store.getState().progress?.acknowledgedWarnings).toEqual({});
    store.destroy();
  });

  it('follows another device’s push; a queued action that no longer fits is refused by the server and dropped', async () => {
    const server = fakeServer();
    server.setStatus('online');
    const store = createGuideProgressStore({ sessionId: SESSION, connection: server.connection, storage: memoryStorage(), guideId: guide.id, retryMs: 10 });
    await until(() => store.getState().phase === 'ready');
    server.setStatus('offline');
    expect(store.dispatch([{ type: 'acknowledge', stepId: 'prepare-vehicle', warningIndex: 0 }])).toBe(true);
    server.push({ type: 'goto', stepId: 'raise-onto-stand' });
    expect(store.getState()).toMatchObject({ pending: 1, progress: { currentStepId: 'raise-onto-stand' } });
    expect(store.dispatch([{ type: 'next' }])).toBe(false);
    server.setStatus('online');
    await until(() => store.getState().pending === 0 && store.getState().refused);
    expect(store.getState().progress?.currentStepId).toBe('raise-onto-stand');
    expect(server.current().acknowledgedWarnings).toEqual({});
    store.destroy();
  });
});

describe('opening an assist session', () => {
  const state = (id: string, status: 'open' | 'ended' = 'open') => ({ state: { session: { id, productId: 'wheel-corner', status } } });

  function client(answers: Record<string, (payload: Record<string, unknown>) => unknown>) {
    const calls: string[] = [];
    return {
      calls,
      client: {
        async request(event: string, payload: Record<string, unknown>) {
          calls.push(`${event}:${String(payload.sessionId ?? payload.productId)}`);
          const answer = answers[event]?.(payload);
          if (answer instanceof RealtimeError) throw answer;
          return { ok: true, ...(answer as object) };
        },
      } as unknown as RealtimeClient,
    };
  }

  it('resumes the session in the URL and remembers it for the product', async () => {
    const storage = memoryStorage();
    const fake = client({ 'session:join': (payload) => state(payload.sessionId as string) });
    const opened = await openSession(fake.client, { productId: 'wheel-corner', userId: 'u1', sessionId: 's-url', installedAssetId: 'a', language: 'en' }, storage);
    expect(opened.state.session.id).toBe('s-url');
    expect(storage.getItem(rememberedSessionKey('u1', 'wheel-corner'))).toBe('s-url');
  });

  it('falls back to the remembered session, and opens a new one when neither can be joined or it ended', async () => {
    const storage = memoryStorage();
    storage.setItem(rememberedSessionKey('u1', 'wheel-corner'), 's-old');
    const fake = client({
      'session:join': (payload) => (payload.sessionId === 's-url' ? new RealtimeError({ code: 'forbidden', message: 'not a member' }) : state('s-old', 'ended')),
      'session:create': () => state('s-new'),
    });
    const opened = await openSession(fake.client, { productId: 'wheel-corner', userId: 'u1', sessionId: 's-url', installedAssetId: 'a', language: 'es' }, storage);
    expect(opened.state.session.id).toBe('s-new');
    expect(fake.calls).toEqual(['session:join:s-url', 'session:join:s-old', 'session:create:wheel-corner']);
    expect(storage.getItem(rememberedSessionKey('u1', 'wheel-corner'))).toBe('s-new');
  });
});
