// The help queue on a real harness.server: skill and language routing, positions and waits, accept/decline/transfer/end/cancel.
import { describe, expect, it } from 'vitest';
import type { HelpPosition, QueueUpdate } from '../../core/help.ts';
import type { SessionLogEntry } from '../../core/session.ts';
import { startTestServer } from '../support/test-server.ts';
import { closeAll, createPerson, dropConnection, ok, openSession, reconnect, record, refused, requestHelp, send, signIn, sleep, until, type Person, useAssistServer } from './assist-support.ts';

const harness = useAssistServer();

const latest = (updates: QueueUpdate[]) => updates.reduce<QueueUpdate | undefined>((best, update) => (!best || update.revision > best.revision ? update : best), undefined);
const queued = (updates: QueueUpdate[]) => latest(updates)?.requests.map((request) => request.requestId) ?? [];

async function waitingRequest(person: Person, language: 'en' | 'es', productId = 'wheel-corner') {
  const { state } = await openSession(person, productId, language);
  return requestHelp(person, state.session.id, language, productId);
}

describe('with no agent online', () => {
  it('says so, still queues the request and takes a callback request that agents can read', async () => {
    const lonely = await startTestServer();
    try {
      const tech = await signIn(lonely, 'tech@demo.local');
      const { state } = await openSession(tech, 'water-heater', 'es');
      const help = await requestHelp(tech, state.session.id, 'es', 'water-heater');
      expect(help).toMatchObject({ noAgentOnline: true, position: 1, agentsOnline: 0, entry: { type: 'help.requested' } });
      const { callback } = await ok(tech.socket, 'help:callback', { sessionId: state.session.id, phone: '+34 600 000 000', note: 'Llamadme por la tarde' });
      expect(callback).toMatchObject({ productLine: 'heating', language: 'es', phone: '+34 600 000 000' });

      const agentEs = await signIn(lonely, 'agent.es@demo.local');
      const { requests } = await ok(agentEs.socket, 'queue:get', {});
      expect(requests.map((request) => request.requestId)).toEqual([help.requestId]);
      await refused(tech.socket, 'queue:get', {}, 'forbidden');
      const response = await fetch(`${lonely.url}/api/help/callbacks`, { headers: { authorization: `Bearer ${agentEs.token}` } });
      expect(((await response.json()) as { callbacks: Array<{ id: string }> }).callbacks.map((c) => c.id)).toContain(callback.id);
      const asTech = await fetch(`${lonely.url}/api/help/callbacks`, { headers: { authorization: `Bearer ${tech.token}` } });
      expect(asTech.status).toBe(403);
    } finally {
      closeAll();
      await lonely.close();
    }
  });
});

