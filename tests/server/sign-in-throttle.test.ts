// Password guessing against a real server: per account the waits double after a few misses, per address a flood is cut;
// every refusal is a 429 with Retry-After and a sentence a person understands, and the right password works after the wait.
import { describe, expect, it } from 'vitest';
import { waitAfter } from '../../server/auth/login-throttle.ts';
import { errorOf, isLogin, tryLogin } from '../support/auth-http.ts';
import { useTestServer } from '../support/use-test-server.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('per-account back-off', () => {
  // The per-address limit is out of the way here: this is about one account.
  const live = useTestServer({ loginAttemptsPerMinute: 1000 });

  it('answers 40 wrong passwords sent at once with 401 five times, then 429 with Retry-After and a clear message', async () => {
    const answers = await Promise.all(Array.from({ length: 40 }, () => tryLogin(live.server, 'tech@demo.local', 'guess')));
    const misses = answers.filter((answer) => answer.status === 401).length;
    const waits = answers.filter((answer) => answer.status === 429);
    // Five misses are free; on a slow machine the first 1 s wait may end while the 40 are still being answered, and
    // the next miss is counted (and waits 2 s).
    expect(misses).toBeGreaterThanOrEqual(5);
    expect(misses).toBeLessThanOrEqual(7);
    expect(waits).toHaveLength(40 - misses);
    for (const wait of waits) {
      expect(wait.retryAfter).toBeGreaterThanOrEqual(1);
      const words = wait.retryAfter === 1 ? '1 second' : `${wait.retryAfter} seconds`;
      expect(errorOf(wait.body)).toEqual({ code: 'rate_limited', message: `Too many sign-in attempts for this account. Wait ${words} and try again.` });
    }
  });

  it('lets the right password in once the wait is over', async () => {
    const locked = await tryLogin(live.server, 'tech@demo.local', 'demo');
    expect(locked.status).toBe(429);
    await sleep((locked.retryAfter ?? 1) * 1000 + 100);
    const signedIn = await tryLogin(live.server, 'tech@demo.local', 'demo');
    expect(signedIn.status).toBe(200);
    expect(isLogin(signedIn.body) && signedIn.body.user.email).toBe('tech@demo.local');
  });

  it('doubles the wait with each further miss, and starts again after a success', async () => {
    for (let miss = 1; miss <= 5; miss += 1) expect((await tryLogin(live.server, 'agent@demo.local', 'guess')).status).toBe(401);
    const first = await tryLogin(live.server, 'agent@demo.local', 'guess');
    expect([first.status, first.retryAfter]).toEqual([429, 1]);
    await sleep(1100);
    expect((await tryLogin(live.server, 'agent@demo.local', 'guess')).status).toBe(401);
    const second = await tryLogin(live.server, 'agent@demo.local', 'guess');
    expect([second.status, second.retryAfter]).toEqual([429, 2]);
    await sleep(2100);
    expect((await tryLogin(live.server, 'agent@demo.local', 'demo')).status).toBe(200);
    for (let miss = 1; miss <= 4; miss += 1) expect((await tryLogin(live.server, 'agent@demo.local', 'guess')).status).toBe(401);
    expect((await tryLogin(live.server, 'agent@demo.local', 'demo')).status).toBe(200);
  });

  it('keeps other accounts, and unknown e-mails, apart', async () => {
    for (let miss = 1; miss <= 6; miss += 1) await tryLogin(live.server, 'nobody@demo.local', 'guess');
    expect((await tryLogin(live.server, 'nobody@demo.local', 'guess')).status).toBe(429);
    expect((await tryLogin(live.server, 'customer@demo.local', 'demo')).status).toBe(200);
  });

  it('waits 1 s after the fifth miss, doubling to at most 15 minutes', () => {
    expect([4, 5, 6, 7, 8].map(waitAfter)).toEqual([0, 1000, 2000, 4000, 8000]);
    expect(waitAfter(40)).toBe(15 * 60_000);
  });
});

describe('per-address limit', () => {
  const live = useTestServer({ loginAttemptsPerMinute: 10 });

  it('cuts a flood of sign-ins from one address, whatever the accounts, with 429 and Retry-After', async () => {
    const answers: number[] = [];
    for (let index = 0; index < 12; index += 1) answers.push((await tryLogin(live.server, `someone${index}@demo.local`, 'guess')).status);
    expect(answers.slice(0, 10).every((status) => status === 401)).toBe(true);
    const cut = await tryLogin(live.server, 'customer@demo.local', 'demo');
    expect(cut.status).toBe(429);
    expect(cut.retryAfter).toBeGreaterThan(0);
    expect(errorOf(cut.body)).toEqual({ code: 'rate_limited', message: expect.stringMatching(/^Too many requests from your network\. Wait \d+ seconds? and try again\.$/) });
  });
});
