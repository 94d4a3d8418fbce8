// A refused connection is said in words, with what to do: a sign-in ended elsewhere (its token revoked, no cookie to
// renew it) shows "sign in again" in the banner and the header, in English and Spanish, on a phone and a desktop; a
// server that was updated under an open page (the page's handshake speaks an older protocol) says "reload to update",
// the cart says why its changes wait, and the agent console shows that its queue is not live.
import { describe, expect, it } from 'vitest';
import { openPage, screenshot, signInThroughUi } from '../support/browser.ts';
import { logout } from '../support/auth-http.ts';
import { login } from '../support/test-server.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { routeRealtime } from '../support/outdated-realtime.ts';

const e2e = useServerAndBrowser();
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 800 };

/** Opens a page whose stored sign-in was revoked on the server (as by "sign out everywhere"); the browser has no cookie. */
async function openWithRevokedSignIn(url: string, options: { locale: string; viewport: { width: number; height: number } }) {
  const signedIn = await login(e2e.server, 'tech@demo.local');
  expect((await logout(e2e.server, { token: signedIn.token })).status).toBeLessThan(300);
  const { context, page } = await openPage(e2e.browser, 'about:blank', options);
  const stored = JSON.stringify({ token: signedIn.token, user: signedIn.user, renewAt: Date.now() + 3_600_000, expired: false });
  await context.addInitScript((value) => localStorage.setItem('xr-assist.auth', value), stored);
  await page.goto(url);
  return { context, page };
}


describe('a sign-in that ended elsewhere', () => {
  const cases = [
    { locale: 'en-US', viewport: DESKTOP, name: 'desktop-en', expired: 'Sign-in expired', message: /^Your sign-in has expired.*Sign in again to continue\.$/, action: 'Sign in again' },
    { locale: 'es-ES', viewport: PHONE, name: 'phone-es', expired: 'Sesión caducada', message: /^Tu sesión ha caducado.*Vuelve a iniciar sesión para continuar\.$/, action: 'Volver a iniciar sesión' },
    { locale: 'en-US', viewport: PHONE, name: 'phone-en', expired: 'Sign-in expired', message: /^Your sign-in has expired, so/, action: 'Sign in again' },
    { locale: 'es-ES', viewport: DESKTOP, name: 'desktop-es', expired: 'Sesión caducada', message: /^Tu sesión ha caducado, así/, action: 'Volver a iniciar sesión' },
  ];
  for (const c of cases) {
    it(`is said in words with "${c.action}" (${c.name})`, async () => {
      const { context, page } = await openWithRevokedSignIn(`${e2e.server.url}/`, { locale: c.locale, viewport: c.viewport });
      try {
        const alert = page.getByRole('alert').filter({ has: page.getByText(c.message) });
        await alert.waitFor();
        await page.locator('header').getByText(c.expired).waitFor();
        expect(await page.getByRole('alert').count(), 'the catalog still loads: only the connection is refused').toBe(1);
        await screenshot(page, `connection-expired-${c.name}`);
        const action = alert.getByRole('link', { name: c.action });
        await action.focus();
        await page.keyboard.press('Enter');
        await page.waitForURL((url) => url.pathname === '/sign-in' && url.searchParams.get('next') === '/');
      } finally {
        await context.close();
      }
    });
  }

  it('goes away once the person signs in again', async () => {
    const { context, page } = await openWithRevokedSignIn(`${e2e.server.url}/`, { locale: 'en-US', viewport: DESKTOP });
    try {
      await page.getByRole('alert').filter({ has: page.getByText(/^Your sign-in has expired, so/) }).waitFor();
      await signInThroughUi(page, e2e.server.url, 'tech@demo.local', '/');
      await page.locator('header').getByText('Signed in as', { exact: false }).waitFor();
      await expect.poll(() => page.locator('[data-testid="connection-banner"]').getAttribute('data-kind')).toBe('none');
      expect(await page.getByRole('alert').count()).toBe(0);
    } finally {
      await context.close();
    }
  });
});

describe('a server updated under an open page', () => {
  it('says "reload to update", and the cart says why its change waits', async () => {
    let outdated = false;
    const { context, page } = await openPage(e2e.browser, 'about:blank', { viewport: PHONE });
    try {
      await routeRealtime(context, () => outdated);
      await signInThroughUi(page, e2e.server.url, 'customer@demo.local', '/cart');
      await page.getByRole('heading', { level: 1, name: 'Cart' }).waitFor();
      await page.getByRole('link', { name: 'Catalog', exact: true }).click();
      await page.getByRole('link', { name: /Front wheel corner/ }).first().click();
      await page.getByText('Parts', { exact: true }).click();
      await page.getByRole('button', { name: 'Brake pads (axle set)' }).click();
      const card = page.getByRole('dialog', { name: 'Brake pads (axle set)' });
      await card.getByRole('button', { name: 'Add Brake pads (axle set) to cart — €45.90', exact: true }).click();
      await page.waitForFunction(() => document.querySelector('[data-testid="cart-link"] .cart-count')?.textContent === '1');

      outdated = true;
      e2e.server.realtime.io.disconnectSockets(true);
      const alert = page.getByRole('alert').filter({ hasText: 'This app is out of date and the server refused to connect it. Reload the page to update.' });
      await alert.waitFor();
      await alert.getByRole('button', { name: 'Reload the page' }).waitFor();
      await page.locator('header').getByText('Not connected').waitFor();

      await card.getByRole('button', { name: 'Add Brake pads (axle set) to cart — €45.90', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Your cart changes are not sent yet: app out of date.' }).waitFor();
      await page.keyboard.press('Escape');
      await page.getByTestId('cart-link').click();
      await page.getByTestId('cart-line-pending').filter({ hasText: 'Not sent yet: app out of date' }).waitFor();
      await screenshot(page, 'connection-outdated-cart-phone-en');

      outdated = false;
      await alert.getByRole('button', { name: 'Reload the page' }).click();
      await page.getByRole('heading', { level: 1, name: 'Cart' }).waitFor();
      await expect.poll(() => page.getByTestId('cart-line-pending').count(), { timeout: 15_000 }).toBe(0);
      expect(await page.locator('[data-testid="connection-banner"]').getAttribute('data-kind')).toBe('none');
    } finally {
      await context.close();
    }
  });

  it('shows the agent that the queue is not live, never a stale queue as live', async () => {
    let outdated = false;
    const { context, page } = await openPage(e2e.browser, 'about:blank', { viewport: DESKTOP });
    try {
      await routeRealtime(context, () => outdated);
      await signInThroughUi(page, e2e.server.url, 'agent@demo.local', '/agent');
      await page.getByLabel('Language').selectOption('es');
      const connection = page.getByTestId('queue-connection');
      await expect.poll(() => connection.textContent(), { timeout: 15_000 }).toBe('En directo: conectado');

      outdated = true;
      e2e.server.realtime.io.disconnectSockets(true);
      await expect.poll(() => connection.textContent(), { timeout: 15_000 }).toBe('No está en directo (aplicación desactualizada): esta cola puede estar desactualizada.');
      expect(await connection.getAttribute('data-live')).toBe('false');
      await page.getByRole('alert').filter({ has: page.getByText(/^Esta aplicación está desactualizada/) }).waitFor();
      await screenshot(page, 'connection-outdated-agent-desktop-es');
    } finally {
      await context.close();
    }
  });
});
