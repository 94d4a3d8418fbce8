// The connection-problem view-model: every refusal and outage maps to words and an action the person can take.
import { describe, expect, it } from 'vitest';
import { connectionProblemOf, type ConnectionInputs } from '../../client/src/realtime/connection-problem.ts';
import en from '../../client/src/i18n/locales/en/common.json';
import es from '../../client/src/i18n/locales/es/common.json';

const base: ConnectionInputs = { status: 'online', refusal: null, signedIn: true, signInExpired: false };
const of = (patch: Partial<ConnectionInputs>) => connectionProblemOf({ ...base, ...patch });

describe('connectionProblemOf', () => {
  it('is silent while connected, connecting, or signed out by choice', () => {
    expect(of({})).toBeNull();
    expect(of({ status: 'connecting' })).toBeNull();
    expect(of({ status: 'idle', signedIn: false })).toBeNull();
  });

  it('asks to sign in again when the sign-in expired, whether or not the page still holds it', () => {
    expect(of({ signedIn: false, signInExpired: true, status: 'idle' })).toMatchObject({ kind: 'signInExpired', action: 'signIn', blocking: true });
    expect(of({ status: 'refused', refusal: { code: 'unauthorized', message: 'expired' } })).toMatchObject({ kind: 'signInExpired', action: 'signIn' });
  });

  it('asks to reload to update on a protocol mismatch, and to reload when refused otherwise', () => {
    expect(of({ status: 'refused', refusal: { code: 'protocol_mismatch', message: 'speaks 0' } })).toMatchObject({ kind: 'outdated', action: 'reload', messageKey: 'connection.outdated' });
    expect(of({ status: 'refused', refusal: { code: 'rate_limited', message: 'busy' } })).toMatchObject({ kind: 'busy', action: 'reload' });
    expect(of({ status: 'refused', refusal: null })).toMatchObject({ kind: 'refused', action: 'reload' });
  });

  it('asks to wait while the connection may come back by itself', () => {
    expect(of({ status: 'offline' })).toMatchObject({ kind: 'offline', action: 'wait', blocking: false });
    expect(of({ status: 'reconnecting' })).toMatchObject({ kind: 'reconnecting', action: 'wait', blocking: false });
  });

  it('has its words in English and Spanish for every kind', () => {
    for (const kind of ['signInExpired', 'outdated', 'busy', 'refused', 'offline', 'reconnecting'] as const) {
      for (const locale of [en, es]) {
        expect(locale.connection[kind]).toMatch(/\w/);
        expect(locale.connection.short[kind]).toMatch(/\w/);
      }
    }
  });
});
