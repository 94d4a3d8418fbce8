// help:context on a real server: the agent helping in a request reads what it carried (context and the requester's
// history, as the queue showed it), e.g. for a console tab restored after a reload, and help:orders, the requester's
// latest orders; nobody else does. Both name what the request is about (the product as the catalog names it, the unit as a
// person reads it), so the agent never has to read ids.
import { describe, expect, it } from 'vitest';
import { ok, openSession, refused, requestHelp, signIn, useAssistServer } from './assist-support.ts';
import { ADDRESS, newKey, pickParts, placeOrder, signIn as signInOverHttp } from '../support/orders-api.ts';

const harness = useAssistServer();
const WHEEL_CORNER = { en: 'Front wheel corner', es: 'Conjunto de rueda delantera' };

describe('help:context', () => {
  it('answers the helping agent with the request’s context and the requester’s history, and refuses everyone else', async () => {
    const agent = await signIn(harness.server, 'agent@demo.local');
    const other = await signIn(harness.server, 'agent.es@demo.local');
    const tech = await signIn(harness.server, 'tech@demo.local');
    const earlier = await openSession(tech);
    await ok(tech.socket, 'session:end', { sessionId: earlier.state.session.id });
    const { state } = await openSession(tech);
    const { requestId } = await requestHelp(tech, state.session.id, 'en');
    await refused(agent.socket, 'help:context', { requestId }, 'forbidden');
    const queued = (await ok(agent.socket, 'queue:get', {})).requests.find((item) => item.requestId === requestId);
    await ok(agent.socket, 'help:accept', { requestId });

    const answer = await ok(agent.socket, 'help:context', { requestId });
    expect(answer.context).toEqual({ productId: 'wheel-corner', language: 'en', stepId: 'remove-caliper', progressSummary: 'step 3 of 8' });
    expect(answer.history.map((item) => item.sessionId)).toContain(earlier.state.session.id);
    expect(answer.subject).toEqual({ productName: WHEEL_CORNER, unit: null });
    expect({ context: answer.context, subject: answer.subject, history: answer.history }).toEqual({ context: queued?.context, subject: queued?.subject, history: queued?.history });

    await refused(other.socket, 'help:context', { requestId }, 'forbidden');
    await refused(tech.socket, 'help:context', { requestId }, 'forbidden');
    await refused(agent.socket, 'help:context', { requestId: '00000000-0000-4000-8000-000000000000' }, 'not_found');
  });

  it('names the unit: the product’s demo unit as such, a unit from a QR code by its serial number', async () => {
    const agent = await signIn(harness.server, 'agent@demo.local');
    const tech = await signIn(harness.server, 'tech@demo.local');
    for (const [installedAssetId, unit] of [
      ['wheel-corner.demo-unit', { kind: 'demo' }],
      ['WC-2291-A', { kind: 'serial', serial: 'WC-2291-A' }],
    ] as const) {
      const { state } = await openSession(tech);
      const { requestId } = await ok(tech.socket, 'help:request', { sessionId: state.session.id, context: { productId: 'wheel-corner', language: 'en', installedAssetId } });
      const queued = (await ok(agent.socket, 'queue:get', {})).requests.find((item) => item.requestId === requestId);
      expect(queued?.subject).toEqual({ productName: WHEEL_CORNER, unit });
      await ok(agent.socket, 'help:accept', { requestId });
      expect((await ok(agent.socket, 'help:context', { requestId })).subject).toEqual({ productName: WHEEL_CORNER, unit });
      await ok(tech.socket, 'session:end', { sessionId: state.session.id });
    }
  });

  it('answers the helping agent with the requester’s latest orders, newest first, and refuses everyone else', async () => {
    const agent = await signIn(harness.server, 'agent@demo.local');
    const other = await signIn(harness.server, 'agent.es@demo.local');
    const tech = await signIn(harness.server, 'tech@demo.local');
    const buyer = await signInOverHttp(harness.server, 'tech@demo.local');
    const { consumable, other: part } = await pickParts(harness.server);
    const { state } = await openSession(tech);
    const first = await placeOrder<{ order: { number: string } }>(buyer, newKey(), { items: [{ sku: consumable.sku, quantity: 1 }], address: ADDRESS });
    const second = await placeOrder<{ order: { number: string; totalCents: number } }>(buyer, newKey(), { items: [{ sku: consumable.sku, quantity: 2 }, { sku: part.sku, quantity: 1 }], address: ADDRESS, sessionId: state.session.id });
    expect([first.status, second.status]).toEqual([201, 201]);
    const { requestId } = await requestHelp(tech, state.session.id, 'en');
    await refused(agent.socket, 'help:orders', { requestId }, 'forbidden');
    await ok(agent.socket, 'help:accept', { requestId });

    const { orders } = await ok(agent.socket, 'help:orders', { requestId });
    const mine = orders.filter((order) => [first.body.order.number, second.body.order.number].includes(order.number));
    expect(mine.map(({ number, units, status, sessionId }) => ({ number, units, status, sessionId }))).toEqual([
      { number: second.body.order.number, units: 3, status: 'placed', sessionId: state.session.id },
      { number: first.body.order.number, units: 1, status: 'placed', sessionId: null },
    ]);
    expect(mine[0]?.totalCents).toBe(second.body.order.totalCents);

    await refused(other.socket, 'help:orders', { requestId }, 'forbidden');
    await refused(tech.socket, 'help:orders', { requestId }, 'forbidden');
  });
});