describe('routing by skill and language', () => {
  it('a Spanish request reaches both agents; an English one never reaches the Spanish-only agent', async () => {
    const agent = await signIn(harness.server, 'agent@demo.local');
    const agentEs = await signIn(harness.server, 'agent.es@demo.local');
    const agentQueue = record<QueueUpdate>(agent.socket, 'queue:updated');
    const agentEsQueue = record<QueueUpdate>(agentEs.socket, 'queue:updated');
    const customer = await signIn(harness.server, 'customer@demo.local');
    const tech = await signIn(harness.server, 'tech@demo.local');

    const spanish = await waitingRequest(customer, 'es');
    const english = await waitingRequest(tech, 'en');
    expect(spanish.noAgentOnline).toBe(false);
    await until(() => queued(agentQueue).includes(english.requestId) && queued(agentQueue).includes(spanish.requestId), 5000, 'both requests for agent');
    await until(() => queued(agentEsQueue).includes(spanish.requestId), 5000, 'spanish request for agent.es');
    await sleep(100);
    expect(agentEsQueue.flatMap((update) => update.requests.map((request) => request.requestId))).not.toContain(english.requestId);
    const item = latest(agentEsQueue)?.requests.find((request) => request.requestId === spanish.requestId);
    expect(item).toMatchObject({ language: 'es', productLine: 'automotive', requester: { id: customer.user.id, role: 'customer' }, context: { stepId: 'remove-caliper', progressSummary: 'step 3 of 8' } });
    await refused(agentEs.socket, 'help:accept', { requestId: english.requestId }, 'forbidden');

    const coffeeOnly = await createPerson(harness.server, { role: 'agent', languages: ['en', 'es'], skills: ['coffee'] });
    const coffeeQueue = record<QueueUpdate>(coffeeOnly.socket, 'queue:updated');
    const barista = await waitingRequest(await signIn(harness.server, 'tech@demo.local'), 'en', 'espresso-machine');
    await until(() => queued(coffeeQueue).includes(barista.requestId), 5000, 'coffee request for the coffee agent');
    expect(coffeeQueue.flatMap((update) => update.requests.map((request) => request.productLine))).toEqual(expect.arrayContaining(['coffee']));
    expect(coffeeQueue.flatMap((update) => update.requests.map((request) => request.productLine))).not.toContain('automotive');
    await refused(coffeeOnly.socket, 'help:accept', { requestId: english.requestId }, 'forbidden');

    for (const request of [spanish, english, barista]) await ok(agent.socket, 'help:accept', { requestId: request.requestId });
  });

  it('attaches the requester history and refuses requests from people who cannot ask', async () => {
    const tech = await signIn(harness.server, 'tech@demo.local');
    const agent = await signIn(harness.server, 'agent@demo.local');
    const agentQueue = record<QueueUpdate>(agent.socket, 'queue:updated');
    const earlier = await openSession(tech, 'espresso-machine');
    const now = await waitingRequest(tech, 'en');
    await until(() => queued(agentQueue).includes(now.requestId));
    const item = latest(agentQueue)?.requests.find((request) => request.requestId === now.requestId);
    expect(item?.history.map((entry) => entry.sessionId)).toContain(earlier.state.session.id);
    expect(item?.history.map((entry) => entry.sessionId)).not.toContain(now.sessionId);
    await refused(tech.socket, 'help:request', { sessionId: now.sessionId, context: { productId: 'wheel-corner', language: 'en' } }, 'conflict');
    await refused(tech.socket, 'help:request', { sessionId: earlier.state.session.id, context: { productId: 'water-heater', language: 'en' } }, 'bad_request');
    await refused(tech.socket, 'help:accept', { requestId: now.requestId }, 'forbidden');
    await ok(agent.socket, 'help:accept', { requestId: now.requestId });

    const bare = await openSession(tech, 'espresso-machine');
    const minimal = await ok(tech.socket, 'help:request', { sessionId: bare.state.session.id, context: { productId: 'espresso-machine', language: 'en' } });
    expect(minimal.entry.data).toEqual({ requestId: minimal.requestId });
    await ok(agent.socket, 'help:accept', { requestId: minimal.requestId });
  });
});

describe('queue positions', () => {
  it('three waiting requests are told 1, 2, 3 with an estimated wait, and move up live', async () => {
    const agent = await signIn(harness.server, 'agent@demo.local');
    const people = [await signIn(harness.server, 'tech@demo.local'), await signIn(harness.server, 'customer@demo.local'), await createPerson(harness.server, { role: 'technician', languages: ['en'], skills: [] })];
    const positions = people.map((person) => record<HelpPosition>(person.socket, 'help:position'));
    const requests = [];
    for (const person of people) requests.push(await waitingRequest(person, 'en', 'water-heater'));
    expect(requests.map((request) => request.position)).toEqual([1, 2, 3]);
    for (const request of requests) expect(request.estimatedWaitSeconds).toBeGreaterThan(0);
    expect(requests[2]?.estimatedWaitSeconds).toBeGreaterThan(requests[0]?.estimatedWaitSeconds ?? 0);

    const [first, second, third] = requests as [(typeof requests)[0], (typeof requests)[0], (typeof requests)[0]];
    await ok(agent.socket, 'help:accept', { requestId: first.requestId });
    await until(() => positions[1]?.at(-1)?.position === 1 && positions[2]?.at(-1)?.position === 2, 5000, 'positions moving up');
    expect(positions[2]?.at(-1)).toMatchObject({ requestId: third.requestId, sessionId: third.sessionId, agentsOnline: expect.any(Number) });

    await ok(people[1]?.socket as Person['socket'], 'help:cancel', { requestId: second.requestId });
    await until(() => positions[2]?.at(-1)?.position === 1, 5000, 'last request first after a cancel');
    await ok(agent.socket, 'help:accept', { requestId: third.requestId });
  });

  it('a requester taken out of the queue while their connection was down is not told their old place when it comes back', async () => {
    const agent = await signIn(harness.server, 'agent@demo.local');
    const agentQueue = record<QueueUpdate>(agent.socket, 'queue:updated');
    const other = await signIn(harness.server, 'customer@demo.local');
    const tech = await signIn(harness.server, 'tech@demo.local', { recoverable: true });
    const places = record<HelpPosition>(tech.socket, 'help:position');
    const theirs = await waitingRequest(other, 'en');
    const mine = await waitingRequest(tech, 'en');

    await dropConnection(tech);
    const heardBefore = places.length;
    await ok(agent.socket, 'help:accept', { requestId: theirs.requestId });
    // The push that moves the agent's queue moves the requester's place too, while they are away.
    await until(() => queued(agentQueue).includes(mine.requestId) && !queued(agentQueue).includes(theirs.requestId), 5000, 'the queue after the first accept');
    await ok(agent.socket, 'help:accept', { requestId: mine.requestId });

    await reconnect(tech);
    expect(tech.socket.recovered).toBe(true);
    const { state } = await ok(tech.socket, 'session:join', { sessionId: mine.sessionId, sinceSeq: 0 });
    expect(state.help).toMatchObject({ requestId: mine.requestId, status: 'active' });
    expect(places.slice(heardBefore)).toEqual([]);
  });
});

