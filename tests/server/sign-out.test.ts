// Tokens that stop working: short-lived access renewed through the sign-in's httpOnly cookie, and sign-out that revokes
// the sign-in, its tokens (HTTP and handshake) and its open sockets, against a real server.
import { describe, expect, it } from 'vitest';
import type { LoginResponse } from '../../core/auth.ts';
import { errorOf, isLogin, logout, meStatus, renew, tryLogin, type AuthAnswer } from '../support/auth-http.ts';
import { connectClient, nextEvent, type TestServer } from '../support/test-server.ts';
import { useTestServer } from '../support/use-test-server.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function signedIn(answer: AuthAnswer): LoginResponse & { cookie: string } {
  if (!isLogin(answer.body) || !answer.refreshCookie) throw new Error(`not signed in: ${answer.status} ${JSON.stringify(answer.body)}`);
  return { ...answer.body, cookie: answer.refreshCookie };
}

async function handshakeRefusal(server: TestServer, token: string): Promise<unknown> {
  return connectClient(server, { token }).then(
    (socket) => {
      socket.close();
      return null;
    },
    (error: Error & { data?: unknown }) => error.data,
  );
}

describe('sign-in, renewal and sign-out', () => {
  const live = useTestServer();

  it('answers a sign-in with a 15-minute token and an httpOnly, same-site cookie for the auth routes only', async () => {
    const answer = await tryLogin(live.server, 'tech@demo.local', 'demo');
    expect(answer.status).toBe(200);
    expect(signedIn(answer).expiresIn).toBe(15 * 60);
    expect(answer.setCookie).toMatch(/; Path=\/api\/auth/);
    expect(answer.setCookie).toMatch(/; HttpOnly/);
    expect(answer.setCookie).toMatch(/; SameSite=Strict/);
  });

  it('renews the token from the cookie and rotates the cookie; the replaced cookie still renews for a moment, without a new one', async () => {
    const first = signedIn(await tryLogin(live.server, 'tech@demo.local', 'demo'));
    const renewed = await renew(live.server, first.cookie);
    expect(renewed.status).toBe(200);
    const next = signedIn(renewed);
    expect(next.cookie).not.toBe(first.cookie);
    expect(next.user.email).toBe('tech@demo.local');
    expect(await meStatus(live.server, next.token)).toBe(200);
    const racing = await renew(live.server, first.cookie);
    expect(racing.status).toBe(200);
    expect(racing.refreshCookie).toBeNull();
    expect((await renew(live.server, next.cookie)).status).toBe(200);
  });

  it('refuses renewal without a cookie or with a made-up one, and clears it', async () => {
    const none = await renew(live.server, null);
    expect(none.status).toBe(401);
    const forged = await renew(live.server, 'a3c1d9e8-0000-4000-8000-000000000000.not-the-secret');
    expect(forged.status).toBe(401);
    expect(forged.refreshCookie).toBe('');
    expect(errorOf(forged.body)?.message).toBe('Your sign-in has ended. Please sign in again.');
  });

  it('signs out: the token is refused on HTTP and at the handshake, open sockets close, the cookie no longer renews; other sign-ins go on', async () => {
    const mine = signedIn(await tryLogin(live.server, 'agent@demo.local', 'demo'));
    const otherDevice = signedIn(await tryLogin(live.server, 'agent@demo.local', 'demo'));
    const open = await connectClient(live.server, { token: mine.token });
    const other = await connectClient(live.server, { token: otherDevice.token });
    const closed = nextEvent<string>(open, 'disconnect');

    expect((await logout(live.server, { token: mine.token, cookie: mine.cookie })).status).toBe(204);

    expect(await closed).toBe('io server disconnect');
    expect(await meStatus(live.server, mine.token)).toBe(401);
    expect(await handshakeRefusal(live.server, mine.token)).toEqual({ code: 'unauthorized', message: 'Your sign-in has expired or is not valid. Please sign in again.' });
    expect((await renew(live.server, mine.cookie)).status).toBe(401);
    expect(other.connected).toBe(true);
    expect(await meStatus(live.server, otherDevice.token)).toBe(200);
    other.close();
  });

  it('signs out with the cookie alone once the token has expired, and closes the sign-in’s open sockets', async () => {
    const mine = signedIn(await tryLogin(live.server, 'customer@demo.local', 'demo'));
    const open = await connectClient(live.server, { token: mine.token });
    const closed = nextEvent<string>(open, 'disconnect');
    expect((await logout(live.server, { cookie: mine.cookie })).status).toBe(204);
    expect(await closed).toBe('io server disconnect');
    expect(await meStatus(live.server, mine.token)).toBe(401);
  });
});

describe('short-lived tokens', () => {
  const live = useTestServer({ accessTokenSeconds: 1 });

  it('refuses a token once it has expired, on HTTP and at the handshake, and a renewed one works again', async () => {
    const mine = signedIn(await tryLogin(live.server, 'tech@demo.local', 'demo'));
    expect(mine.expiresIn).toBe(1);
    await sleep(2100);
    expect(await meStatus(live.server, mine.token)).toBe(401);
    expect(await handshakeRefusal(live.server, mine.token)).toMatchObject({ code: 'unauthorized' });
    const next = signedIn(await renew(live.server, mine.cookie));
    expect(await meStatus(live.server, next.token)).toBe(200);
    const socket = await connectClient(live.server, { token: next.token });
    socket.close();
  });
});
