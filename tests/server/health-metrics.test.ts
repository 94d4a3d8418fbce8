// Readiness during a shutdown, and the Prometheus metrics: off by default, on an internal port, or behind a bearer token.
import { afterEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/test-server.ts';
import { ADDRESS } from '../support/orders-api.ts';
import { closeAll, ok, openSession, signIn, until } from './assist-support.ts';

const servers: TestServer[] = [];
async function start(overrides: Parameters<typeof startTestServer>[0] = {}): Promise<TestServer> {
  const server = await startTestServer(overrides);
  servers.push(server);
  return server;
}
afterEach(async () => {
  closeAll();
  for (const server of servers.splice(0)) await server.close().catch(() => undefined);
});

/** The value of one sample line, e.g. `xr_assist_acks_total{outcome="ok"}`; NaN when absent. */
function sample(text: string, name: string): number {
  const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
  return line ? Number(line.slice(name.length + 1)) : Number.NaN;
}

describe('readiness', () => {
  it('turns 503 as soon as a shutdown begins; running events still commit and ack, new ones are answered unavailable', async () => {
    const server = await start();
    const tech = await signIn(server, 'tech@demo.local');
    const { state } = await openSession(tech);
    const sessionId = state.session.id;
    expect((await fetch(`${server.url}/api/health/ready`)).status).toBe(200);

    // A write that holds the database until the test lets go, so the chat after it is still running at the shutdown.
    let letGo = () => undefined as void;
    const held = server.ctx.store.write(() => new Promise<void>((resolve) => (letGo = resolve)));
    const running = ok(tech.socket, 'chat:send', { sessionId, text: 'running at the shutdown' });
    await until(() => server.realtime.events.inFlight === 1, 5000, 'the chat to be running');
    const closed = new Promise((resolve) => tech.socket.once('disconnect', resolve));
    const stopping = server.shutdown();

    const ready = await fetch(`${server.url}/api/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ error: { code: 'unavailable' } });
    expect(await tech.socket.emitWithAck('chat:send', { sessionId, text: 'too late' })).toMatchObject({ ok: false, error: { code: 'unavailable' } });
    expect((await fetch(`${server.url}/api/products`)).status).toBe(503);

    letGo();
    await held;
    expect((await running).entry).toMatchObject({ type: 'chat', data: { text: 'running at the shutdown' } });
    expect(await closed).toBe('io server disconnect');
    expect(await stopping).toBe(0);
  });
});

describe('metrics', () => {
  it('are off by default', async () => {
    const server = await start();
    expect(server.metricsUrl).toBeNull();
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
  });

  it('count connections, events, acks, commits, queue lengths and orders on an internal port', async () => {
    const server = await start({ metricsPort: 0, metricsHost: '127.0.0.1' });
    expect(server.metricsUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/metrics$/);
    const tech = await signIn(server, 'tech@demo.local');
    const { state } = await openSession(tech);
    const sessionId = state.session.id;
    await ok(tech.socket, 'chat:send', { sessionId, text: 'one' });
    await ok(tech.socket, 'chat:send', { sessionId, text: 'two' });
    const bad = (await tech.socket.emitWithAck('chat:send', { sessionId, text: 3 } as never)) as { ok: boolean };
    expect(bad.ok).toBe(false);
    await ok(tech.socket, 'order:place', { idempotencyKey: `metrics-${sessionId}`, items: [{ sku: 'WC-PAD-01', quantity: 1 }], address: ADDRESS, sessionId });
    await ok(tech.socket, 'order:place', { idempotencyKey: `metrics-${sessionId}`, items: [{ sku: 'WC-PAD-01', quantity: 1 }], address: ADDRESS, sessionId });

    const response = await fetch(server.metricsUrl as string);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(sample(text, 'xr_assist_events_total{event="chat:send"}')).toBe(3);
    expect(sample(text, 'xr_assist_acks_total{outcome="bad_request"}')).toBe(1);
    expect(sample(text, 'xr_assist_acks_total{outcome="ok"}')).toBeGreaterThanOrEqual(5);
    expect(sample(text, 'xr_assist_orders_total{outcome="placed"}')).toBe(1);
    expect(sample(text, 'xr_assist_orders_total{outcome="replayed"}')).toBe(1);
    expect(sample(text, 'xr_assist_commit_batch_size_count')).toBeGreaterThanOrEqual(3);
    expect(sample(text, 'xr_assist_commit_seconds_count')).toBe(sample(text, 'xr_assist_commit_batch_size_count'));
    expect(sample(text, 'xr_assist_connections')).toBe(1);
    expect(sample(text, 'xr_assist_help_queue')).toBe(0);
    expect(sample(text, 'xr_assist_write_queue')).toBe(0);
    expect((await fetch(`${server.url}/metrics`)).status).toBe(404);
  });

  it('on the main port answer only the bearer of METRICS_TOKEN', async () => {
    const token = 'a-metrics-token-of-this-deployment';
    const server = await start({ metricsToken: token });
    expect((await fetch(`${server.url}/metrics`)).status).toBe(401);
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer not-the-token-of-this-one' } })).status).toBe(401);
    const response = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('xr_assist_connections');
  });
});