describe('accept, transfer and end', () => {
  it('walks a request from the queue to an agent, to a named colleague, back to the queue and to its end', async () => {
    const customer = await signIn(harness.server, 'customer@demo.local');
    const agent = await signIn(harness.server, 'agent@demo.local');
    const agentEs = await signIn(harness.server, 'agent.es@demo.local');
    const agentEsQueue = record<QueueUpdate>(agentEs.socket, 'queue:updated');
    const heard = record<SessionLogEntry>(customer.socket, 'session:event');
    const { sessionId, requestId } = await waitingRequest(customer, 'es');

    const accepted = await ok(agent.socket, 'help:accept', { requestId });
    expect(accepted.state.members.map((member) => member.userId)).toEqual([customer.user.id, agent.user.id]);
    expect(accepted.state.help).toMatchObject({ requestId, status: 'active', agentId: agent.user.id });
    await until(() => heard.some((entry) => entry.type === 'help.accepted'));
    expect(heard.map((entry) => entry.type)).toEqual(['member.joined', 'help.accepted']);
    await refused(agentEs.socket, 'help:accept', { requestId }, 'conflict');
    await ok(agent.socket, 'chat:send', { sessionId, text: 'Hola, te paso con una compañera' });

    await refused(agentEs.socket, 'help:transfer', { requestId, toQueue: true }, 'forbidden');
    await refused(agent.socket, 'help:transfer', { requestId, toAgentId: 'nobody' }, 'not_found');
    await refused(agent.socket, 'help:transfer', { requestId, toAgentId: customer.user.id }, 'not_found');
    const { entries } = await ok(agent.socket, 'help:transfer', { requestId, toAgentId: agentEs.user.id });
    expect(entries.map((entry) => entry.type)).toEqual(['help.transferred', 'member.left']);
    await refused(agent.socket, 'chat:send', { sessionId, text: 'still here?' }, 'forbidden');
    await until(() => latest(agentEsQueue)?.requests.some((request) => request.requestId === requestId && request.transferredBy === agent.user.id) ?? false, 5000, 'transfer reaching agent.es');

    await ok(agentEs.socket, 'help:accept', { requestId });
    await ok(agentEs.socket, 'chat:send', { sessionId, text: 'Hola, soy Ana' });
    await ok(agentEs.socket, 'help:transfer', { requestId, toQueue: true });
    const agentQueue = record<QueueUpdate>(agent.socket, 'queue:updated');
    await until(() => queued(agentQueue).includes(requestId), 5000, 'request back in the queue');
    await ok(agent.socket, 'help:accept', { requestId });

    await refused(customer.socket, 'help:cancel', { requestId }, 'conflict');
    const ended = await ok(agent.socket, 'help:end', { requestId });
    expect(ended.entries.map((entry) => entry.type)).toEqual(['help.ended', 'member.left']);
    await refused(agent.socket, 'annotation:add', { sessionId, partId: 'caliper', localPoint: [0, 0, 0], localNormal: [0, 1, 0], kind: 'pin' }, 'forbidden');
    await refused(agent.socket, 'session:join', { sessionId }, 'forbidden');
    await ok(customer.socket, 'chat:send', { sessionId, text: 'gracias' });

    const transcript = await fetch(`${harness.server.url}/api/sessions/${sessionId}/transcript`, { headers: { authorization: `Bearer ${agent.token}` } });
    expect(transcript.status).toBe(200);
    const types = ((await transcript.json()) as { entries: SessionLogEntry[] }).entries.map((entry) => entry.type);
    expect(types).toEqual([
      'member.joined',
      'help.requested',
      'member.joined',
      'help.accepted',
      'chat',
      'help.transferred',
      'member.left',
      'member.joined',
      'help.accepted',
      'chat',
      'help.transferred',
      'member.left',
      'member.joined',
      'help.accepted',
      'help.ended',
      'member.left',
      'chat',
    ]);
  });

  it('a decline hides the request from that agent only; a cancel withdraws it for everyone', async () => {
    const agent = await signIn(harness.server, 'agent@demo.local');
    const agentEs = await signIn(harness.server, 'agent.es@demo.local');
    const agentQueue = record<QueueUpdate>(agent.socket, 'queue:updated');
    const agentEsQueue = record<QueueUpdate>(agentEs.socket, 'queue:updated');
    const customer = await signIn(harness.server, 'customer@demo.local');
    const { requestId, sessionId } = await waitingRequest(customer, 'es', 'espresso-machine');
    await until(() => queued(agentEsQueue).includes(requestId) && queued(agentQueue).includes(requestId));

    await ok(agentEs.socket, 'help:decline', { requestId });
    await until(() => !queued(agentEsQueue).includes(requestId), 5000, 'declined request leaving agent.es');
    expect(queued(agentQueue)).toContain(requestId);
    await refused(agentEs.socket, 'help:accept', { requestId }, 'forbidden');

    const intruder = await signIn(harness.server, 'tech@demo.local');
    await refused(intruder.socket, 'help:cancel', { requestId }, 'forbidden');
    await refused(agent.socket, 'help:end', { requestId }, 'forbidden');
    const { entries } = await ok(customer.socket, 'help:cancel', { requestId });
    expect(entries).toEqual([expect.objectContaining({ type: 'help.cancelled', sessionId })]);
    await until(() => !queued(agentQueue).includes(requestId), 5000, 'cancelled request leaving the queue');
    await refused(agent.socket, 'help:accept', { requestId }, 'conflict');
    await refused(agent.socket, 'help:decline', { requestId }, 'conflict');
    await refused(agent.socket, 'help:accept', { requestId: crypto.randomUUID() }, 'not_found');
  });

  it('two agents accepting at the same moment: exactly one gets it', async () => {
    const agent = await signIn(harness.server, 'agent@demo.local');
    const agentEs = await signIn(harness.server, 'agent.es@demo.local');
    const customer = await signIn(harness.server, 'customer@demo.local');
    const { requestId } = await waitingRequest(customer, 'es');
    const answers = await Promise.all([send(agent.socket, 'help:accept', { requestId }), send(agentEs.socket, 'help:accept', { requestId })]);
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
    expect(answers.find((answer) => !answer.ok)).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('ending the session withdraws its help and stops every write into it', async () => {
    const agent = await signIn(harness.server, 'agent@demo.local');
    const tech = await signIn(harness.server, 'tech@demo.local');
    const { requestId, sessionId } = await waitingRequest(tech, 'en');
    await ok(agent.socket, 'help:accept', { requestId });
    const heard = record<SessionLogEntry>(agent.socket, 'session:event');
    const { entries } = await ok(tech.socket, 'session:end', { sessionId });
    expect(entries.map((entry) => entry.type)).toEqual(['help.ended', 'member.left', 'session.ended']);
    await until(() => heard.some((entry) => entry.type === 'session.ended'), 5000, 'agent told the session ended');
    await refused(tech.socket, 'chat:send', { sessionId, text: 'hello?' }, 'conflict');
    await refused(tech.socket, 'help:request', { sessionId, context: { productId: 'wheel-corner', language: 'en' } }, 'conflict');
    const { state } = await ok(tech.socket, 'session:join', { sessionId });
    expect(state.session).toMatchObject({ status: 'ended', endedAt: expect.any(Number) });
    expect(state.help).toBeNull();
  });
});
