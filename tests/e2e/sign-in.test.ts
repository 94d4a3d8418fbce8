// Signing in as a person meets it: after too many wrong passwords the page says how long to wait, in English and Spanish,
// and the right password works after the wait; a signed-in page keeps working across token expiry (renewed silently, the
// socket left open), and signing out makes the token useless.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, signInThroughUi } from '../support/browser.ts';
import { tryLogin, meStatus } from '../support/auth-http.ts';
import { startTestServer } from '../support/test-server.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';

/** Tokens live 3 s here, so the page renews every 2.25 s. */
const e2e = useServerAndBrowser({ startServer: () => startTestServer({ accessTokenSeconds: 3 }) });

/** Misses an account's password until it has to wait a few seconds. */
async function lockOut(email: string): Promise<void> {
  for (let miss = 0; miss < 7; miss += 1) await tryLogin(e2e.server, email, 'not-the-password');
}

async function submit(page: Page, email: string, password: string): Promise<void> {
  await page.getByRole('textbox').first().fill(email);
  await page.locator('input[type="password"]').fill(password);
  await page.locator('button[type="submit"]').click();
}

const storedToken = (page: Page) => page.evaluate(() => (JSON.parse(localStorage.getItem('xr-assist.auth') ?? 'null') as { token?: string } | null)?.token ?? null);

describe('too many sign-in attempts', () => {
  it('tells the person in English how long to wait, and lets them in after it', async () => {
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/sign-in?next=/orders`);
    try {
      await lockOut('customer@demo.local');
      await submit(page, 'customer@demo.local', 'demo');
      const alert = page.getByRole('alert');
      await alert.waitFor();
      const text = await alert.innerText();
      const [, seconds] = /^Too many sign-in attempts\. Wait (\d+) seconds? and try again\.$/.exec(text) ?? [];
      expect(Number(seconds), text).toBeGreaterThan(0);
      await page.waitForTimeout(Number(seconds) * 1000 + 300);
      await page.locator('button[type="submit"]').click();
      await page.waitForURL((url) => url.pathname === '/orders');
    } finally {
      await context.close();
    }
  });

  it('tells them in Spanish too', async () => {
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/sign-in`, { locale: 'es-ES' });
    try {
      await page.getByRole('heading', { level: 1, name: 'Iniciar sesión' }).waitFor();
      await lockOut('agent.es@demo.local');
      await submit(page, 'agent.es@demo.local', 'demo');
      await page.getByRole('alert').getByText(/^Demasiados intentos de inicio de sesión\. Espera \d+ segundos? y vuelve a intentarlo\.$/).waitFor();
    } finally {
      await context.close();
    }
  });
});

describe('a signed-in page over time', () => {
  it('keeps working past its first token’s expiry on one open socket, and signing out ends the token', async () => {
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/`);
    const customerSockets = async () => (await e2e.server.realtime.io.fetchSockets()).filter((socket) => socket.data.user?.email === 'tech@demo.local').map((socket) => socket.id);
    try {
      await signInThroughUi(page, e2e.server.url, 'tech@demo.local', '/products/wheel-corner');
      const first = await storedToken(page);
      expect(first).not.toBeNull();
      await page.getByRole('heading', { level: 1, name: /wheel corner/i }).waitFor();
      await expect.poll(customerSockets, { timeout: 15_000 }).toHaveLength(1);
      const [socketId] = await customerSockets();

      // Two renewals later the first token has expired.
      const seen = new Set([first]);
      await expect.poll(async () => seen.add(await storedToken(page)).size, { timeout: 20_000, interval: 250 }).toBeGreaterThanOrEqual(3);
      expect(await meStatus(e2e.server, first!)).toBe(401);

      await page.getByRole('button', { name: 'Add Front wheel corner (Silver rim) to cart — €689.00', exact: true }).click();
      await page.waitForFunction(() => document.querySelector('[data-testid="cart-link"] .cart-count')?.textContent === '1');
      expect(await customerSockets()).toEqual([socketId]);
      await page.goto(`${e2e.server.url}/orders`);
      await page.getByRole('heading', { level: 1, name: 'Orders' }).waitFor();

      const current = await storedToken(page);
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByRole('link', { name: 'Sign in' }).waitFor();
      await expect.poll(() => meStatus(e2e.server, current!)).toBe(401);
      expect(await page.evaluate(async () => (await fetch('/api/auth/refresh', { method: 'POST' })).status)).toBe(401);
    } finally {
      await context.close();
    }
  });
});
