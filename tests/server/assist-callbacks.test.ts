// Callback requests on a real server (SQLite, and Postgres when reachable): agents list the open ones they cover, live,
// mark one done for everyone; refusals.
import { afterEach, describe, expect, it } from 'vitest';
import type { Callback, CallbackUpdate } from '../../core/help.ts';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { createTestDatabase, probePostgres, type TestDatabase } from '../support/postgres.ts';
import { closeAll, createPerson, ok, openSession, record, refused, signIn, until, type Person } from './assist-support.ts';

const probe = await probePostgres();
const backends = [{ name: 'SQLite', postgres: false }, ...(probe.reachable ? [{ name: 'Postgres', postgres: true }] : [])];

let server: TestServer | undefined;
let database: TestDatabase | undefined;
afterEach(async () => {
  closeAll();
  await server?.close();
  await database?.drop();
  server = undefined;
  database = undefined;
});

async function leaveCallback(person: Person, productId: string, language: 'en' | 'es', fields: { phone?: string; note: string }): Promise<Callback> {
  const { state } = await openSession(person, productId, language);
  return (await ok(person.socket, 'help:callback', { sessionId: state.session.id, ...fields })).callback;
}

const idsOf = async (agent: Person) => (await ok(agent.socket, 'callbacks:get', {})).callbacks.map((callback) => callback.id);
const latest = (updates: CallbackUpdate[]) => updates.reduce<CallbackUpdate | undefined>((best, update) => (!best || update.revision > best.revision ? update : best), undefined);
const pushed = (updates: CallbackUpdate[]) => latest(updates)?.callbacks.map((callback) => callback.id) ?? [];

