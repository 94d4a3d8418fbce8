// Floods of logged events on a real harness.server: refused past the burst, never written or sent, per user and session, pose untouched.
import { describe, expect, it } from 'vitest';
import type { AckResponse } from '../../core/ack.ts';
import type { SessionLogEntry } from '../../core/session.ts';
import { encodePoseFrame, sessionPoseChannel } from '../../core/pose-frame.ts';
import { LOGGED_EVENTS_BURST, LOGGED_EVENTS_PER_SECOND, READS_BURST, READS_PER_SECOND } from '../../server/realtime/event-rate-limit.ts';
import { createPerson, emitAck, ok, openSession, record, requestHelp, signIn, sleep, until, type Person, useAssistServer } from './assist-support.ts';

const harness = useAssistServer();

/** Long enough for a bucket to get back `tokens` (setting a session up is logged too: it takes a token or two). */
const refill = (tokens: number) => sleep((tokens * 1000) / LOGGED_EVENTS_PER_SECOND + 100);

/** A technician with an accepted agent, every bucket full again. */
async function helpedSession(): Promise<{ tech: Person; agent: Person; sessionId: string }> {
  const tech = await signIn(harness.server, 'tech@demo.local');
  const agent = await signIn(harness.server, 'agent@demo.local');
  const { state } = await openSession(tech);
  const { requestId } = await requestHelp(tech, state.session.id, 'en');
  await ok(agent.socket, 'help:accept', { requestId });
  await refill(2);
  return { tech, agent, sessionId: state.session.id };
}

/** Emits every payload at once, in order, and resolves with the acks in the same order. */
function burst(person: Person, event: string, payloads: unknown[]): Promise<AckResponse[]> {
  return Promise.all(payloads.map((payload) => emitAck(person.socket, event, payload)));
}

const accepted = (acks: AckResponse[]) => acks.filter((ack) => ack.ok).length;
const codes = (acks: AckResponse[]) => [...new Set(acks.flatMap((ack) => (ack.ok ? [] : [ack.error.code])))];
/** A burst lasts milliseconds, but a stalled machine may let one more token in meanwhile. */
const expectAboutBurst = (count: number) => {
  expect(count).toBeGreaterThanOrEqual(LOGGED_EVENTS_BURST);
  expect(count).toBeLessThanOrEqual(LOGGED_EVENTS_BURST + 1);
};

async function chatTexts(person: Person, sessionId: string): Promise<string[]> {
  const { log } = await ok(person.socket, 'session:log', { sessionId, sinceSeq: 0 });
  return log.flatMap((entry) => (entry.type === 'chat' ? [entry.data.text] : []));
}

