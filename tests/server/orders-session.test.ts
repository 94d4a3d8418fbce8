// Orders inside assist sessions on a real harness.server: the agent proposes a cart, the requester's order is linked to the session.
import { describe, expect, it } from 'vitest';
import type { SessionLogEntry } from '../../core/session.ts';
import { ok, openSession, record, refused, requestHelp, signIn, until, type Person, useAssistServer } from './assist-support.ts';

const harness = useAssistServer();

const address = { name: 'Tomás Técnico', street: 'Calle Mayor 1', city: 'Madrid', postalCode: '28013', country: 'ES' };

async function helpedSession(): Promise<{ tech: Person; agent: Person; sessionId: string }> {
  const tech = await signIn(harness.server, 'tech@demo.local');
  const agent = await signIn(harness.server, 'agent@demo.local');
  const { state } = await openSession(tech);
  const help = await requestHelp(tech, state.session.id, 'en');
  await ok(agent.socket, 'help:accept', { requestId: help.requestId });
  return { tech, agent, sessionId: state.session.id };
}

async function stockOf(sku: string): Promise<number> {
  const row = await harness.server.ctx.store.db.selectFrom('parts').select('stock').where('sku', '=', sku).executeTakeFirstOrThrow();
  return row.stock;
}

describe('an agent proposes a cart', () => {
  it('reaches the requester as a cart.proposed entry of the session log', async () => {
    const { tech, agent, sessionId } = await helpedSession();
    const heard = record<SessionLogEntry>(tech.socket, 'session:event');
    const { entry } = await ok(agent.socket, 'cart:propose', { sessionId, items: [{ sku: 'WC-PAD-01', quantity: 2 }, { sku: 'WC-CBU-01', quantity: 1 }], note: 'Pads and the upper bolt' });
    expect(entry).toMatchObject({ sessionId, type: 'cart.proposed', actorId: agent.user.id, data: { items: [{ sku: 'WC-PAD-01', quantity: 2 }, { sku: 'WC-CBU-01', quantity: 1 }], note: 'Pads and the upper bolt' } });
    await until(() => heard.some((e) => e.type === 'cart.proposed' && e.seq === entry.seq), 5000, 'the proposal at the requester');

    const { log } = await ok(tech.socket, 'session:join', { sessionId });
    expect(log.filter((e) => e.type === 'cart.proposed')).toHaveLength(1);
  });

  it('refuses the requester, agents of other sessions, unknown parts and bad quantities, and writes nothing', async () => {
    const { tech, agent, sessionId } = await helpedSession();
    const outsider = await signIn(harness.server, 'agent.es@demo.local');
    const before = (await ok(tech.socket, 'session:join', { sessionId })).state.lastSeq;
    await refused(tech.socket, 'cart:propose', { sessionId, items: [{ sku: 'WC-PAD-01', quantity: 1 }] }, 'forbidden');
    await refused(outsider.socket, 'cart:propose', { sessionId, items: [{ sku: 'WC-PAD-01', quantity: 1 }] }, 'forbidden');
    await refused(agent.socket, 'cart:propose', { sessionId, items: [{ sku: 'NO-SUCH-01', quantity: 1 }] }, 'bad_request');
    await refused(agent.socket, 'cart:propose', { sessionId, items: [{ sku: 'WC-PAD-01', quantity: 0 }] }, 'bad_request');
    await refused(agent.socket, 'cart:propose', { sessionId, items: [] }, 'bad_request');
    await refused(agent.socket, 'cart:propose', { sessionId, items: [{ sku: 'WC-PAD-01', quantity: 1 }, { sku: 'WC-PAD-01', quantity: 2 }] }, 'bad_request');
    expect((await ok(tech.socket, 'session:join', { sessionId })).state.lastSeq).toBe(before);
  });
});

describe('an order placed for a session', () => {
  it('is linked to the session and both members hear of it', async () => {
    const { tech, agent, sessionId } = await helpedSession();
    const agentHeard = record<SessionLogEntry>(agent.socket, 'session:event');
    const techHeard = record<SessionLogEntry>(tech.socket, 'session:event');
    const { order } = await ok(tech.socket, 'order:place', { idempotencyKey: `session-${sessionId}`, items: [{ sku: 'WC-PAD-01', quantity: 2 }], address, sessionId });
    expect(order.sessionId).toBe(sessionId);
    await until(() => agentHeard.some((e) => e.type === 'order.linked' && e.data.orderId === order.id), 5000, 'order.linked at the agent');
    await until(() => techHeard.some((e) => e.type === 'order.linked' && e.data.orderId === order.id), 5000, 'order.linked at the requester');

    const replay = await ok(tech.socket, 'order:place', { idempotencyKey: `session-${sessionId}`, items: [{ sku: 'WC-PAD-01', quantity: 2 }], address, sessionId });
    expect(replay).toMatchObject({ replayed: true, order: { id: order.id } });
    const { log } = await ok(tech.socket, 'session:join', { sessionId });
    expect(log.filter((e) => e.type === 'order.linked')).toHaveLength(1);
  });

  it('is refused for a session the buyer is not in, or that does not exist, and takes no stock', async () => {
    const { sessionId } = await helpedSession();
    const customer = await signIn(harness.server, 'customer@demo.local');
    const stock = await stockOf('WC-PAD-01');
    await refused(customer.socket, 'order:place', { idempotencyKey: 'not-my-session-1', items: [{ sku: 'WC-PAD-01', quantity: 1 }], address, sessionId }, 'forbidden');
    await refused(customer.socket, 'order:place', { idempotencyKey: 'no-such-session-1', items: [{ sku: 'WC-PAD-01', quantity: 1 }], address, sessionId: crypto.randomUUID() }, 'not_found');
    expect(await stockOf('WC-PAD-01')).toBe(stock);
  });
});