describe.each(backends)('on $name', ({ postgres }) => {
  const start = async () => {
    database = postgres ? await createTestDatabase() : undefined;
    return startTestServer(database ? { databaseUrl: database.url } : {});
  };

  describe('callbacks:get', () => {
    it('gives each agent the open callbacks of their product lines and languages, oldest first, as they were left', async () => {
      server = await start();
      const tech = await signIn(server, 'tech@demo.local');
      const customer = await signIn(server, 'customer@demo.local');
      const heater = await leaveCallback(tech, 'water-heater', 'es', { phone: '+34 600 000 000', note: 'Llamadme por la tarde' });
      const espresso = await leaveCallback(customer, 'espresso-machine', 'en', { note: 'It leaks under the group head' });

      const agent = await signIn(server, 'agent@demo.local');
      const { callbacks } = await ok(agent.socket, 'callbacks:get', {});
      expect(callbacks).toEqual([
        { ...heater, requesterName: 'Tomás Technician', productId: 'water-heater', productLine: 'heating', language: 'es', phone: '+34 600 000 000', note: 'Llamadme por la tarde', doneAt: null, doneBy: null },
        { ...espresso, requesterName: 'Carmen Customer', productId: 'espresso-machine', productLine: 'coffee', language: 'en', phone: null, note: 'It leaks under the group head', doneAt: null, doneBy: null },
      ]);
      expect(heater.createdAt).toBeLessThanOrEqual(espresso.createdAt);

      expect(await idsOf(await signIn(server, 'agent.es@demo.local'))).toEqual([heater.id]);
      expect(await idsOf(await createPerson(server, { role: 'agent', languages: ['en'], skills: ['heating'] }))).toEqual([]);
      expect(await idsOf(await createPerson(server, { role: 'agent', languages: ['es'], skills: ['automotive'] }))).toEqual([]);
      expect(await idsOf(await createPerson(server, { role: 'agent', languages: ['en', 'es'], skills: ['coffee'] }))).toEqual([espresso.id]);

      const admin = await fetch(`${server.url}/api/help/callbacks`, { headers: { authorization: `Bearer ${(await signIn(server, 'admin@demo.local')).token}` } });
      expect(((await admin.json()) as { callbacks: Callback[] }).callbacks.map((callback) => callback.id)).toEqual([heater.id, espresso.id]);
    });

    it('refuses requesters with forbidden, and malformed payloads', async () => {
      server = await start();
      const tech = await signIn(server, 'tech@demo.local');
      const callback = await leaveCallback(tech, 'water-heater', 'es', { note: 'call me' });
      for (const email of ['tech@demo.local', 'customer@demo.local', 'admin@demo.local']) {
        const person = await signIn(server, email);
        await refused(person.socket, 'callbacks:get', {}, 'forbidden');
        await refused(person.socket, 'help:callback-done', { callbackId: callback.id }, 'forbidden');
      }
      const agent = await signIn(server, 'agent@demo.local');
      await refused(agent.socket, 'callbacks:get', { all: true }, 'bad_request');
      await refused(agent.socket, 'help:callback-done', { callbackId: 'not-a-uuid' }, 'bad_request');
      await refused(agent.socket, 'help:callback-done', {}, 'bad_request');
      await refused(agent.socket, 'help:callback-done', { callbackId: crypto.randomUUID() }, 'not_found');
      expect(await idsOf(agent)).toEqual([callback.id]);
    });
  });

  describe('help:callback-done', () => {
    it('is kept, leaves every agent’s list live and after a restart; only an agent who covers the callback can mark it', async () => {
      server = await start();
      const agent = await signIn(server, 'agent@demo.local');
      const agentEs = await signIn(server, 'agent.es@demo.local');
      const heatingEn = await createPerson(server, { role: 'agent', languages: ['en'], skills: ['heating'] });
      const agentEsPushes = record<CallbackUpdate>(agentEs.socket, 'callbacks:updated');
      const tech = await signIn(server, 'tech@demo.local');

      const first = await leaveCallback(tech, 'water-heater', 'es', { phone: '+34 600 000 000', note: 'No enciende' });
      const second = await leaveCallback(tech, 'wheel-corner', 'es', { note: 'Chirrían los frenos' });
      await until(() => pushed(agentEsPushes).length === 2, 5000, 'both callbacks pushed to agent.es');
      expect(pushed(agentEsPushes)).toEqual([first.id, second.id]);

      await refused(heatingEn.socket, 'help:callback-done', { callbackId: first.id }, 'forbidden');
      const { callback } = await ok(agent.socket, 'help:callback-done', { callbackId: first.id });
      expect(callback).toMatchObject({ id: first.id, doneBy: agent.user.id, doneAt: expect.any(Number) });
      await until(() => pushed(agentEsPushes).length === 1, 5000, 'the done callback leaving agent.es');
      expect(pushed(agentEsPushes)).toEqual([second.id]);
      expect(await idsOf(agentEs)).toEqual([second.id]);
      expect(await idsOf(agent)).toEqual([second.id]);

      await refused(agentEs.socket, 'help:callback-done', { callbackId: first.id }, 'conflict');
      expect((await ok(agent.socket, 'help:callback-done', { callbackId: first.id })).callback).toEqual(callback);

      closeAll();
      server = await server.restart();
      const again = await signIn(server, 'agent.es@demo.local');
      expect(await idsOf(again)).toEqual([second.id]);
      const http = await fetch(`${server.url}/api/help/callbacks`, { headers: { authorization: `Bearer ${again.token}` } });
      expect(((await http.json()) as { callbacks: Callback[] }).callbacks.map((item) => item.id)).toEqual([second.id]);
    });

    it('two agents marking the same callback at once: one wins, the other hears it was already done', async () => {
      server = await start();
      const agent = await signIn(server, 'agent@demo.local');
      const agentEs = await signIn(server, 'agent.es@demo.local');
      const { id } = await leaveCallback(await signIn(server, 'customer@demo.local'), 'espresso-machine', 'es', { note: 'Llamadme' });
      const results = await Promise.all([agent, agentEs].map(async (person) => (await ok(person.socket, 'help:callback-done', { callbackId: id }).then(() => 'ok' as const, (error: Error) => error.message))));
      expect(results.filter((result) => result === 'ok')).toHaveLength(1);
      expect(results.find((result) => result !== 'ok')).toMatch(/conflict/);
      expect(await idsOf(agent)).toEqual([]);
    });
  });
});