describe('the rate limit on logged events', () => {
  it('accepts a burst of chat, refuses the rest with rate_limited, and writes and sends only what it accepted', async () => {
    const { tech, agent, sessionId } = await helpedSession();
    const heard = record<SessionLogEntry>(agent.socket, 'session:event');
    const texts = Array.from({ length: 40 }, (_, index) => `flood ${index}`);

    const acks = await burst(tech, 'chat:send', texts.map((text) => ({ sessionId, text })));

    const okCount = accepted(acks);
    expectAboutBurst(okCount);
    expect(acks.slice(0, LOGGED_EVENTS_BURST).every((ack) => ack.ok)).toBe(true);
    expect(codes(acks)).toEqual(['rate_limited']);
    const refusal = acks.find((ack) => !ack.ok);
    expect(refusal).toEqual({ ok: false, error: { code: 'rate_limited', message: 'You are sending too fast; wait a moment and try again.' } });
    const sent = texts.filter((_, index) => acks[index]?.ok);
    expect(await chatTexts(agent, sessionId)).toEqual(sent);
    await until(() => heard.length >= okCount, 5000, 'the accepted messages at the agent');
    await sleep(200);
    expect(heard.flatMap((entry) => (entry.type === 'chat' ? [entry.data.text] : []))).toEqual(sent);
  });

  it('lets the person send again once the bucket has refilled', async () => {
    const { tech, sessionId } = await helpedSession();
    const flood = await burst(tech, 'chat:send', Array.from({ length: 30 }, (_, index) => ({ sessionId, text: `fill ${index}` })));
    expect(flood.at(-1)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });

    await refill(2);
    await ok(tech.socket, 'chat:send', { sessionId, text: 'after a pause' });
    await ok(tech.socket, 'chat:send', { sessionId, text: 'and one more' });
    expect((await chatTexts(tech, sessionId)).slice(-2)).toEqual(['after a pause', 'and one more']);
  });

  it("does not slow down other people: the other member, or someone in another session, while one floods", async () => {
    const { tech, agent, sessionId } = await helpedSession();
    const other = await createPerson(harness.server, { role: 'customer', languages: ['en'], skills: [] });
    const { state: elsewhere } = await openSession(other, 'espresso-machine');

    const [flood, agentAcks, otherAcks] = await Promise.all([
      burst(tech, 'chat:send', Array.from({ length: 40 }, (_, index) => ({ sessionId, text: `spam ${index}` }))),
      burst(agent, 'chat:send', Array.from({ length: 5 }, (_, index) => ({ sessionId, text: `agent ${index}` }))),
      burst(other, 'chat:send', Array.from({ length: 5 }, (_, index) => ({ sessionId: elsewhere.session.id, text: `other ${index}` }))),
    ]);

    expectAboutBurst(accepted(flood));
    expect(agentAcks.every((ack) => ack.ok)).toBe(true);
    expect(otherAcks.every((ack) => ack.ok)).toBe(true);
  });

  it("shares one budget per session among a user's sockets, but not across sessions", async () => {
    const { tech, sessionId } = await helpedSession();
    const phone = await signIn(harness.server, 'tech@demo.local');
    const laptop = await signIn(harness.server, 'tech@demo.local');
    await ok(phone.socket, 'session:join', { sessionId });
    const { state: otherSession } = await openSession(laptop);

    const [fromTech, fromPhone] = await Promise.all([
      burst(tech, 'chat:send', Array.from({ length: 25 }, (_, index) => ({ sessionId, text: `tech ${index}` }))),
      burst(phone, 'chat:send', Array.from({ length: 25 }, (_, index) => ({ sessionId, text: `phone ${index}` }))),
    ]);
    const elsewhere = await burst(laptop, 'chat:send', Array.from({ length: 5 }, (_, index) => ({ sessionId: otherSession.session.id, text: `laptop ${index}` })));

    expectAboutBurst(accepted(fromTech) + accepted(fromPhone));
    expect(await chatTexts(tech, sessionId)).toHaveLength(accepted(fromTech) + accepted(fromPhone));
    expect(elsewhere.every((ack) => ack.ok)).toBe(true);
  });

  it('counts annotations, highlights, step pushes and cart proposals against the same budget', async () => {
    const { agent, sessionId } = await helpedSession();
    const annotation = { sessionId, partId: 'caliper', localPoint: [0, 0, 0], localNormal: [0, 1, 0], kind: 'pin' };
    const [annotations, highlights, steps, proposals] = await Promise.all([
      burst(agent, 'annotation:add', Array.from({ length: 8 }, () => annotation)),
      burst(agent, 'part:highlight', Array.from({ length: 8 }, () => ({ sessionId, partId: 'caliper' }))),
      burst(agent, 'step:push', Array.from({ length: 8 }, () => ({ sessionId, stepId: 'remove-caliper' }))),
      burst(agent, 'cart:propose', Array.from({ length: 8 }, () => ({ sessionId, items: [{ sku: 'WC-PAD-01', quantity: 1 }] }))),
    ]);
    const all = [...annotations, ...highlights, ...steps, ...proposals];

    expectAboutBurst(accepted(all));
    expect(all.slice(0, LOGGED_EVENTS_BURST).every((ack) => ack.ok)).toBe(true);
    expect(codes(all)).toEqual(['rate_limited']);
    expect(proposals.some((ack) => !ack.ok)).toBe(true);
    const { log } = await ok(agent.socket, 'session:log', { sessionId, sinceSeq: 0 });
    const logged = log.filter((entry) => ['annotation.added', 'part.highlighted', 'step.pushed', 'cart.proposed'].includes(entry.type));
    expect(logged).toHaveLength(accepted(all));
  });

  it('keeps relaying pose frames while chat is refused', async () => {
    const { tech, agent, sessionId } = await helpedSession();
    const channel = sessionPoseChannel(sessionId);
    const frames = record<Uint8Array>(agent.socket, 'pose:update');
    const pose = (t: number) => encodePoseFrame(channel, { t, head: { position: [0, 1.6, 0], quaternion: [0, 0, 0, 1] } });

    const flooding = burst(tech, 'chat:send', Array.from({ length: 40 }, (_, index) => ({ sessionId, text: `noise ${index}` })));
    for (let index = 0; index < 5; index += 1) {
      tech.socket.emit('pose:update', pose(index));
      await sleep(20);
    }
    await ok(tech.socket, 'pose:update', pose(99));
    expect((await flooding).at(-1)).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    await until(() => frames.length === 6, 5000, 'pose frames at the agent');
  });

  it("drops a user's buckets with their last socket: a new connection starts with a full burst", async () => {
    const customer = await createPerson(harness.server, { role: 'customer', languages: ['en'], skills: [] });
    const { state } = await openSession(customer);
    const sessionId = state.session.id;
    await refill(1);
    expectAboutBurst(accepted(await burst(customer, 'chat:send', Array.from({ length: 30 }, (_, index) => ({ sessionId, text: `before ${index}` })))));

    const socketId = customer.socket.id;
    customer.socket.close();
    await until(() => socketId === undefined || !harness.server.realtime.io.sockets.sockets.has(socketId), 5000, 'the harness.server to drop the socket');
    const again = await signIn(harness.server, customer.user.email);
    await ok(again.socket, 'session:join', { sessionId });
    expectAboutBurst(accepted(await burst(again, 'chat:send', Array.from({ length: 30 }, (_, index) => ({ sessionId, text: `after ${index}` })))));
  });
});

