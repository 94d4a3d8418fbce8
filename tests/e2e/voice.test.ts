// Voice between a technician and an agent: WebRTC over loopback with Chromium's fake microphone, Socket.IO signaling;
// audio flows both ways, mute stops it on the other side, the call outlives a socket reconnect (the server drops the connection), and hangs up on both.
import { beforeAll, describe, expect, it } from 'vitest';
import { openPage, screenshot, waitForTestState } from '../support/browser.ts';
import { callState as call, inboundGrowth } from '../support/call-e2e.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { signInThroughUi } from '../support/orders-e2e.ts';

const e2e = useServerAndBrowser();
let base: string;

beforeAll(async () => {
  base = e2e.server.url.replace('127.0.0.1', 'localhost');
});

/** Closes the user's socket connections from the server side, as a dropped network would; the client reconnects. */
function dropSocketsOf(email: string): number {
  const sockets = [...e2e.server.realtime.io.sockets.sockets.values()].filter((socket) => socket.data.user?.email === email);
  for (const socket of sockets) socket.conn.close();
  return sockets.length;
}

describe('voice between the technician and the agent', () => {
  it('connects over loopback with fake devices, carries audio both ways, mutes, survives a socket reconnect and hangs up', { timeout: 240_000 }, async () => {
    const tech = await openPage(e2e.browser, `${base}/`);
    const agent = await openPage(e2e.browser, `${base}/`, { viewport: { width: 1500, height: 1000 } });
    try {
      const a = tech.page;
      const b = agent.page;
      await signInThroughUi(a, base, 'tech@demo.local', '/help/wheel-corner');
      await signInThroughUi(b, base, 'agent@demo.local', '/agent');
      await a.getByTestId('get-help').click();
      await waitForTestState(a, (s) => s.assist.help?.phase === 'waiting', 'the request to be queued');
      await b.getByRole('button', { name: 'Accept Tomás Technician' }).click();
      await waitForTestState(a, (s) => s.assist.help?.phase === 'active', 'the agent to join');

      await b.getByRole('button', { name: 'Call', exact: true }).click();
      await a.getByText('Alex Agent is calling you.').waitFor();
      await a.getByRole('button', { name: 'Answer' }).click();
      await waitForTestState(a, (s) => s.assist.call?.phase === 'connected', 'the technician’s side to connect', 20_000);
      await waitForTestState(b, (s) => s.assist.call?.phase === 'connected', 'the agent’s side to connect', 20_000);
      await b.getByText('On a call with Tomás Technician.').waitFor();

      expect(await inboundGrowth(a)).toBeGreaterThan(1000);
      expect(await inboundGrowth(b)).toBeGreaterThan(1000);
      await screenshot(b, 'voice-agent-connected');

      await a.getByRole('button', { name: 'Mute' }).click();
      await waitForTestState(b, (s) => s.assist.call?.remoteMuted === true, 'the agent to see the technician muted');
      await b.getByText('(Tomás Technician is muted)').waitFor();
      await b.waitForTimeout(1500);
      expect(await inboundGrowth(b)).toBeLessThan(200);
      expect(await inboundGrowth(a)).toBeGreaterThan(1000);

      await a.getByRole('button', { name: 'Unmute' }).click();
      await waitForTestState(b, (s) => s.assist.call?.remoteMuted === false, 'the agent to see the technician unmuted');
      await b.waitForTimeout(1000);
      expect(await inboundGrowth(b)).toBeGreaterThan(1000);

      const { callId } = await call(a);
      const dropped = dropSocketsOf('tech@demo.local');
      expect(dropped).toBeGreaterThan(0);
      await b.getByText('Tomás Technician is offline for now').waitFor();
      await b.getByText('Tomás Technician is offline for now').waitFor({ state: 'detached', timeout: 30_000 });
      const afterOutage = await call(a);
      expect(afterOutage.callId).toBe(callId);
      expect(afterOutage.phase).toBe('connected');
      expect(await inboundGrowth(a)).toBeGreaterThan(1000);
      expect(await inboundGrowth(b)).toBeGreaterThan(1000);

      await b.getByRole('button', { name: 'Hang up' }).click();
      await waitForTestState(a, (s) => s.assist.call?.phase === 'ended', 'the technician to see the call end');
      await waitForTestState(b, (s) => s.assist.call?.phase === 'ended', 'the agent’s call to end');
    } finally {
      await tech.context.close();
      await agent.context.close();
    }
  });
});
