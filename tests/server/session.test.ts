// Sessions on a real harness.server: opening, membership, the persisted log and its replay, recovery, restart, bad input.
import { describe, expect, it } from 'vitest';
import type { SessionLogEntry } from '../../core/session.ts';
import { encodePoseFrame, sessionPoseChannel } from '../../core/pose-frame.ts';
import { startTestServer } from '../support/test-server.ts';
import { closeAll, connectRecoverable, dropConnection, emitAck, ok, openSession, reconnect, record, refused, requestHelp, send, seqs, signIn, sleep, until, useAssistServer } from './assist-support.ts';

const harness = useAssistServer();

describe('opening a session', () => {
  it('a technician opens a session for a product and gets its state and first log entry', async () => {
    const tech = await signIn(harness.server, 'tech@demo.local');
    const { state, log, hasMore } = await openSession(tech, 'wheel-corner');
    expect(state.session).toMatchObject({ productId: 'wheel-corner', productLine: 'automotive', requesterId: tech.user.id, status: 'open', language: 'en' });
    expect(state.session.poseChannel).toBe(sessionPoseChannel(state.session.id));
    expect(state.members).toEqual([expect.objectContaining({ userId: tech.user.id, role: 'requester', leftAt: null })]);
    expect(log).toEqual([expect.objectContaining({ seq: 1, type: 'member.joined', actorId: tech.user.id })]);
    expect(hasMore).toBe(false);
    expect(state.lastSeq).toBe(1);
  });

  it('refuses agents, anonymous sockets and unknown products', async () => {
    const agent = await signIn(harness.server, 'agent@demo.local');
    await refused(agent.socket, 'session:create', { productId: 'wheel-corner' }, 'forbidden');
    const { connectClient } = await import('../support/test-server.ts');
    const anonymous = await connectClient(harness.server);
    await refused(anonymous, 'session:create', { productId: 'wheel-corner' }, 'unauthorized');
    anonymous.close();
    const customer = await signIn(harness.server, 'customer@demo.local');
    await refused(customer.socket, 'session:create', { productId: 'no-such-product' }, 'not_found');
  });
});

describe('membership', () => {
  it('refuses every action of someone who is not a member, in realtime and over HTTP', async () => {
    const tech = await signIn(harness.server, 'tech@demo.local');
    const intruder = await signIn(harness.server, 'customer@demo.local');
    const outsiderAgent = await signIn(harness.server, 'agent.es@demo.local');
    const { state } = await openSession(tech);
    const sessionId = state.session.id;
    const heard = record<SessionLogEntry>(intruder.socket, 'session:event');
    const poseHeard = record(intruder.socket, 'pose:update');

    for (const person of [intruder, outsiderAgent]) {
      await refused(person.socket, 'session:join', { sessionId }, 'forbidden');
      await refused(person.socket, 'session:log', { sessionId, sinceSeq: 0 }, 'forbidden');
      await refused(person.socket, 'chat:send', { sessionId, text: 'let me in' }, 'forbidden');
      await refused(person.socket, 'annotation:add', { sessionId, partId: 'caliper', localPoint: [0, 0, 0], localNormal: [0, 1, 0], kind: 'pin' }, 'forbidden');
      await refused(person.socket, 'annotation:remove', { sessionId, annotationId: crypto.randomUUID() }, 'forbidden');
      await refused(person.socket, 'step:change', { sessionId, stepId: 'remove-wheel' }, 'forbidden');
      await refused(person.socket, 'step:push', { sessionId, stepId: 'remove-wheel' }, 'forbidden');
      await refused(person.socket, 'part:ping', { sessionId, partId: 'caliper' }, 'forbidden');
      await refused(person.socket, 'part:highlight', { sessionId, partId: 'caliper' }, 'forbidden');
      await refused(person.socket, 'placement:update', { sessionId, transform: { position: [0, 0, 0], quaternion: [0, 0, 0, 1] } }, 'forbidden');
      await refused(person.socket, 'help:request', { sessionId, context: { productId: 'wheel-corner', language: 'en' } }, 'forbidden');
      await refused(person.socket, 'help:callback', { sessionId, note: 'call me' }, 'forbidden');
      await refused(person.socket, 'session:end', { sessionId }, 'forbidden');
      await refused(person.socket, 'call:offer', { sessionId, callId: 'c1', sdp: 'v=0' }, 'forbidden');
      await refused(person.socket, 'call:ice', { sessionId, callId: 'c1', candidate: null }, 'forbidden');
      await refused(person.socket, 'call:hangup', { sessionId, callId: 'c1' }, 'forbidden');
      await refused(person.socket, 'pose:update', encodePoseFrame(sessionPoseChannel(sessionId), { t: 1 }), 'forbidden');
    }
    for (const person of [intruder, outsiderAgent]) {
      const transcript = await fetch(`${harness.server.url}/api/sessions/${sessionId}/transcript`, { headers: { authorization: `Bearer ${person.token}` } });
      expect(transcript.status).toBe(403);
      const stateResponse = await fetch(`${harness.server.url}/api/sessions/${sessionId}`, { headers: { authorization: `Bearer ${person.token}` } });
      expect(stateResponse.status).toBe(403);
    }
    await ok(tech.socket, 'chat:send', { sessionId, text: 'only members hear this' });
    await sleep(100);
    expect(heard).toEqual([]);
    expect(poseHeard).toEqual([]);
    const { log } = await ok(tech.socket, 'session:log', { sessionId, sinceSeq: 0 });
    expect(log.map((entry) => entry.type)).toEqual(['member.joined', 'chat']);
  });
});

