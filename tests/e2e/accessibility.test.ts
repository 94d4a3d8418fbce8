// axe-core on every page a person uses, in every state that matters (a part card open, a guide running, a live help
// session open on both sides, a request waiting in the queue), in English and Spanish, on a phone and a desktop:
// no serious or critical violation anywhere.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openPage, signInThroughUi, waitForTestState } from '../support/browser.ts';
import { seriousViolations } from '../support/axe.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { ADDRESS, newKey, placeOrder, signIn } from '../support/orders-api.ts';

const e2e = useServerAndBrowser();

const VIEWPORTS = [
  { name: 'phone', width: 390, height: 844 },
  { name: 'desktop', width: 1280, height: 800 },
] as const;
const LANGUAGES = ['en', 'es'] as const;

/** Every finding, "state language viewport: rule (impact) targets", so that one run lists all of them. */
const findings: string[] = [];

async function setLanguage(page: Page, language: string): Promise<void> {
  if ((await page.evaluate(() => document.documentElement.lang)) === language) return;
  await page.locator('.language-switcher select').first().selectOption(language);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
}

/** Runs axe in both languages at both sizes, on the page as it is now. */
async function audit(page: Page, state: string): Promise<void> {
  const started = Date.now();
  const before = findings.length;
  for (const viewport of VIEWPORTS) {
    await page.setViewportSize({ width: viewport.width, height: viewport.height });
    for (const language of LANGUAGES) {
      await setLanguage(page, language);
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
      for (const violation of await seriousViolations(page)) {
        findings.push(`${state} ${language} ${viewport.name}: ${violation.id} (${violation.impact}) ${violation.targets.slice(0, 4).join(' | ')}${violation.targets.length > 4 ? ` … ${violation.targets.length} in all` : ''}`);
      }
    }
  }
  await setLanguage(page, 'en');
  console.log(`${state}: ${findings.length - before} findings, ${Date.now() - started} ms${findings.slice(before).map((line) => `\n  ${line}`).join('')}`);
}

describe('accessibility (axe-core: no serious or critical violation)', () => {
  it('holds on every page and state, in en and es, at 390×844 and 1280×800', { timeout: 600_000 }, async () => {
    const base = e2e.server.url.replace('127.0.0.1', 'localhost');
    const visitor = await openPage(e2e.browser, `${base}/`);
    const tech = await openPage(e2e.browser, `${base}/`);
    const agent = await openPage(e2e.browser, `${base}/`, { viewport: { width: 1280, height: 800 } });
    try {
      const v = visitor.page;
      await v.locator('[data-testid="product-list"] li').first().waitFor();
      await audit(v, 'catalog');
      await v.goto(`${base}/products/wheel-corner`);
      await v.getByRole('heading', { level: 1, name: /wheel corner/i }).waitFor();
      await v.locator('details.parts summary').click();
      await v.locator('details.parts button').first().click();
      await v.getByTestId('part-sku').waitFor();
      await audit(v, 'product+part-card');
      await v.goto(`${base}/products/no-such-product`);
      await v.locator('main [role="alert"], main .status-error').first().waitFor();
      await audit(v, 'unknown-product');
      await v.goto(`${base}/sign-in`);
      await v.locator('input[type="password"]').waitFor();
      await audit(v, 'sign-in');

      const a = tech.page;
      const b = agent.page;
      await signInThroughUi(b, base, 'agent@demo.local', '/agent');
      await b.getByTestId('queue-list').or(b.locator('main h1')).first().waitFor();
      await audit(b, 'agent-console-empty');
      await signInThroughUi(a, base, 'tech@demo.local', '/assist/wheel-corner?guide=wheel-corner-brake-pads');
      await waitForTestState(a, (s) => s.guide.stepId === 'prepare-vehicle', 'the first step of the guide');
      await audit(a, 'assist-guide');
      await a.getByTestId('guide-runner').getByTestId('assist-get-help').click();
      const item = b.getByTestId('queue-list').getByRole('listitem').filter({ hasText: 'Tomás Technician' });
      await item.waitFor();
      await audit(b, 'agent-console-queue');
      await item.locator('button').first().click();
      await waitForTestState(a, (s) => s.assist.help?.phase === 'active', 'the help session to be active');
      await b.getByRole('tab', { name: /Tomás Technician/ }).waitFor();
      await audit(b, 'agent-console-session');
      await audit(a, 'assist-guide+help-session');

      await a.goto(`${base}/help/wheel-corner`);
      await a.getByTestId('get-help').or(a.getByTestId('chat-lines')).first().waitFor();
      await audit(a, 'help-page');

      const api = await signIn(e2e.server, 'tech@demo.local');
      const placed = await placeOrder<{ order: { id: string } }>(api, newKey('a11y'), { items: [{ sku: 'WC-PAD-01', quantity: 1 }], address: ADDRESS });
      expect(placed.status).toBe(201);
      expect((await api.request('POST', '/api/cart/items', { sku: 'WC-PAD-01', quantity: 1 })).status).toBe(200);
      await a.goto(`${base}/cart`);
      await a.locator('main h1').waitFor();
      await audit(a, 'cart');
      await a.goto(`${base}/checkout`);
      await a.locator('main h1').waitFor();
      await audit(a, 'checkout');
      await a.goto(`${base}/orders`);
      await a.locator('main h1').waitFor();
      await audit(a, 'orders');
      await a.goto(`${base}/orders/${placed.body.order.id}`);
      await a.locator('main h1').waitFor();
      await audit(a, 'order');

      await signInThroughUi(v, base, 'author@demo.local', '/studio');
      await v.getByRole('heading', { level: 1, name: 'Studio' }).waitFor();
      await audit(v, 'studio');

      expect(findings).toEqual([]);
    } finally {
      await visitor.context.close();
      await tech.context.close();
      await agent.context.close();
    }
  });
});
