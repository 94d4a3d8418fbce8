// Property-based fuzzing of every client event at the server boundary, on a real server: thousands of payloads per event
// shaped like its schema (fields dropped, swapped for garbage, added) or garbage outright. Every payload is answered;
// every invalid one with bad_request and no change to the session log, the cart, the orders or the session; valid ones
// never crash a handler (no `internal`); the server answers on at the end.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, type AckResponse } from '../../core/ack.ts';
import type { EventName } from '../../server/realtime/event-table.ts';
import { garbage, overTheWire, payloadsFor, type KnownValues } from '../support/schema-arbitrary.ts';
import { requestJson } from '../support/orders-api.ts';
import { startTestServer } from '../support/test-server.ts';
import { closeAll, emitAck, helpedSession, ok, signIn, type Person } from './assist-support.ts';

/** Payloads per event: RUNS batches of BATCH, sent at once. About 2 000 per event. */
const RUNS = 10;
const BATCH = 200;

// Started while the file is collected: the events to fuzz are the table's, so a new event is fuzzed without touching this file.
const server = await startTestServer();
const schemas = [...server.realtime.events.schemas];
afterAll(async () => {
  closeAll();
  await server.close();
});

let tech: Person;
let agent: Person;
let sandbox: Person;
let sessionId: string;
let known: KnownValues;

beforeAll(async () => {
  const helped = await helpedSession(server);
  ({ tech, agent, sessionId } = helped);
  sandbox = await signIn(server, 'customer@demo.local');
  const { cart } = await ok(tech.socket, 'cart:add-item', { sku: 'WC-PAD-01', quantity: 2 });
  expect(cart.items).toHaveLength(1);
  await ok(tech.socket, 'chat:send', { sessionId, text: 'before the fuzz' });
  known = {
    sessionId: [sessionId, '2f1e0c3b-4a5d-4e6f-8a7b-9c0d1e2f3a4b'],
    requestId: [helped.requestId],
    sku: ['WC-PAD-01', 'WC-ROTOR-01', 'NOPE-1'],
    productId: ['wheel-corner', 'espresso-machine'],
    partId: ['caliper', 'brake-pads'],
    stepId: ['remove-caliper'],
    guideId: ['wheel-corner-brake-pads'],
  };
});

/** What invalid payloads must leave alone, read from the side (HTTP, and the agent's socket). */
async function snapshot() {
  const http = (path: string) => requestJson(`${server.url}${path}`, 'GET', undefined, { authorization: `Bearer ${tech.token}` }).then((response) => response.body);
  const [{ log }, cart, orders, session] = await Promise.all([ok(agent.socket, 'session:log', { sessionId, sinceSeq: 0 }), http('/api/cart'), http('/api/orders'), http(`/api/sessions/${sessionId}`)]);
  return { log, cart, orders, session };
}

const isAnswer = (ack: AckResponse) => ack.ok || (ERROR_CODES.includes(ack.error.code) && ack.error.code !== 'internal' && typeof ack.error.message === 'string');

describe(`fuzzing every client event with ${RUNS * BATCH} payloads: invalid ones answered bad_request and change nothing, valid ones never crash`, () => {
  it('covers every event of the table but the binary pose stream', () => {
    expect(schemas.length).toBeGreaterThanOrEqual(41);
  });

  it.each(schemas)('%s', async (event, schema) => {
      const before = await snapshot();
      let invalidSeen = 0;
      await fc.assert(
        fc.asyncProperty(fc.array(payloadsFor(schema, known), { minLength: BATCH, maxLength: BATCH }), async (payloads) => {
          const wire = payloads.map(overTheWire);
          const invalid = wire.filter((payload) => !schema.safeParse(payload).success);
          const valid = wire.filter((payload) => schema.safeParse(payload).success);
          invalidSeen += invalid.length;
          const [refused, answered] = await Promise.all([
            Promise.all(invalid.map((payload) => emitAck(tech.socket, event, payload))),
            Promise.all(valid.map((payload) => emitAck(sandbox.socket, event, payload))),
          ]);
          refused.forEach((ack, index) => expect(ack, `${event} ${JSON.stringify(invalid[index])?.slice(0, 300)}`).toMatchObject({ ok: false, error: { code: 'bad_request' } }));
          answered.forEach((ack, index) => expect(isAnswer(ack), `${event} ${JSON.stringify(valid[index])?.slice(0, 300)} → ${JSON.stringify(ack)}`).toBe(true));
        }),
        { numRuns: RUNS },
      );
      expect(invalidSeen, event).toBeGreaterThan(RUNS * BATCH * 0.3);
      expect(await snapshot(), `state after ${event}`).toEqual(before);
  });

  it('answers pose frames of random bytes and garbage, and unknown events, with an ack each', async () => {
    const before = await snapshot();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.uint8Array({ maxLength: 120 }), garbage), { minLength: BATCH, maxLength: BATCH }), fc.string({ minLength: 1, maxLength: 30 }), async (frames, name) => {
        const acks = await Promise.all(frames.map((frame) => emitAck(tech.socket, 'pose:update', frame)));
        acks.forEach((ack) => expect(isAnswer(ack)).toBe(true));
        const known = new Set<string>([...server.realtime.events.schemas.keys(), 'pose:update' satisfies EventName]);
        if (!known.has(name)) expect(await emitAck(tech.socket, name, frames[0])).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      }),
      { numRuns: RUNS },
    );
    expect(await snapshot()).toEqual(before);
    expect(await ok(tech.socket, 'ping:echo', { at: 7 })).toMatchObject({ at: 7 });
  });
});
