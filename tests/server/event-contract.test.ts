// Every client event is typed once in core/ and answered by the server: wrong payloads, schemas and acks do not compile,
// and each event of core's map has a handler that answers a malformed payload with a bad_request ack.
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { AckResponse } from '../../core/ack.ts';
import type { ClientToServerEvents } from '../../core/protocol.ts';
import { ChatSendSchema, SessionJoinSchema, type SessionJoinResult } from '../../core/session-events.ts';
import type { SessionLogEntry } from '../../core/session.ts';
import type { CallbackUpdate, HelpRequestResult, QueueUpdate, TransferTarget } from '../../core/help.ts';
import type { Annotation } from '../../core/annotation.ts';
import type { CallHangup, CallSdp } from '../../core/call-events.ts';
import type { CartResponse } from '../../core/cart.ts';
import { createEventTable, type EventName } from '../../server/realtime/event-table.ts';
import type { ClientSocket } from '../support/test-server.ts';
import { emitAck, signIn, useAssistServer } from './assist-support.ts';

const SESSION = '7d6f7a2e-8a4b-4c1d-9e3f-0a1b2c3d4e5f';
const REQUEST = '0b8f9d3c-2a1e-4f5b-8c7d-6e5f4a3b2c1d';

describe('event contract types', () => {
  it('types the session, help, annotation and call events for the client', () => {
    const typeOnly = (socket: ClientSocket) => {
      socket.emit('session:join', { sessionId: SESSION, sinceSeq: 3 }, (response) => expectTypeOf(response).toEqualTypeOf<AckResponse<SessionJoinResult>>());
      socket.emit('chat:send', { sessionId: SESSION, text: 'hi' }, (response) => expectTypeOf(response).toEqualTypeOf<AckResponse<{ entry: SessionLogEntry; duplicate: boolean }>>());
      socket.emit('queue:get', {}, (response) => expectTypeOf(response).toEqualTypeOf<AckResponse<QueueUpdate>>());
      socket.emit('callbacks:get', {}, (response) => expectTypeOf(response).toEqualTypeOf<AckResponse<CallbackUpdate>>());
      socket.emit('help:request', { sessionId: SESSION, context: { productId: 'wheel-corner', language: 'en' } }, (response) =>
        expectTypeOf(response).toEqualTypeOf<AckResponse<HelpRequestResult & { entry: SessionLogEntry }>>(),
      );
      socket.emit('help:transfer-targets', { requestId: REQUEST }, (response) => expectTypeOf(response).toEqualTypeOf<AckResponse<{ agents: TransferTarget[] }>>());
      socket.emit('annotation:add', { sessionId: SESSION, partId: 'caliper', localPoint: [0, 0, 0], localNormal: [0, 1, 0], kind: 'arrow' }, (response) =>
        expectTypeOf(response).toEqualTypeOf<AckResponse<{ annotation: Annotation; entry: SessionLogEntry; duplicate: boolean }>>(),
      );
      socket.emit('cart:get', {}, (response) => expectTypeOf(response).toEqualTypeOf<AckResponse<CartResponse>>());
      socket.emit('ping:echo', { at: 1 }, (response) => expectTypeOf(response).toEqualTypeOf<AckResponse<{ at: number; serverAt: number }>>());
      // @ts-expect-error chat text is text
      socket.emit('chat:send', { sessionId: SESSION, text: 3 }, () => undefined);
      // @ts-expect-error an annotation is of a known kind
      socket.emit('annotation:add', { sessionId: SESSION, partId: 'caliper', localPoint: [0, 0, 0], localNormal: [0, 1, 0], kind: 'scribble' }, () => undefined);
      // @ts-expect-error a transfer names an agent or the queue
      socket.emit('help:transfer', { requestId: REQUEST, toQueue: false }, () => undefined);
      // @ts-expect-error a call event names its call
      socket.emit('call:hangup', { sessionId: SESSION }, () => undefined);
      socket.on('call:offer', (event) => expectTypeOf(event).toEqualTypeOf<CallSdp>());
      socket.on('call:hangup', (event) => expectTypeOf(event).toEqualTypeOf<CallHangup>());
      socket.on('session:event', (entry) => expectTypeOf(entry).toEqualTypeOf<SessionLogEntry>());
    };
    expect(typeof typeOnly).toBe('function');
  });

  it('ties a server handler to its event: the schema must parse its payload and the handler return its ack', () => {
    const table = createEventTable({ log: { error: () => undefined } });
    const typeOnly = () => {
      table.on('chat:send', { schema: ChatSendSchema, limit: 'session-write' }, () => ({ entry: {} as SessionLogEntry, duplicate: false }));
      // @ts-expect-error the chat schema does not parse a join's payload
      table.on('session:join', { schema: ChatSendSchema, limit: 'none' }, () => ({}) as SessionJoinResult);
      // @ts-expect-error a chat ack says whether it was a duplicate
      table.on('chat:send', { schema: ChatSendSchema, limit: 'session-write' }, () => ({ entry: {} as SessionLogEntry }));
      // @ts-expect-error every registration declares its rate class
      table.on('session:join', { schema: SessionJoinSchema }, () => ({}) as SessionJoinResult);
    };
    expect(typeof typeOnly).toBe('function');
  });
});

