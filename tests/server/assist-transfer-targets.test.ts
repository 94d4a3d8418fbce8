// Whom an agent can transfer a request to, on a real harness.server: online agents of its product line and language, never themselves.
import { describe, expect, it } from 'vitest';
import { startTestServer } from '../support/test-server.ts';
import { closeAll, createPerson, emitAck, ok, openSession, refused, requestHelp, signIn, sleep, type Person, useAssistServer } from './assist-support.ts';

const harness = useAssistServer();

async function acceptedRequest(agent: Person, requester: Person, language: 'en' | 'es', productId = 'wheel-corner') {
  const { state } = await openSession(requester, productId, language);
  const { requestId } = await requestHelp(requester, state.session.id, language, productId);
  await ok(agent.socket, 'help:accept', { requestId });
  return requestId;
}

const targetsOf = async (agent: Person, requestId: string) => (await ok(agent.socket, 'help:transfer-targets', { requestId })).agents;

describe('help:transfer-targets', () => {
  it('lists the other online agents who cover the product line and language, and a transfer to one of them works', async () => {
    const agent = await signIn(harness.server, 'agent@demo.local');
    const agentEs = await signIn(harness.server, 'agent.es@demo.local');
    const coffeeOnly = await createPerson(harness.server, { role: 'agent', languages: ['en', 'es'], skills: ['coffee'] });
    const automotiveEn = await createPerson(harness.server, { role: 'agent', languages: ['en'], skills: ['automotive'] });
    const tech = await signIn(harness.server, 'tech@demo.local');

    const spanish = await acceptedRequest(agent, tech, 'es');
    expect(await targetsOf(agent, spanish)).toEqual([{ id: agentEs.user.id, name: agentEs.user.name }]);

    const english = await acceptedRequest(agent, await signIn(harness.server, 'customer@demo.local'), 'en');
    expect(await targetsOf(agent, english)).toEqual([{ id: automotiveEn.user.id, name: automotiveEn.user.name }]);
    expect((await targetsOf(agent, english)).map((target) => target.id)).not.toContain(coffeeOnly.user.id);

    const [target] = await targetsOf(agent, spanish);
    await ok(agent.socket, 'help:transfer', { requestId: spanish, toAgentId: target?.id });
    await ok(agentEs.socket, 'help:accept', { requestId: spanish });
    expect(await targetsOf(agentEs, spanish)).toEqual([{ id: agent.user.id, name: agent.user.name }]);
  });

  it('is empty when nobody else who could take it is online, and forgets agents who went offline', async () => {
    const lonely = await startTestServer();
    try {
      const agent = await signIn(lonely, 'agent@demo.local');
      const requestId = await acceptedRequest(agent, await signIn(lonely, 'tech@demo.local'), 'es', 'espresso-machine');
      expect(await targetsOf(agent, requestId)).toEqual([]);

      const agentEs = await signIn(lonely, 'agent.es@demo.local');
      expect(await targetsOf(agent, requestId)).toEqual([{ id: agentEs.user.id, name: agentEs.user.name }]);
      agentEs.socket.close();
      const started = Date.now();
      while ((await targetsOf(agent, requestId)).length > 0) {
        if (Date.now() - started > 5000) throw new Error('agent.es is still listed after going offline');
        await sleep(20);
      }
    } finally {
      closeAll();
      await lonely.close();
    }
  });

  it('refuses requesters, agents who are not helping in the request, unknown requests and malformed payloads', async () => {
    const agent = await signIn(harness.server, 'agent@demo.local');
    const agentEs = await signIn(harness.server, 'agent.es@demo.local');
    const tech = await signIn(harness.server, 'tech@demo.local');
    const requestId = await acceptedRequest(agent, tech, 'es');

    const asRequester = await emitAck(tech.socket, 'help:transfer-targets', { requestId });
    expect(asRequester).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/agents/) } });
    await refused(agentEs.socket, 'help:transfer-targets', { requestId }, 'forbidden');
    await refused(agent.socket, 'help:transfer-targets', { requestId: crypto.randomUUID() }, 'not_found');
    await refused(agent.socket, 'help:transfer-targets', { requestId: 'not-a-uuid' }, 'bad_request');
    await refused(agent.socket, 'help:transfer-targets', { requestId, extra: 1 }, 'bad_request');

    await ok(agent.socket, 'help:end', { requestId });
    await refused(agent.socket, 'help:transfer-targets', { requestId }, 'conflict');
  });
});
