// Agents rate the help they finished, over the socket, on a real server and database file: malformed ratings refused at
// the boundary, only the helping agent and only once the help ended, once per help (also two at once), stored before
// the ack, and read back over HTTP.
import { afterAll, describe, expect, it } from 'vitest';
import type { StoredAgentRating } from '../../core/agent-rating.ts';
import { closeAll, emitAck, helpedSession, ok, refused, signIn, useAssistServer } from './assist-support.ts';

const live = useAssistServer();
afterAll(closeAll);

async function myRatings(token: string): Promise<{ status: number; ratings: StoredAgentRating[] }> {
  const response = await fetch(`${live.server.url}/api/surveys/agent-ratings`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, ratings: response.ok ? ((await response.json()) as { ratings: StoredAgentRating[] }).ratings : [] };
}

describe('agent ratings', () => {
  it('refuses malformed ratings at the boundary', async () => {
    const { agent, requestId } = await helpedSession(live.server);
    await ok(agent.socket, 'help:end', { requestId });
    for (const bad of [
      { requestId, difficulty: 0, infoEnough: true },
      { requestId, difficulty: 6, infoEnough: true },
      { requestId, difficulty: 2.5, infoEnough: true },
      { requestId, difficulty: 3 },
      { requestId, difficulty: 3, infoEnough: 'yes' },
      { requestId, difficulty: 3, infoEnough: true, note: 'bell\u0007' },
      { requestId, difficulty: 3, infoEnough: true, note: 'x'.repeat(1001) },
      { requestId, difficulty: 3, infoEnough: true, stars: 5 },
      { requestId: '', difficulty: 3, infoEnough: true },
    ]) {
      await refused(agent.socket, 'help:rate', bad, 'bad_request');
    }
    expect(await live.server.ctx.store.db.selectFrom('agent_ratings').selectAll().where('request_id', '=', requestId).execute()).toEqual([]);
  });

  it('lets only the helping agent rate, only once the help ended', async () => {
    const { tech, agent, requestId } = await helpedSession(live.server);
    const rating = { requestId, difficulty: 2, infoEnough: true };
    const other = await signIn(live.server, 'agent.es@demo.local');
    const ended = await emitAck(agent.socket, 'help:rate', rating);
    expect(ended).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'rating.not-ended' } });
    await ok(agent.socket, 'help:end', { requestId });
    await refused(tech.socket, 'help:rate', rating, 'forbidden');
    await refused(other.socket, 'help:rate', rating, 'not_found');
    await refused(agent.socket, 'help:rate', { ...rating, requestId: 'no-such-request' }, 'not_found');
  });

  it('stores the rating before the ack, with the session it is about, once per help (also two at once)', async () => {
    const { agent, requestId, sessionId } = await helpedSession(live.server);
    await ok(agent.socket, 'help:end', { requestId });
    const { rating } = await ok(agent.socket, 'help:rate', { requestId, difficulty: 4, infoEnough: false, note: '  The manual lacks the torque for the caliper bolts.  ' });
    const rows = await live.server.ctx.store.db.selectFrom('agent_ratings').selectAll().where('request_id', '=', requestId).execute();
    expect(rows).toEqual([expect.objectContaining({ id: rating.id, session_id: sessionId, agent_id: agent.user.id, product_id: 'wheel-corner', note: 'The manual lacks the torque for the caliper bolts.' })]);
    expect(Number(rows[0]!.difficulty)).toBe(4);
    expect(Number(rows[0]!.info_enough)).toBe(0);
    expect(rating).toMatchObject({ requestId, sessionId, agentId: agent.user.id, productId: 'wheel-corner', difficulty: 4, infoEnough: false });

    const again = await emitAck(agent.socket, 'help:rate', { requestId, difficulty: 1, infoEnough: true });
    expect(again).toMatchObject({ ok: false, error: { code: 'conflict', reason: 'rating.answered' } });

    const second = await helpedSession(live.server);
    await ok(second.agent.socket, 'help:end', { requestId: second.requestId });
    const both = await Promise.all([1, 5].map((difficulty) => emitAck(second.agent.socket, 'help:rate', { requestId: second.requestId, difficulty, infoEnough: true })));
    expect(both.filter((answer) => answer.ok)).toHaveLength(1);
    expect(both.find((answer) => !answer.ok)).toMatchObject({ error: { code: 'conflict', reason: 'rating.answered' } });
  });

  it('reads an agent’s ratings back over HTTP (agents only), documented', async () => {
    const agent = await signIn(live.server, 'agent@demo.local');
    const mine = await myRatings(agent.token);
    expect(mine.status).toBe(200);
    expect(mine.ratings.length).toBeGreaterThanOrEqual(2);
    expect(mine.ratings.every((rating) => rating.agentId === agent.user.id)).toBe(true);
    expect((await myRatings((await signIn(live.server, 'tech@demo.local')).token)).status).toBe(403);
    const document = (await (await fetch(`${live.server.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, { operationId: string }>> };
    expect(document.paths['/api/surveys/agent-ratings']?.get?.operationId).toBe('listMyAgentRatings');
  });
});
