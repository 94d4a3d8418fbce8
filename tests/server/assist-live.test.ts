// Live collaboration on a real harness.server: annotations on parts, the pose stream, placement, steps and parts, call signaling.
import { describe, expect, it } from 'vitest';
import type { CallIce, CallMute, CallSdp } from '../../core/call-events.ts';
import type { PlacementChanged } from '../../core/session-events.ts';
import type { SessionLogEntry } from '../../core/session.ts';
import { decodePoseFrame, encodePoseFrame, sessionPoseChannel, type PoseSample } from '../../core/pose-frame.ts';
import { helpedSession, ok, record, refused, sleep, until, useAssistServer } from './assist-support.ts';

const harness = useAssistServer();

const sample = (t: number): PoseSample => ({
  t,
  head: { position: [0.1234, 1.6021, -0.5], quaternion: [0, 0.3827, 0, 0.9239] },
  left: { position: [-0.2, 1.1, -0.4], quaternion: [0.1, 0.2, 0.3, 0.9274] },
  right: { position: [0.2, 1.1, -0.4], quaternion: [0, 0, 0, 1] },
});

describe('annotations pinned to parts', () => {
  it('an agent pins an arrow on a caliper bolt; the requester gets it in the part frame, and it is removable', async () => {
    const { tech, agent, sessionId } = await helpedSession(harness.server);
    const heard = record<SessionLogEntry>(tech.socket, 'session:event');
    const { annotation, entry } = await ok(agent.socket, 'annotation:add', {
      sessionId,
      partId: 'caliper-bolt-upper',
      localPoint: [0, 0.012, 0.004],
      localNormal: [0, 1, 0],
      kind: 'arrow',
      text: 'This one',
    });
    expect(annotation).toMatchObject({ partId: 'caliper-bolt-upper', localPoint: [0, 0.012, 0.004], localNormal: [0, 1, 0], kind: 'arrow', authorId: agent.user.id, sessionId });
    await until(() => heard.length === 1);
    expect(heard[0]).toEqual(entry);

    const ink = await ok(tech.socket, 'annotation:add', { sessionId, partId: 'brake-disc', localPoint: [0.1, 0, 0], localNormal: [0, 0, 1], kind: 'ink', inkPoints: [[0.1, 0, 0], [0.11, 0.01, 0], [0.12, 0.01, 0]] });
    expect(ink.annotation.inkPoints).toHaveLength(3);
    const { state } = await ok(tech.socket, 'session:join', { sessionId });
    expect(state.annotations.map((a) => a.id)).toEqual([annotation.id, ink.annotation.id]);

    await ok(tech.socket, 'annotation:remove', { sessionId, annotationId: annotation.id });
    await refused(agent.socket, 'annotation:remove', { sessionId, annotationId: annotation.id }, 'not_found');
    const after = await ok(agent.socket, 'session:join', { sessionId });
    expect(after.state.annotations.map((a) => a.id)).toEqual([ink.annotation.id]);
  });

  it('a retried annotation with the same clientId is written once', async () => {
    const { agent, sessionId } = await helpedSession(harness.server);
    const draft = { sessionId, partId: 'caliper', localPoint: [0, 0, 0], localNormal: [1, 0, 0], kind: 'pin', text: 'check', clientId: 'pin-1' };
    const first = await ok(agent.socket, 'annotation:add', draft);
    const second = await ok(agent.socket, 'annotation:add', draft);
    expect(second).toMatchObject({ duplicate: true, annotation: { id: first.annotation.id }, entry: { seq: first.entry.seq } });
    const { state } = await ok(agent.socket, 'session:join', { sessionId });
    expect(state.annotations).toHaveLength(1);
  });
});

