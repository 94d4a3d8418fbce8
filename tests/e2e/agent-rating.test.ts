// An agent ends a help in the console and is asked to rate it: by keyboard alone (arrow keys in the radio groups, Tab,
// Enter) they say how hard it was, whether the part and manual information was enough and add a note; the rating is
// stored on the real server (read back over HTTP) and the form says so. A second help is rated in Spanish on a phone.
// axe finds nothing serious; screenshots in en and es at 1280×800 and 390×844.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { StoredAgentRating } from '../../core/agent-rating.ts';
import { seriousViolations } from '../support/axe.ts';
import { openPage, screenshot, signInThroughUi } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
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

/** A technician's socket asks for help on the wheel corner; returns the request's id. */
async function askForHelp(language: 'en' | 'es'): Promise<string> {
  const { token } = await login(e2e.server, 'tech@demo.local');
  const socket = await connectClient(e2e.server, { token });
  sockets.push(socket);
  const created = await emitWithAck<{ ok: boolean; state: { session: { id: string } } }>(socket, 'session:create', { productId: 'wheel-corner', language });
  const asked = await emitWithAck<{ ok: boolean; requestId: string }>(socket, 'help:request', { sessionId: created.state.session.id, context: { productId: 'wheel-corner', language } });
  expect(asked.ok).toBe(true);
  return asked.requestId;
}

async function ratings(): Promise<StoredAgentRating[]> {
  const { token } = await login(e2e.server, 'agent@demo.local');
  const response = await fetch(`${e2e.server.url}/api/surveys/agent-ratings`, { headers: { authorization: `Bearer ${token}` } });
  return ((await response.json()) as { ratings: StoredAgentRating[] }).ratings;
}

async function acceptAndEnd(page: Page, accept: string, end: string): Promise<void> {
  await page.getByRole('button', { name: `${accept} Tomás Technician` }).first().click();
  await page.getByRole('button', { name: end }).click();
}

describe('the agent’s rating of a finished help', () => {
  it('is asked when the agent ends the help, answered by keyboard, stored before it says so', { timeout: 240_000 }, async () => {
    const requestId = await askForHelp('en');
    const { context, page } = await openPage(e2e.browser, `${base}/`, { viewport: { width: 1280, height: 800 } });
    try {
      await signInThroughUi(page, base, 'agent@demo.local', '/agent');
      await acceptAndEnd(page, 'Accept', 'End help');
      const form = page.getByTestId('agent-rating');
      await form.getByRole('heading', { name: 'Rate this help' }).waitFor();
      expect(await seriousViolations(page)).toEqual([]);
      await form.scrollIntoViewIfNeeded();
      await screenshot(page, 'agent-rating-desktop-en');
      await page.getByLabel('Language').selectOption('es');
      await form.getByRole('heading', { name: 'Valora esta ayuda' }).waitFor();
      await screenshot(page, 'agent-rating-desktop-es');
      await page.getByLabel('Idioma').selectOption('en');
      await form.getByRole('heading', { name: 'Rate this help' }).waitFor();

      await form.getByRole('button', { name: 'Save rating' }).press('Enter');
      await form.getByRole('alert').getByText('Choose how hard it was and whether the information was enough.').waitFor();
      await form.getByRole('radiogroup', { name: 'How hard was this session?' }).getByRole('radio', { name: '3' }).focus();
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Tab');
      await page.keyboard.type('No torque value for the caliper bolts.');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      await page.getByTestId('agent-rating-done').getByText('Thanks — your rating is saved.').waitFor();

      expect(await ratings()).toEqual([expect.objectContaining({ requestId, productId: 'wheel-corner', difficulty: 4, infoEnough: false, note: 'No torque value for the caliper bolts.' })]);
    } finally {
      await context.close();
    }
  });

  it('fits a phone in en and es, and is answered in Spanish with taps', { timeout: 240_000 }, async () => {
    const requestId = await askForHelp('es');
    const { context, page } = await openPage(e2e.browser, `${base}/`, { viewport: { width: 390, height: 844 } });
    try {
      await signInThroughUi(page, base, 'agent@demo.local', '/agent');
      await acceptAndEnd(page, 'Accept', 'End help');
      const form = page.getByTestId('agent-rating');
      await form.getByRole('heading', { name: 'Rate this help' }).waitFor();
      await form.scrollIntoViewIfNeeded();
      await screenshot(page, 'agent-rating-phone-en');
      await page.getByLabel('Language').selectOption('es');
      await form.getByRole('heading', { name: 'Valora esta ayuda' }).waitFor();
      await form.scrollIntoViewIfNeeded();
      expect(await seriousViolations(page)).toEqual([]);
      await screenshot(page, 'agent-rating-phone-es');
      await form.getByRole('radiogroup', { name: '¿Qué dificultad tuvo esta sesión?' }).getByRole('radio', { name: '1 – Muy fácil' }).locator('..').click();
      await form.getByRole('group', { name: '¿Fue suficiente la información de piezas y manuales?' }).getByText('Sí').click();
      await form.getByRole('button', { name: 'Guardar valoración' }).click();
      await page.getByTestId('agent-rating-done').getByText('Gracias: tu valoración está guardada.').waitFor();
      await screenshot(page, 'agent-rating-phone-es-done');
      expect((await ratings()).find((rating) => rating.requestId === requestId)).toMatchObject({ difficulty: 1, infoEnough: true, note: null });
    } finally {
      await context.close();
    }
  });
});
