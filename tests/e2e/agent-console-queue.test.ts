// The agent console for a day of requests, on a phone-sized screen (390×844) and a desktop: the queue's count stays in
// view in the sticky bar while the agent works further down (one tap goes to the queue); "A" accepts the oldest waiting
// request (not while typing), says so to screen readers in en and es, and is listed with the other shortcuts; the first
// click on a fresh twin, with no tool chosen, places an arrow that the technician's own socket receives. axe finds
// nothing serious; screenshots in en and es at both sizes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { SessionLogEntry } from '../../core/session.ts';
import { openPage, readTestState, screenshot, signInThroughUi, waitForTestState } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { seriousViolations } from '../support/axe.ts';
import { modelPath } from '../support/asset-paths.ts';
import { aimInTwin, loadProductScene } from '../support/twin-aim.ts';
import { connectClient, emitWithAck, login, type ClientSocket } from '../support/test-server.ts';

const e2e = useServerAndBrowser();
let base: string;
const sockets: ClientSocket[] = [];

beforeAll(() => {
  base = e2e.server.url.replace('127.0.0.1', 'localhost');
});
afterAll(() => {
  for (const socket of sockets) socket.close();
});

/** A requester's socket that has asked for help on the wheel corner, with the session entries it receives. */
async function askForHelp(email: string, language: 'en' | 'es'): Promise<SessionLogEntry[]> {
  const { token } = await login(e2e.server, email);
  const socket = await connectClient(e2e.server, { token });
  sockets.push(socket);
  const received: SessionLogEntry[] = [];
  socket.on('session:event', (entry) => received.push(entry));
  const created = await emitWithAck<{ ok: boolean; state: { session: { id: string } } }>(socket, 'session:create', { productId: 'wheel-corner', language });
  expect(created.ok).toBe(true);
  const asked = await emitWithAck<{ ok: boolean }>(socket, 'help:request', { sessionId: created.state.session.id, context: { productId: 'wheel-corner', language } });
  expect(asked.ok).toBe(true);
  return received;
}

const unfocus = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

/** Whether the element is drawn inside the viewport and on top at its centre (not scrolled away or covered). */
async function inView(page: Page, locator: Locator): Promise<boolean> {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  if (!box || box.y < 0 || box.y + box.height > viewport.height || box.x < 0 || box.x + box.width > viewport.width) return false;
  return locator.evaluate((element, [x, y]) => element.contains(document.elementFromPoint(x!, y!)), [box.x + box.width / 2, box.y + box.height / 2]);
}