describe('the pose stream', () => {
  it('relays compact frames to the other members only, never into the log', async () => {
    const { tech, agent, sessionId } = await helpedSession(harness.server);
    const second = await helpedSession(harness.server);
    const channel = sessionPoseChannel(sessionId);
    const agentFrames = record<Uint8Array>(agent.socket, 'pose:update');
    const echoed = record<Uint8Array>(tech.socket, 'pose:update');
    const otherFrames = record<Uint8Array>(second.agent.socket, 'pose:update');

    const frame = encodePoseFrame(channel, sample(1000));
    expect(frame.byteLength).toBe(51);
    for (let index = 0; index < 5; index += 1) {
      tech.socket.volatile.emit('pose:update', encodePoseFrame(channel, sample(1000 + index * 33)));
      await sleep(34);
    }
    await until(() => agentFrames.length === 5, 5000, 'pose frames at the agent');
    const decoded = decodePoseFrame(new Uint8Array(agentFrames[4] as Uint8Array));
    expect(decoded?.channel).toBe(channel);
    expect(decoded?.sample.t).toBe(1132);
    expect(decoded?.sample.head?.position).toEqual([0.123, 1.602, -0.5]);
    expect(decoded?.sample.head?.quaternion).toEqual([0, 0.3827, 0, 0.9239]);
    expect(decoded?.sample.right?.quaternion).toEqual([0, 0, 0, 1]);
    expect(echoed).toHaveLength(0);
    expect(otherFrames).toHaveLength(0);

    await ok(agent.socket, 'pose:update', encodePoseFrame(channel, { t: 5, head: sample(5).head as NonNullable<PoseSample['head']> }));
    await refused(tech.socket, 'pose:update', encodePoseFrame(sessionPoseChannel(second.sessionId), sample(1)), 'forbidden');
    const { log } = await ok(tech.socket, 'session:log', { sessionId, sinceSeq: 0 });
    expect(log.map((entry) => entry.type)).not.toContain('pose');
  });

  it('drops frames above 60 Hz per socket (and, being volatile, whatever a busy transport cannot take)', async () => {
    const { tech, agent, sessionId } = await helpedSession(harness.server);
    const channel = sessionPoseChannel(sessionId);
    const agentFrames = record<Uint8Array>(agent.socket, 'pose:update');
    for (let index = 0; index < 200; index += 1) tech.socket.emit('pose:update', encodePoseFrame(channel, sample(index)));
    await refused(tech.socket, 'pose:update', encodePoseFrame(channel, sample(999)), 'rate_limited');
    await sleep(300);
    expect(agentFrames.length).toBeGreaterThan(0);
    expect(agentFrames.length).toBeLessThan(20);
    await ok(tech.socket, 'pose:update', encodePoseFrame(channel, sample(1000)));
  });

  it('stops relaying to an agent whose help ended', async () => {
    const { tech, agent, sessionId, requestId } = await helpedSession(harness.server);
    const channel = sessionPoseChannel(sessionId);
    await ok(agent.socket, 'help:end', { requestId });
    const agentFrames = record<Uint8Array>(agent.socket, 'pose:update');
    await ok(tech.socket, 'pose:update', encodePoseFrame(channel, sample(1)));
    await refused(agent.socket, 'pose:update', encodePoseFrame(channel, sample(2)), 'forbidden');
    await sleep(100);
    expect(agentFrames).toHaveLength(0);
  });
});

describe('placement, steps and parts', () => {
  it('the requester places the product; the agent sees it live and after a rejoin; roles are enforced', async () => {
    const { tech, agent, sessionId } = await helpedSession(harness.server);
    const placements = record<PlacementChanged>(agent.socket, 'session:placement');
    const transform = { position: [0.4, 0, -1.2], quaternion: [0, 0.7071, 0, 0.7071] };
    await ok(tech.socket, 'placement:update', { sessionId, transform });
    await until(() => placements.length === 1);
    expect(placements[0]).toMatchObject({ sessionId, transform, by: tech.user.id });
    await refused(agent.socket, 'placement:update', { sessionId, transform }, 'forbidden');
    const { state } = await ok(agent.socket, 'session:join', { sessionId });
    expect(state.placement).toEqual(transform);
  });

  it('agents push steps and highlight parts; requesters change steps and ping parts; not the other way round', async () => {
    const { tech, agent, sessionId } = await helpedSession(harness.server);
    const heard = record<SessionLogEntry>(tech.socket, 'session:event');
    await ok(agent.socket, 'step:push', { sessionId, stepId: 'remove-caliper' });
    await ok(agent.socket, 'part:highlight', { sessionId, partId: 'caliper' });
    await refused(agent.socket, 'part:highlight', { sessionId, partId: 'carburettor' }, 'bad_request');
    await refused(tech.socket, 'step:push', { sessionId, stepId: 'remove-caliper' }, 'forbidden');
    await refused(tech.socket, 'part:highlight', { sessionId, partId: 'caliper' }, 'forbidden');
    await refused(agent.socket, 'step:change', { sessionId, stepId: 'remove-caliper' }, 'forbidden');
    await refused(agent.socket, 'part:ping', { sessionId, partId: 'caliper' }, 'forbidden');
    await ok(tech.socket, 'step:change', { sessionId, stepId: 'remove-pads' });
    const { entry } = await ok(tech.socket, 'part:ping', { sessionId, partId: 'brake-pads', localPoint: [0, 0.01, 0] });
    expect(entry).toMatchObject({ type: 'part.pinged', data: { partId: 'brake-pads', localPoint: [0, 0.01, 0] } });
    await until(() => heard.length === 2);
    expect(heard.map((e) => e.type)).toEqual(['step.pushed', 'part.highlighted']);
    const { state } = await ok(agent.socket, 'session:join', { sessionId });
    expect(state).toMatchObject({ currentStepId: 'remove-pads', highlightedPartId: 'caliper' });
    await ok(agent.socket, 'part:highlight', { sessionId, partId: null });
  });
});