describe('the rate limit on reads', () => {
  /** Allows for a token or two regained while a burst is being answered on a slow machine. */
  const expectAboutReads = (count: number) => {
    expect(count).toBeGreaterThanOrEqual(READS_BURST);
    expect(count).toBeLessThanOrEqual(READS_BURST + 2);
  };

  it('answers a burst of session:log pages, refuses the rest with rate_limited, and answers again after a pause', async () => {
    const { tech, sessionId } = await helpedSession();
    await sleep((READS_BURST * 1000) / READS_PER_SECOND);
    const pages = await burst(tech, 'session:log', Array.from({ length: READS_BURST + 20 }, () => ({ sessionId, sinceSeq: 0 })));
    expectAboutReads(accepted(pages));
    expect(codes(pages)).toEqual(['rate_limited']);
    await sleep(300);
    await ok(tech.socket, 'session:log', { sessionId, sinceSeq: 0 });
  });

  it("shares one read budget among a user's sockets, and the joins and queue reads count against it", async () => {
    const { agent, sessionId } = await helpedSession();
    const laptop = await signIn(harness.server, 'agent@demo.local');
    await sleep((READS_BURST * 1000) / READS_PER_SECOND);
    const [joins, queues] = await Promise.all([
      burst(agent, 'session:join', Array.from({ length: READS_BURST }, () => ({ sessionId }))),
      burst(laptop, 'queue:get', Array.from({ length: READS_BURST }, () => ({}))),
    ]);
    expectAboutReads(accepted(joins) + accepted(queues));
    expect(codes([...joins, ...queues])).toEqual(['rate_limited']);
  });
});