describe('malformed payloads', () => {
  it('answers each with a bad_request ack naming the field, and keeps serving everybody', async () => {
    const tech = await signIn(harness.server, 'tech@demo.local');
    const { state } = await openSession(tech);
    const sessionId = state.session.id;
    const bad: Array<[string, unknown]> = [
      ['session:create', { productId: 'Not A Slug' }],
      ['session:create', 'wheel-corner'],
      ['session:join', { sessionId: 'not-a-uuid' }],
      ['session:join', { sessionId, sinceSeq: -1 }],
      ['session:join', null],
      ['session:log', { sessionId }],
      ['chat:send', { sessionId, text: '' }],
      ['chat:send', { sessionId, text: 'x'.repeat(2001) }],
      ['chat:send', { sessionId, text: 'hi', extra: true }],
      ['placement:update', { sessionId, transform: { position: [0, 0], quaternion: [0, 0, 0, 1] } }],
      ['placement:update', { sessionId, transform: { position: [0, 0, Number.NaN], quaternion: [0, 0, 0, 1] } }],
      ['step:change', { sessionId, stepId: 'Bad Step' }],
      ['part:ping', { sessionId, partId: 42 }],
      ['annotation:add', { sessionId, partId: 'caliper', localPoint: [0, 0, 0], localNormal: [0, 2, 0], kind: 'arrow' }],
      ['annotation:add', { sessionId, partId: 'caliper', localPoint: [0, 0, 0], localNormal: [0, 1, 0], kind: 'ink' }],
      ['annotation:add', { sessionId, partId: 'caliper', localPoint: [0, 0, 0], localNormal: [0, 1, 0], kind: 'laser' }],
      ['annotation:add', { sessionId, partId: 'caliper', localPoint: [99, 0, 0], localNormal: [0, 1, 0], kind: 'pin' }],
      ['annotation:add', { sessionId, partId: 'caliper', localPoint: [0, 0, 0], localNormal: [0, 1, 0], kind: 'pin', text: 'y'.repeat(281) }],
      ['annotation:add', { sessionId, partId: 'caliper', localPoint: [0, 0, 0], localNormal: [0, 1, 0], kind: 'ink', inkPoints: Array.from({ length: 513 }, () => [0, 0, 0]) }],
      ['annotation:remove', { sessionId, annotationId: 'x' }],
      ['help:request', { sessionId, context: { productId: 'wheel-corner', language: 'fr' } }],
      ['help:request', { sessionId }],
      ['help:accept', { requestId: 12 }],
      ['help:transfer', { requestId: crypto.randomUUID() }],
      ['help:callback', { sessionId, note: 'ring me', phone: 'call me maybe' }],
      ['call:offer', { sessionId, callId: 'c1', sdp: 'v'.repeat(40_000) }],
      ['call:ice', { sessionId, callId: 'c1', candidate: { candidate: 'x'.repeat(3000) } }],
      ['call:mute', { sessionId, callId: 'c1', kind: 'smell', muted: true }],
    ];
    for (const [event, payload] of bad) {
      const response = await emitAck(tech.socket, event, payload);
      expect(response, `${event} ${JSON.stringify(payload)?.slice(0, 80)}`).toMatchObject({ ok: false, error: { code: 'bad_request', issues: expect.any(Array) } });
    }
    await refused(tech.socket, 'annotation:add', { sessionId, partId: 'flux-capacitor', localPoint: [0, 0, 0], localNormal: [0, 1, 0], kind: 'pin' }, 'bad_request');
    await refused(tech.socket, 'pose:update', new Uint8Array([1, 2, 3]), 'bad_request');
    await refused(tech.socket, 'pose:update', 'not bytes', 'bad_request');
    const loose = tech.socket as unknown as { emit(event: string, ...args: unknown[]): void };
    loose.emit('chat:send', { sessionId, text: 'no ack here' });
    loose.emit('chat:send', 1, 2, 3);
    loose.emit('help:accept');

    const other = await signIn(harness.server, 'customer@demo.local');
    const { state: otherState } = await openSession(other, 'espresso-machine');
    await ok(other.socket, 'chat:send', { sessionId: otherState.session.id, text: 'still served' });
    await ok(tech.socket, 'chat:send', { sessionId, text: 'me too' });
    expect(await send(tech.socket, 'ping:echo', { at: 7 })).toMatchObject({ ok: true, at: 7 });
    expect(tech.socket.connected).toBe(true);
  });
});