describe('call signaling', () => {
  it('relays offer, answer, ICE and mute to the other member and logs the call start and end once', async () => {
    const { tech, agent, sessionId } = await helpedSession(harness.server);
    const offers = record<CallSdp>(agent.socket, 'call:offer');
    const answers = record<CallSdp>(tech.socket, 'call:answer');
    const candidates = record<CallIce>(agent.socket, 'call:ice');
    const mutes = record<CallMute>(tech.socket, 'call:mute');
    const hangups = record<CallSdp>(agent.socket, 'call:hangup');
    const sdp = 'v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\n';

    await refused(agent.socket, 'call:answer', { sessionId, callId: 'call-1', sdp }, 'conflict');
    await ok(tech.socket, 'call:offer', { sessionId, callId: 'call-1', sdp });
    await refused(agent.socket, 'call:offer', { sessionId, callId: 'call-2', sdp }, 'conflict');
    await ok(agent.socket, 'call:answer', { sessionId, callId: 'call-1', sdp });
    await ok(tech.socket, 'call:ice', { sessionId, callId: 'call-1', candidate: { candidate: 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host', sdpMid: '0', sdpMLineIndex: 0 } });
    await ok(tech.socket, 'call:ice', { sessionId, callId: 'call-1', candidate: null });
    await ok(agent.socket, 'call:mute', { sessionId, callId: 'call-1', kind: 'audio', muted: true });
    await ok(tech.socket, 'call:offer', { sessionId, callId: 'call-1', sdp: `${sdp}a=ice-options:trickle\r\n` });
    await until(() => offers.length === 2 && answers.length === 1 && candidates.length === 2 && mutes.length === 1);
    expect(offers[0]).toMatchObject({ sessionId, callId: 'call-1', sdp, from: tech.user.id });
    expect(candidates[1]).toMatchObject({ candidate: null, from: tech.user.id });
    expect(mutes[0]).toMatchObject({ kind: 'audio', muted: true, from: agent.user.id });
    const during = await ok(agent.socket, 'session:join', { sessionId });
    expect(during.state.call).toMatchObject({ callId: 'call-1', startedBy: tech.user.id });

    await ok(tech.socket, 'call:hangup', { sessionId, callId: 'call-1', reason: 'done' });
    await until(() => hangups.length === 1);
    await refused(tech.socket, 'call:ice', { sessionId, callId: 'call-1', candidate: null }, 'conflict');
    const { state, log } = await ok(agent.socket, 'session:join', { sessionId });
    expect(state.call).toBeNull();
    expect(log.filter((entry) => entry.type.startsWith('call.')).map((entry) => entry.type)).toEqual(['call.started', 'call.ended']);
  });

  it('ends the call when the agent leaves the session', async () => {
    const { tech, agent, sessionId, requestId } = await helpedSession(harness.server);
    await ok(tech.socket, 'call:offer', { sessionId, callId: 'call-9', sdp: 'v=0' });
    const { entries } = await ok(agent.socket, 'help:end', { requestId });
    expect(entries.map((entry) => entry.type)).toEqual(['help.ended', 'call.ended', 'member.left']);
    const { state } = await ok(tech.socket, 'session:join', { sessionId });
    expect(state.call).toBeNull();
  });
});
