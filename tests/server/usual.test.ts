// "The usual" on SQLite: who qualifies, what is remembered, a guide's scope and the one-tap order (usual-cases.ts).
import { afterAll, beforeAll, describe, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { knowsWhoQualifies, ordersTheUsualInOneTap, remembersNoInvalidAddress, scopesToAGuide, seedHistory, type UsualHistory } from './usual-cases.ts';

let server: TestServer;
let history: UsualHistory;
beforeAll(async () => {
  server = await startTestServer();
  history = await seedHistory(server);
});
afterAll(() => server.close());

describe('the usual on SQLite', () => {
  it('lists consumables ordered in at least two orders, with the usual and the last quantity and address', () => knowsWhoQualifies(history));
  it('keeps to the parts of a guide’s product', () => scopesToAGuide(history));
  it('orders the usual in one tap, once per key, and refuses what is out of stock', () => ordersTheUsualInOneTap(server, history));
  it('remembers no address when the last one is no longer valid', () => remembersNoInvalidAddress(server));
});
