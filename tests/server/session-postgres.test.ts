// Sessions and the help queue on Postgres: gapless seqs and in-order sends under concurrent writes, one winner per request, restart, transcript.
import { afterAll, expect, it } from 'vitest';
import type { SessionLogEntry } from '../../core/session.ts';
import { describeOnPostgres } from '../support/postgres.ts';
import { closeAll, helpedSession, ok, openSession, record, requestHelp, send, signIn, seqs, until, type Person } from './assist-support.ts';

/** Chats from the technician and pins from the agent, alternating, all sent at once; the acks in sending order. */
function burst({ tech, agent, sessionId }: { tech: Person; agent: Person; sessionId: string }, count: number) {
  return Promise.all(
    Array.from({ length: count }, (_, index) =>
      index % 2 ? ok(tech.socket, 'chat:send', { sessionId, text: `t${index}` }) : ok(agent.socket, 'annotation:add', { sessionId, partId: 'caliper', localPoint: [0, 0, index / 1000], localNormal: [0, 1, 0], kind: 'pin' }),
    ),
  );
}

await describeOnPostgres('sessions on Postgres', (postgres) => {
  afterAll(closeAll);

  it('numbers concurrent writes of two members 1, 2, 3… without gaps or repeats', async () => {
    const helped = await helpedSession(postgres.server);
    const { tech, agent, sessionId } = helped;
    await burst(helped, 30);
    const { log } = await ok(agent.socket, 'session:log', { sessionId, sinceSeq: 0 });
    expect(seqs(log)).toEqual(Array.from({ length: log.length }, (_, index) => index + 1));
    expect(log.filter((entry) => entry.type === 'annotation.added')).toHaveLength(15);
    const { state: after } = await ok(tech.socket, 'session:join', { sessionId });
    expect(after.annotations).toHaveLength(15);
    expect(after.lastSeq).toBe(log.length);
  });

  it('sends concurrent writes of one session to the other members in seq order', async () => {
    const helped = await helpedSession(postgres.server);
    const { agent, sessionId } = helped;
    const techPhone = await signIn(postgres.server, 'tech@demo.local');
    await ok(techPhone.socket, 'session:join', { sessionId });
    const atPhone = record<SessionLogEntry>(techPhone.socket, 'session:event');
    const atAgent = record<SessionLogEntry>(agent.socket, 'session:event');

    const acks = await burst(helped, 32);
    const written = acks.map((ack) => ack.entry);
    await until(() => atPhone.length === 32 && atAgent.length === 16, 5000, 'every entry at the phone and the chats at the agent');
    expect(seqs(atPhone)).toEqual(seqs(written).sort((a, b) => a - b));
    expect(seqs(atAgent)).toEqual(seqs(written.filter((entry) => entry.type === 'chat')).sort((a, b) => a - b));
  });

  it('lets exactly one of two agents take a request', async () => {
    const customer = await signIn(postgres.server, 'customer@demo.local');
    const agent = await signIn(postgres.server, 'agent@demo.local');
    const agentEs = await signIn(postgres.server, 'agent.es@demo.local');
    const { state } = await openSession(customer, 'espresso-machine', 'es');
    const { requestId } = await requestHelp(customer, state.session.id, 'es', 'espresso-machine');
    const answers = await Promise.all([send(agent.socket, 'help:accept', { requestId }), send(agentEs.socket, 'help:accept', { requestId })]);
    expect(answers.filter((answer) => answer.ok)).toHaveLength(1);
  });

  it('keeps the session and its log across a restart, and serves the transcript and draft guide', async () => {
    const tech = await signIn(postgres.server, 'tech@demo.local');
    const agent = await signIn(postgres.server, 'agent@demo.local');
    const { state } = await openSession(tech);
    const sessionId = state.session.id;
    const { requestId } = await requestHelp(tech, sessionId, 'en');
    await ok(agent.socket, 'help:accept', { requestId });
    await ok(agent.socket, 'step:push', { sessionId, stepId: 'remove-caliper' });
    const { entry } = await ok(agent.socket, 'annotation:add', { sessionId, partId: 'caliper-bolt-upper', localPoint: [0, 0.01, 0], localNormal: [0, 1, 0], kind: 'arrow' });
    closeAll();

    postgres.server = await postgres.server.restart();
    const techAgain = await signIn(postgres.server, 'tech@demo.local');
    const { state: after, log } = await ok(techAgain.socket, 'session:join', { sessionId, sinceSeq: entry.seq - 1 });
    expect(log).toEqual([entry]);
    expect(after).toMatchObject({ currentStepId: 'remove-caliper', lastSeq: entry.seq, help: { requestId, status: 'active' } });

    const { token } = agent;
    const transcript = (await (await fetch(`${postgres.server.url}/api/sessions/${sessionId}/transcript`, { headers: { authorization: `Bearer ${token}` } })).json()) as { entries: SessionLogEntry[] };
    expect(seqs(transcript.entries)).toEqual(Array.from({ length: entry.seq }, (_, index) => index + 1));
    const draft = await fetch(`${postgres.server.url}/api/sessions/${sessionId}/draft-guide`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
    expect(draft.status).toBe(201);
  });
});
