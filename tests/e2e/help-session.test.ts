// Asking for help from the browser: nobody online → callback request; then an agent online → queue place, accept from
// the keyboard, chat both ways, a pointed part, a highlight, a suggested step, a proposed cart, the end and the transcript
// turned into a draft guide. Also the console in Spanish.
import { beforeAll, describe, expect, it } from 'vitest';
import { openPage, screenshot, waitForTestState } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { signInThroughUi } from '../support/orders-e2e.ts';
import { signIn } from '../support/orders-api.ts';

const e2e = useServerAndBrowser();
let base: string;

beforeAll(async () => {
  base = e2e.server.url.replace('127.0.0.1', 'localhost');
});

describe('live help in the browser', () => {
  it('offers a callback when nobody is online, then queues, connects, chats, points, suggests a step, proposes parts and ends with a transcript', { timeout: 240_000 }, async () => {
    const tech = await openPage(e2e.browser, `${base}/`);
    try {
      const a = tech.page;
      await signInThroughUi(a, base, 'tech@demo.local', '/help/wheel-corner?guide=wheel-corner-brake-pads');
      await a.getByTestId('get-help').click();
      await a.getByText('No agent is online right now.').waitFor();
      await a.getByLabel('What do you need help with?').fill('Caliper bolt will not come out');
      await a.getByLabel('Phone number (optional)').fill('+34 600 000 000');
      await a.getByRole('button', { name: 'Ask for a callback' }).click();
      await a.getByText('Thanks — an agent will get back to you.').waitFor();
      const api = await signIn(e2e.server, 'agent@demo.local');
      const { body } = await api.get<{ callbacks: Array<{ note: string; phone: string | null; productId: string }> }>('/api/help/callbacks');
      expect(body.callbacks).toContainEqual(expect.objectContaining({ note: 'Caliper bolt will not come out', phone: '+34 600 000 000', productId: 'wheel-corner' }));
      await a.getByRole('button', { name: 'Cancel the request' }).click();
      await waitForTestState(a, (s) => s.assist.help?.phase === 'ended' || s.assist.help?.phase === 'idle', 'the request to be withdrawn');

      const agent = await openPage(e2e.browser, `${base}/`, { viewport: { width: 1500, height: 1000 } });
      try {
        const b = agent.page;
        await signInThroughUi(b, base, 'agent@demo.local', '/agent');
        await b.getByText('Nobody is waiting.').waitFor();

        await a.getByTestId('get-help').click();
        await a.getByText(/You are number 1 in the queue\. Estimated wait: about \d+ min\./).waitFor();
        const item = b.getByTestId('queue-list').getByRole('listitem').filter({ hasText: 'Tomás Technician' });
        await item.waitFor();
        await b.getByTestId('queue-announcement').getByText('New help request from Tomás Technician about Front wheel corner.').waitFor();
        expect(await item.innerText()).toMatch(/English/);

        await item.getByRole('button', { name: 'Accept Tomás Technician' }).focus();
        await b.keyboard.press('Enter');
        await a.getByText('Alex Agent is helping you.').waitFor();
        await b.getByRole('tab', { name: /Tomás Technician/ }).waitFor();

        await a.getByLabel('Message').fill('The upper bolt is seized');
        await a.getByLabel('Message').press('Enter');
        await b.getByTestId('chat-lines').getByText('The upper bolt is seized').waitFor();
        await b.getByLabel('Message').fill('Try penetrating oil, then a 7 mm hex');
        await b.getByRole('button', { name: 'Send' }).click();
        await a.getByTestId('chat-lines').getByText('Try penetrating oil, then a 7 mm hex').waitFor();

        await a.getByLabel('Show the agent a part').selectOption({ label: 'Upper caliper guide bolt' });
        await a.getByRole('button', { name: 'Point at it' }).click();
        await b.getByText('Tomás Technician points at: Upper caliper guide bolt').waitFor();

        await b.getByRole('tab', { name: 'Parts' }).click();
        await b.getByRole('button', { name: 'Highlight Brake pads (axle set) for the requester' }).click();
        await waitForTestState(a, (s) => s.assist.scenes.inline?.highlightedPartId === 'brake-pads', 'the highlight on the technician’s model');

        await b.getByRole('tab', { name: 'Guide steps' }).click();
        await b.getByRole('button', { name: 'Suggest the step Remove the lower caliper bolt' }).click();
        await a.getByTestId('pushed-step').getByText('Alex Agent suggests the step “Remove the lower caliper bolt”.').waitFor();
        await b.locator('.twin-caption').getByText(/^Step \d+ of \d+: Remove the lower caliper bolt$/).waitFor();

        await b.getByLabel('Circle').check();
        await b.getByRole('tab', { name: 'Parts' }).click();
        await b.getByRole('button', { name: 'Place the Circle on Brake caliper' }).press('Enter');
        const circled = await waitForTestState(a, (s) => s.assist.scenes.inline?.items.some((item) => item.kind === 'circle') === true, 'the circle on the technician’s model');
        expect(circled.assist.scenes.inline!.items.find((item) => item.kind === 'circle')?.partId).toBe('caliper');

        await b.getByRole('tab', { name: 'Cart' }).click();
        await b.getByRole('button', { name: /^Upper caliper guide bolt \(.+\): one more$/ }).click();
        await b.getByLabel('Note for the requester').fill('A new bolt, the old thread is damaged');
        await b.getByRole('button', { name: 'Propose these parts' }).click();
        await a.getByRole('region', { name: 'Your agent proposes' }).getByText('“A new bolt, the old thread is damaged”').waitFor();
        await screenshot(a, 'help-technician-with-agent');
        await screenshot(b, 'help-agent-workspace');

        await b.getByRole('button', { name: 'End help' }).click();
        await a.getByText('The help has ended. Thank you!').waitFor();
        const transcript = b.getByTestId('transcript');
        await transcript.getByText('Tomás Technician: The upper bolt is seized').waitFor();
        await transcript.getByText('Alex Agent suggested the step remove-caliper-bolts').waitFor();
        await b.getByRole('button', { name: 'Save as guide' }).click();
        await b.getByTestId('draft-guide').waitFor();
        expect(await b.getByTestId('draft-guide').innerText()).toMatch(/Draft guide “.+” with \d+ steps is ready\./);
      } finally {
        await agent.context.close();
      }
    } finally {
      await tech.context.close();
    }
  });

  it('runs the agent console in Spanish', async () => {
    const { context, page } = await openPage(e2e.browser, `${base}/`, { locale: 'es-ES' });
    try {
      await page.goto(`${base}/sign-in?next=${encodeURIComponent('/agent')}`);
      await page.getByLabel('Correo electrónico').fill('agent.es@demo.local');
      await page.locator('input[type=password]').fill('demo');
      await page.locator('button[type=submit]').click();
      await page.getByRole('heading', { name: 'Cola de ayuda' }).waitFor();
      await page.getByText('No hay nadie esperando.').waitFor();
    } finally {
      await context.close();
    }
  });
});
