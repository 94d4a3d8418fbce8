// The Content-Security-Policy the server sends is one the app really passes: every page, the inline 3D view, AR entered
// through the app's button (emulated Quest 3), and the developer emulator on ?emulate=1, with no violation and no error.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import { openPage, settle, signInThroughUi, waitForTestState } from '../support/browser.ts';
import { login } from '../support/test-server.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';

const e2e = useServerAndBrowser();
let base: string;

beforeAll(() => {
  base = e2e.server.url.replace('127.0.0.1', 'localhost');
});

interface Problems {
  violations: string[];
  errors: string[];
}

/** Collects CSP violations (from an init script, so none is missed before the app starts) and console errors. */
async function watched(context: BrowserContext, page: Page): Promise<Problems> {
  const problems: Problems = { violations: [], errors: [] };
  await context.exposeFunction('__reportViolation', (text: string) => problems.violations.push(text));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { __reportViolation(text: string): void }).__reportViolation(`${event.violatedDirective} blocked ${event.blockedURI || '(inline)'} at ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.errors.push(`${response.request().method()} ${response.url()} answered ${response.status()}`);
  });
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    problems.errors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.errors.push(`${page.url()}: ${error.message}`));
  return problems;
}

const opened: BrowserContext[] = [];
afterEach(async () => {
  for (const context of opened.splice(0)) await context.close();
});

async function openWatched(url: string, options: { xr?: boolean; viewport?: { width: number; height: number } } = {}): Promise<{ page: Page; problems: Problems }> {
  const { context, page } = await openPage(e2e.browser, 'about:blank', options);
  opened.push(context);
  const problems = await watched(context, page);
  await page.goto(url);
  return { page, problems };
}

function expectClean(problems: Problems, where: string): void {
  expect(problems.violations, `CSP violations on ${where}`).toEqual([]);
  expect(problems.errors, `console errors on ${where}`).toEqual([]);
}

describe('the Content-Security-Policy in Chromium', () => {
  it('passes on the catalog, the product’s inline 3D view and the sign-in page', async () => {
    const { page, problems } = await openWatched(`${base}/`);
    await page.locator('[data-testid="product-list"] li').first().waitFor();
    await page.waitForFunction(() => [...document.querySelectorAll('[data-testid="product-list"] img')].every((img) => (img as HTMLImageElement).complete));
    await page.getByRole('link', { name: /wheel corner/i }).click();
    await waitForTestState(page, (s) => s.viewer.modelLoaded && s.viewer.frames > 20, 'the 3D model to render');
    await page.getByTestId('show-qr').click();
    await page.getByTestId('qr-code').waitFor();
    await page.goto(`${base}/sign-in`);
    await page.getByLabel('E-mail').waitFor();
    expectClean(problems, 'catalog, product, sign-in');
  });

  it('passes in AR entered through the app’s button on the emulated Quest 3', async () => {
    const { page, problems } = await openWatched(`${base}/products/wheel-corner`, { xr: true });
    await page.getByTestId('enter-ar').click();
    await waitForTestState(page, (s) => s.ar.sessionActive, 'the AR session to start');
    await settle(page, 10);
    expectClean(problems, 'the product in AR');
  });

  it('passes with the developer emulator loaded lazily on ?emulate=1', async () => {
    const { page, problems } = await openWatched(`${base}/products/wheel-corner?emulate=1`);
    await waitForTestState(page, (s) => s.viewer.modelLoaded, 'the 3D model');
    await page.getByTestId('ar-emulated').waitFor({ timeout: 60_000 });
    await page.getByTestId('enter-ar').click();
    await waitForTestState(page, (s) => s.ar.sessionActive && s.ar.frames > 5, 'the emulated AR session to draw frames', 60_000);
    expectClean(problems, 'the product with ?emulate=1');
  });

  it('passes on the assist and help pages', async () => {
    const { page, problems } = await openWatched(`${base}/`);
    await signInThroughUi(page, base, 'tech@demo.local', '/assist/wheel-corner');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await waitForTestState(page, (s) => s.viewer.modelLoaded, 'the 3D model of the assist page');
    await page.goto(`${base}/help/wheel-corner`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await waitForTestState(page, (s) => s.viewer.modelLoaded, 'the 3D model of the help page');
    expectClean(problems, 'assist and help');
  });

  it('passes on the agent console', async () => {
    const { page, problems } = await openWatched(`${base}/`, { viewport: { width: 1500, height: 1000 } });
    await signInThroughUi(page, base, 'agent@demo.local', '/agent');
    await page.getByRole('heading', { name: 'Help queue' }).waitFor();
    await page.waitForTimeout(1000);
    expectClean(problems, 'the agent console');
  });

  it('passes on the cart, checkout and orders', async () => {
    const { token } = await login(e2e.server, 'customer@demo.local');
    await fetch(`${e2e.server.url}/api/cart/items`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ sku: 'WC-PAD-01', quantity: 1 }) });
    const { page, problems } = await openWatched(`${base}/`);
    await signInThroughUi(page, base, 'customer@demo.local', '/cart');
    await page.getByTestId('go-checkout').click();
    await page.getByRole('heading', { level: 1, name: 'Checkout' }).waitFor();
    await page.goto(`${base}/orders`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.waitForTimeout(1000);
    expectClean(problems, 'cart, checkout and orders');
  });
});