describe('the session log', () => {
  it('persists entries before broadcasting them, numbers them 1, 2, 3… and replays from any seq', async () => {
    const tech = await signIn(harness.server, 'tech@demo.local');
    const { state } = await openSession(tech);
    const sessionId = state.session.id;
    const second = await signIn(harness.server, 'tech@demo.local');
    await ok(second.socket, 'session:join', { sessionId });
    const live = record<SessionLogEntry>(second.socket, 'session:event');

    const sent: number[] = [];
    for (const text of ['one', 'two', 'three']) {
      const { entry } = await ok(tech.socket, 'chat:send', { sessionId, text });
      sent.push(entry.seq);
    }
    const { entry: step } = await ok(tech.socket, 'step:change', { sessionId, stepId: 'remove-wheel' });
    await ok(tech.socket, 'placement:update', { sessionId, transform: { position: [0.5, 0, -1], quaternion: [0, 0.7071, 0, 0.7071] } });
    expect(sent).toEqual([2, 3, 4]);
    expect(step.seq).toBe(5);
    await until(() => live.length === 4, 5000, 'live entries');
    expect(seqs(live)).toEqual([2, 3, 4, 5]);

    const replay = await ok(second.socket, 'session:join', { sessionId, sinceSeq: 3 });
    expect(seqs(replay.log)).toEqual([4, 5]);
    expect(replay.log[0]).toMatchObject({ type: 'chat', data: { text: 'three' }, actorId: tech.user.id });
    expect(replay.state).toMatchObject({ currentStepId: 'remove-wheel', lastSeq: 5, placement: { position: [0.5, 0, -1] } });

    const retried = await ok(tech.socket, 'chat:send', { sessionId, text: 'once', clientId: 'msg-1' });
    const again = await ok(tech.socket, 'chat:send', { sessionId, text: 'once', clientId: 'msg-1' });
    expect(again).toMatchObject({ duplicate: true, entry: { seq: retried.entry.seq } });
    const { log } = await ok(tech.socket, 'session:log', { sessionId, sinceSeq: 5 });
    expect(log.filter((entry) => entry.type === 'chat' && entry.data.text === 'once')).toHaveLength(1);
  });
});