describe('the agent console’s queue strip, accept-next key and pointing twin', () => {
  it('queue count in view on a phone, A accepts the next request in en and es, the first twin click places an arrow', { timeout: 240_000 }, async () => {
    const scene = await loadProductScene(modelPath('wheel-corner'));
    const agent = await openPage(e2e.browser, `${base}/`, { viewport: { width: 390, height: 844 } });
    const page = agent.page;
    try {
      await signInThroughUi(page, base, 'agent@demo.local', '/agent');
      const strip = page.getByTestId('queue-strip');
      const announced = page.getByTestId('console-announcement');
      await strip.getByRole('button', { name: '0 waiting: go to the help queue' }).waitFor();
      await unfocus(page);
      await page.keyboard.press('a');
      await announced.getByText('No request is waiting to be accepted.').waitFor();

      const techEntries = await askForHelp('tech@demo.local', 'en');
      await askForHelp('customer@demo.local', 'es');
      await strip.getByRole('button', { name: '2 waiting: go to the help queue' }).waitFor();
      expect(await strip.getByRole('button', { name: /Accept next/ }).getAttribute('aria-keyshortcuts')).toBe('A');
      await screenshot(page, 'agent-queue-waiting-390-en');

      await page.keyboard.press('a');
      await announced.getByText('Accepted Tomás Technician · Front wheel corner. 1 still waiting.').waitFor();
      await page.getByRole('tab', { name: /Tomás Technician/ }).waitFor();
      await strip.getByRole('button', { name: '1 waiting: go to the help queue' }).waitFor();

      const message = page.getByRole('textbox', { name: /message/i }).first();
      await message.pressSequentially('a');
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await page.getByRole('tab', { name: /Carmen Customer/ }).count()).toBe(0);
      await message.fill('');
      await unfocus(page);

      await page.locator('.twin-view').scrollIntoViewIfNeeded();
      const framed = await waitForTestState(page, (s) => s.assist.twin !== null && s.assist.twin.frames > 20, 'the twin framed on the product');
      const drawn = framed.assist.twin!.frames;
      await waitForTestState(page, (s) => (s.assist.twin?.frames ?? 0) > drawn + 3, 'the framed twin to render');
      const aim = aimInTwin(scene, 'wheel', (await readTestState(page)).assist.twin!);
      await page.mouse.click(aim.x, aim.y);
      await expect.poll(() => techEntries.filter((entry) => entry.type === 'annotation.added').length, { timeout: 10_000 }).toBe(1);
      const added = techEntries.find((entry) => entry.type === 'annotation.added')!;
      expect(added.type === 'annotation.added' && added.data.annotation).toMatchObject({ kind: 'arrow', partId: 'wheel' });
      await page.getByRole('heading', { name: '1 annotation' }).waitFor();
      expect(await page.getByRole('radio', { name: 'Arrow' }).isChecked()).toBe(true);
      expect(await page.getByTestId('twin-tool').textContent()).toBe('A click on the model places: Arrow');

      await page.getByRole('tab', { name: 'Parts' }).scrollIntoViewIfNeeded();
      expect(await inView(page, page.getByRole('tab', { name: 'Parts' }))).toBe(true);
      expect(await inView(page, page.getByRole('heading', { name: /Help queue/ }))).toBe(false);
      expect(await inView(page, strip.getByRole('button', { name: '1 waiting: go to the help queue' }))).toBe(true);
      await screenshot(page, 'agent-queue-strip-390-en');
      expect(await seriousViolations(page)).toEqual([]);
      await strip.getByRole('button', { name: '1 waiting: go to the help queue' }).click();
      await expect.poll(() => inView(page, page.getByRole('button', { name: 'Accept Carmen Customer' }))).toBe(true);
      await screenshot(page, 'agent-queue-shown-390-en');

      await unfocus(page);
      await page.keyboard.press('?');
      const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
      await help.getByText('Accept the next waiting request').waitFor();
      expect(await help.locator('dt').first().textContent()).toBe('A');
      await page.keyboard.press('Escape');
      await help.waitFor({ state: 'hidden' });

      await page.locator('.app-header select').selectOption('es');
      await strip.getByRole('button', { name: '1 en espera: ir a la cola de ayuda' }).waitFor();
      await unfocus(page);
      await page.keyboard.press('a');
      await announced.getByText('Has aceptado a Carmen Customer · Conjunto de rueda delantera. No queda nadie más en espera.').waitFor();
      await page.getByRole('tab', { name: /Carmen Customer/ }).waitFor();
      await strip.getByRole('button', { name: '0 en espera: ir a la cola de ayuda' }).waitFor();
      await page.keyboard.press('?');
      await page.getByRole('dialog', { name: 'Atajos de teclado' }).getByText('Aceptar la siguiente solicitud en espera').waitFor();
      await page.keyboard.press('Escape');
      await waitForTestState(page, (s) => (s.assist.twin?.frames ?? 0) > 10, 'the second twin');
      await screenshot(page, 'agent-queue-strip-390-es');
      expect(await seriousViolations(page)).toEqual([]);

      await page.setViewportSize({ width: 1280, height: 800 });
      await page.evaluate(() => scrollTo(0, 0));
      expect(await inView(page, strip.getByRole('button', { name: '0 en espera: ir a la cola de ayuda' }))).toBe(true);
      await screenshot(page, 'agent-queue-strip-1280-es');
      expect(await seriousViolations(page)).toEqual([]);
      await page.locator('.app-header select').selectOption('en');
      await strip.getByRole('button', { name: '0 waiting: go to the help queue' }).waitFor();
      await screenshot(page, 'agent-queue-strip-1280-en');
    } finally {
      await agent.context.close();
    }
  });
});
