// Ending a session explicitly (session:end through the event table): persisted and told to the other devices in the
// room, refused a second time and for every later write, and a new job on another unit is a new, clean session.
import { describe, expect, it } from 'vitest';
import type { SessionLogEntry } from '../../core/session.ts';
import { ok, record, refused, signIn, until, useAssistServer } from './assist-support.ts';
import { connectClient } from '../support/test-server.ts';

const harness = useAssistServer();

describe('session:end', () => {
  it('ends the session for every device, once, and a job on another unit starts clean', async () => {
    const tech = await signIn(harness.server, 'tech@demo.local');
    const otherDevice = await connectClient(harness.server, { token: tech.token });
    try {
      const first = await ok(tech.socket, 'session:create', { productId: 'wheel-corner', installedAssetId: 'unit-a' });
      const sessionId = first.state.session.id;
      await ok(otherDevice, 'session:join', { sessionId });
      await ok(tech.socket, 'chat:send', { sessionId, text: 'unit A: pads worn' });
      const heard = record<SessionLogEntry>(otherDevice, 'session:event');

      const { entries } = await ok(tech.socket, 'session:end', { sessionId });
      expect(entries.map((entry) => entry.type)).toEqual(['session.ended']);
      await until(() => heard.some((entry) => entry.type === 'session.ended'), 5000, 'the other device told the session ended');
      await refused(tech.socket, 'session:end', { sessionId }, 'conflict');
      await refused(tech.socket, 'step:change', { sessionId, stepId: 'remove-wheel' }, 'conflict');
      await refused(tech.socket, 'session:end', { sessionId: 'not-a-session-id' }, 'bad_request');

      const rejoined = await ok(tech.socket, 'session:join', { sessionId });
      expect(rejoined.state.session).toMatchObject({ status: 'ended', endedAt: expect.any(Number) });

      const next = await ok(tech.socket, 'session:create', { productId: 'wheel-corner', installedAssetId: 'unit-b' });
      expect(next.state.session).toMatchObject({ status: 'open', installedAssetId: 'unit-b' });
      expect(next.state.session.id).not.toBe(sessionId);
      expect(next.log.map((entry) => entry.type)).toEqual(['member.joined']);
    } finally {
      otherDevice.close();
    }
  });
});