describe('staying connected', () => {
  it('a requester who drops for a moment gets every missed event exactly once, in order', async () => {
    const agent = await signIn(harness.server, 'agent@demo.local');
    const tech = await signIn(harness.server, 'tech@demo.local', { recoverable: true });
    const { state } = await openSession(tech);
    const sessionId = state.session.id;
    const { requestId } = await requestHelp(tech, sessionId, 'en');
    await ok(agent.socket, 'help:accept', { requestId });
    const heard = record<SessionLogEntry>(tech.socket, 'session:event');
    await ok(agent.socket, 'chat:send', { sessionId, text: 'before the tunnel' });
    await until(() => heard.length === 1);

    await dropConnection(tech);
    const missed: number[] = [];
    for (const text of ['can you hear me?', 'look at the upper bolt']) missed.push((await ok(agent.socket, 'chat:send', { sessionId, text })).entry.seq);
    const { entry: arrow } = await ok(agent.socket, 'annotation:add', { sessionId, partId: 'caliper-bolt-upper', localPoint: [0, 0.01, 0], localNormal: [0, 1, 0], kind: 'arrow' });
    missed.push(arrow.seq);
    missed.push((await ok(agent.socket, 'step:push', { sessionId, stepId: 'remove-caliper' })).entry.seq);

    // The socket is recovered (same rooms, no second join needed), and as the app's session mirror does on every
    // reconnect, it re-reads the log from the last seq it applied: log entries are not kept twice for recovery.
    await reconnect(tech);
    expect(tech.socket.recovered).toBe(true);
    const lastHeard = heard.at(-1)?.seq ?? 0;
    const { log } = await ok(tech.socket, 'session:join', { sessionId, sinceSeq: lastHeard });
    await sleep(200);
    const applied = [...heard, ...log];
    expect(seqs(applied)).toEqual([heard[0]?.seq, ...missed]);
    expect(new Set(seqs(applied)).size).toBe(applied.length);
    expect(log.at(-2)).toMatchObject({ type: 'annotation.added', data: { annotation: { partId: 'caliper-bolt-upper' } } });

    await ok(agent.socket, 'chat:send', { sessionId, text: 'welcome back' });
    await until(() => heard.length === 2);
    expect(heard.at(-1)?.seq).toBe((missed.at(-1) ?? 0) + 1);
    expect(await ok(tech.socket, 'chat:send', { sessionId, text: 'I am back' })).toMatchObject({ entry: { seq: (heard.at(-1)?.seq ?? 0) + 1 } });
  });

  it('a requester back in the queue hears only their latest place, once', async () => {
    const tech = await signIn(harness.server, 'tech@demo.local', { recoverable: true });
    const other = await signIn(harness.server, 'customer@demo.local');
    const agent = await signIn(harness.server, 'agent@demo.local');
    const mine = await openSession(tech);
    const theirs = await openSession(other);
    const places = record<{ position: number }>(tech.socket, 'help:position');
    await requestHelp(other, theirs.state.session.id, 'en');
    const { position } = await requestHelp(tech, mine.state.session.id, 'en');
    await until(() => places.length >= 1, 5000, 'a first place');

    await dropConnection(tech);
    const heardBefore = places.length;
    const { requests } = await ok(agent.socket, 'queue:get', {});
    const first = requests.find((request) => request.sessionId === theirs.state.session.id);
    if (!first) throw new Error('the other request is not in the queue');
    await ok(agent.socket, 'help:accept', { requestId: first.requestId });
    await sleep(100);
    const later = await openSession(other);
    await requestHelp(other, later.state.session.id, 'en');
    await sleep(100);

    await reconnect(tech);
    expect(tech.socket.recovered).toBe(true);
    await until(() => places.length > heardBefore, 5000, 'the place after reconnecting');
    await sleep(200);
    expect(places.length).toBe(heardBefore + 1);
    expect(places.at(-1)).toMatchObject({ position: position - 1 });
  });

  it('a socket that was not recovered catches up with session:join and sinceSeq', async () => {
    const tech = await signIn(harness.server, 'tech@demo.local');
    const { state } = await openSession(tech);
    const sessionId = state.session.id;
    await ok(tech.socket, 'chat:send', { sessionId, text: 'a' });
    tech.socket.close();
    const fresh = await connectRecoverable(harness.server, tech.token);
    try {
      expect(fresh.recovered).toBe(false);
      const { log, state: now } = await ok(fresh, 'session:join', { sessionId, sinceSeq: 1 });
      expect(log.map((entry) => entry.type)).toEqual(['chat']);
      expect(now.lastSeq).toBe(2);
    } finally {
      fresh.close();
    }
  });
});

describe('harness.server restart', () => {
  it('keeps the session, its members, state and log; the seq continues', async () => {
    const restartable = await startTestServer();
    let current = restartable;
    try {
      const tech = await signIn(current, 'tech@demo.local');
      const agent = await signIn(current, 'agent@demo.local');
      const { state } = await openSession(tech);
      const sessionId = state.session.id;
      const { requestId } = await requestHelp(tech, sessionId, 'en');
      await ok(agent.socket, 'help:accept', { requestId });
      await ok(agent.socket, 'annotation:add', { sessionId, partId: 'caliper', localPoint: [0.01, 0.02, 0.03], localNormal: [1, 0, 0], kind: 'circle' });
      await ok(agent.socket, 'step:push', { sessionId, stepId: 'remove-caliper' });
      await ok(tech.socket, 'placement:update', { sessionId, transform: { position: [1, 0, 2], quaternion: [0, 0, 0, 1] } });
      const { entry: last } = await ok(tech.socket, 'chat:send', { sessionId, text: 'before restart' });
      closeAll();

      current = await current.restart();
      const techAgain = await signIn(current, 'tech@demo.local');
      const { state: after, log } = await ok(techAgain.socket, 'session:join', { sessionId, sinceSeq: 2 });
      expect(after).toMatchObject({ currentStepId: 'remove-caliper', lastSeq: last.seq, placement: { position: [1, 0, 2] }, help: { requestId, status: 'active' } });
      expect(after.annotations).toEqual([expect.objectContaining({ partId: 'caliper', kind: 'circle', localPoint: [0.01, 0.02, 0.03] })]);
      expect(after.members.map((member) => member.role)).toEqual(['requester', 'agent']);
      expect(seqs(log)).toEqual(Array.from({ length: last.seq - 2 }, (_, index) => index + 3));
      const agentAgain = await signIn(current, 'agent@demo.local');
      await ok(agentAgain.socket, 'session:join', { sessionId, sinceSeq: last.seq });
      expect(await ok(agentAgain.socket, 'chat:send', { sessionId, text: 'after restart' })).toMatchObject({ entry: { seq: last.seq + 1 } });
    } finally {
      closeAll();
      await current.close();
    }
  });
});