/** Every event of core's map; a missing or unknown name does not compile. */
const EVENTS: Record<EventName, true> = {
  'ping:echo': true,
  'session:create': true,
  'session:join': true,
  'session:log': true,
  'session:leave': true,
  'session:end': true,
  'chat:send': true,
  'placement:update': true,
  'step:push': true,
  'step:change': true,
  'part:highlight': true,
  'part:ping': true,
  'pose:update': true,
  'queue:get': true,
  'help:request': true,
  'help:accept': true,
  'help:decline': true,
  'help:context': true,
  'help:orders': true,
  'help:timeline': true,
  'help:transfer-targets': true,
  'help:transfer': true,
  'help:end': true,
  'help:cancel': true,
  'help:rate': true,
  'help:callback': true,
  'callbacks:get': true,
  'help:callback-done': true,
  'annotation:add': true,
  'annotation:remove': true,
  'call:offer': true,
  'call:answer': true,
  'call:ice': true,
  'call:hangup': true,
  'call:mute': true,
  'guide:start': true,
  'guide:action': true,
  'guide:get': true,
  'alignment:save': true,
  'alignment:get': true,
  'cart:get': true,
  'cart:set-item': true,
  'cart:add-item': true,
  'cart:clear': true,
  'cart:propose': true,
  'order:place': true,
};

describe('every client event is answered', () => {
  const live = useAssistServer();
  let socket: ClientSocket;
  beforeAll(async () => {
    socket = (await signIn(live.server, 'tech@demo.local')).socket;
  });
  afterAll(() => socket.close());

  it.each(Object.keys(EVENTS) as Array<keyof ClientToServerEvents>)('%s refuses a malformed payload with bad_request', async (event) => {
    const response = await emitAck(socket, event, { unexpected: [1, 2, 3] });
    expect(response.ok).toBe(false);
    if (!response.ok) expect(response.error.code).toBe('bad_request');
  });

  it('answers an event nobody handles, when it carries an ack, with bad_request', async () => {
    expect(await emitAck(socket, 'session:teleport', { sessionId: SESSION })).toEqual({ ok: false, error: { code: 'bad_request', message: 'There is no event "session:teleport".' } });
    expect(await emitAck(socket, 'x'.repeat(500), {})).toMatchObject({ ok: false, error: { code: 'bad_request', message: `There is no event "${'x'.repeat(64)}".` } });
  });

  it('refuses unknown fields on ping:echo as on every other event', async () => {
    expect(await emitAck(socket, 'ping:echo', { at: 1, extra: true })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(await emitAck(socket, 'ping:echo', { at: 1 })).toMatchObject({ ok: true, at: 1 });
  });
});
