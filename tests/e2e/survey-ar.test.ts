// A technician finishes a short guide in emulated AR (a Quest 3 without a DOM overlay, the page inert) and answers the
// survey on the headset's 3D sheet with the controller's ray: the answer is stored on the real server as given on a
// headset, with the guide's context; an operator then sees it in Insights (figures, the chart drawn, the language
// filter, the run among the step's sessions). A Spanish reader sees the sheet in Spanish and skips it with "Ahora no".
// Help asked from the headset's tray and ended by the agent is asked about on the same sheet.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { StoredSurvey } from '../../core/survey.ts';
import type { TestState } from '../../client/src/test-hook.ts';
import { openPage, screenshot, setHeadPose, signInThroughUi, waitForTestState } from '../support/browser.ts';
import { finishTrayGuideInHeadset, lookAtSheet, publishTrayGuide } from '../support/guide-ar-e2e.ts';
import { pressHud } from '../support/hud-e2e.ts';
import { placeOnOpenFloor } from '../support/orders-e2e.ts';
import { acceptHelpOf } from '../support/agent-socket.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { barPixels, figure, openInsights, stepRow } from '../support/insights-e2e.ts';
import { connectClient, emitWithAck, login } from '../support/test-server.ts';

const e2e = useServerAndBrowser();
const GUIDE = 'survey-tray-ar';
let base: string;

beforeAll(async () => {
  base = e2e.server.url.replace('127.0.0.1', 'localhost');
  await publishTrayGuide(e2e.server, GUIDE);
});

const finishGuideInHeadset = (page: Page, email: string, language: 'en' | 'es' = 'en') => finishTrayGuideInHeadset(page, { base, email, guideId: GUIDE, language });

async function mySurveys(email: string): Promise<StoredSurvey[]> {
  const { token } = await login(e2e.server, email);
  const response = await fetch(`${e2e.server.url}/api/surveys`, { headers: { authorization: `Bearer ${token}` } });
  return ((await response.json()) as { surveys: StoredSurvey[] }).surveys;
}

const sheetLabel = (s: TestState, id: string) => (s.ar.hud?.sheet === 'survey' ? s.ar.hud.shown?.buttons.find((button) => button.id === id)?.label : undefined);
const sheetSays = (s: TestState, text: string) => s.ar.hud?.sheet === 'survey' && (s.ar.hud.shown?.texts ?? []).includes(text);

describe('the survey in the headset', () => {
  it('opens as a 3D sheet when the guide is finished and is answered with the controller; stored as from a headset', { timeout: 420_000 }, async () => {
    const { context, page } = await openPage(e2e.browser, `${base}/`, { xr: true, viewport: { width: 480, height: 400 } });
    try {
      await finishGuideInHeadset(page, 'tech@demo.local');
      const asked = await waitForTestState(page, (s) => sheetSays(s, 'How did it go?'), 'the survey sheet');
      expect(asked.ar.sessionActive).toBe(true);
      expect(asked.ar.hud?.shown?.texts).toEqual(expect.arrayContaining(['How satisfied are you with this guide?', 'How likely are you to recommend XR Assist to a friend or colleague?', '1 = Very dissatisfied · 5 = Very satisfied']));
      expect(asked.ar.hud?.shown?.buttons.map((button) => button.id)).toEqual([
        ...['1', '2', '3', '4', '5'].map((n) => `csat:${n}`),
        ...['1', '2', '3', '4', '5', '6', '7'].map((n) => `ces:${n}`),
        ...Array.from({ length: 11 }, (_, n) => `nps:${n}`),
        'survey:skip',
        'survey:send',
      ]);
      expect(await mySurveys('tech@demo.local')).toEqual([]);

      await pressHud(page, 'csat:4', (s) => sheetLabel(s, 'csat:4') === '✓ 4');
      await pressHud(page, 'ces:6', (s) => sheetLabel(s, 'ces:6') === '✓ 6');
      await pressHud(page, 'nps:9', (s) => sheetLabel(s, 'nps:9') === '✓ 9');
      await lookAtSheet(page, 'survey-ar-headset-en');
      await pressHud(page, 'survey:send', (s) => sheetSays(s, 'Thank you! Your answer helps us improve.'));
      await lookAtSheet(page, 'survey-ar-headset-thanks-en');

      const [stored, ...others] = await mySurveys('tech@demo.local');
      expect(others).toEqual([]);
      expect(stored).toMatchObject({ context: 'guide', productId: 'espresso-machine', guideId: GUIDE, guideVersion: 1, stepId: 'push-tray', channel: 'self-service', device: 'headset', language: 'en', csat: 4, ces: 6, nps: 9, comment: null, skipped: false });

      await pressHud(page, 'survey:close', (s) => s.ar.hud?.sheet === null);
      expect((await waitForTestState(page, (s) => s.ar.sessionActive, 'still in AR')).ar.hud?.shown).toBeNull();
    } finally {
      await context.close();
    }

    // An operator sees that answer in Insights: the figures, the chart drawn, the language filter, the run's session.
    const operator = await openPage(e2e.browser, `${e2e.server.url}/`, { viewport: { width: 1280, height: 800 } });
    try {
      const { page } = operator;
      await openInsights(page, e2e.server.url, GUIDE, 'pull-tray');
      await figure(page, 'csat').getByText('100 %', { exact: true }).waitFor();
      await figure(page, 'csat').getByText('1 answer', { exact: true }).waitFor();
      await figure(page, 'nps').getByText('1 answer', { exact: true }).waitFor();
      expect(await stepRow(page, 'pull-tray').locator('td').first().textContent()).toBe('1');
      await expect.poll(() => barPixels(page), { timeout: 10_000 }).toBeGreaterThan(100);
      await page.getByLabel('Session language').selectOption('es');
      await figure(page, 'csat').getByText('0 answers', { exact: true }).waitFor();
      await page.getByLabel('Session language').selectOption('en');
      await figure(page, 'csat').getByText('1 answer', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Show sessions of Pull the tray' }).click();
      const drill = page.getByTestId('insights-step-sessions');
      await drill.getByRole('heading', { name: 'Sessions on “Pull the tray”, slowest first' }).waitFor();
      await expect.poll(() => drill.getByRole('row').count()).toBe(2);
      await screenshot(page, 'survey-ar-insights-en');
    } finally {
      await operator.context.close();
    }
  });

  it('speaks Spanish to a Spanish reader, who skips it with "Ahora no"; the skip is stored', { timeout: 420_000 }, async () => {
    const { context, page } = await openPage(e2e.browser, `${base}/`, { xr: true, viewport: { width: 480, height: 400 } });
    try {
      await finishGuideInHeadset(page, 'customer@demo.local', 'es');
      const asked = await waitForTestState(page, (s) => sheetSays(s, '¿Qué tal ha ido?'), 'the survey sheet in Spanish');
      expect(asked.ar.hud?.shown?.texts).toContain('¿Cuál es tu grado de satisfacción con esta guía?');
      expect(sheetLabel(asked, 'survey:skip')).toBe('Ahora no');
      expect(sheetLabel(asked, 'survey:send')).toBe('Enviar');
      await lookAtSheet(page, 'survey-ar-headset-es');
      await pressHud(page, 'survey:skip', (s) => sheetSays(s, 'De acuerdo: no volveremos a preguntarte por esto.'));
      expect(await mySurveys('customer@demo.local')).toEqual([expect.objectContaining({ guideId: GUIDE, skipped: true, csat: null, device: 'headset', language: 'es' })]);
    } finally {
      await context.close();
    }
  });
  it('asks about the help once an agent has ended it, on the 3D sheet; stored as help from a headset', { timeout: 420_000 }, async () => {
    const { context, page } = await openPage(e2e.browser, `${base}/`, { xr: true, viewport: { width: 480, height: 400 } });
    const agent = await connectClient(e2e.server, { token: (await login(e2e.server, 'agent@demo.local')).token });
    try {
      // Another product than the tray guide's, whose session the first test finished.
      await signInThroughUi(page, base, 'tech@demo.local', '/assist/wheel-corner?guide=wheel-corner-brake-pads');
      await waitForTestState(page, (s) => s.guide.stepId === 'prepare-vehicle', 'the first step of the brake-pad guide');
      await setHeadPose(page, [0, 1.6, 0], [0, 0, 0, 1]);
      await page.getByTestId('enter-ar').click();
      await waitForTestState(page, (s) => s.ar.sessionActive && s.ar.domOverlay === null && s.ar.hud?.tray !== null, 'the headset AR session with its HUD');
      await placeOnOpenFloor(page);
      const waiting = await pressHud(page, 'assist:help', (s) => s.assist.help?.phase === 'waiting');
      const sessionId = waiting.assist.help!.sessionId;

      const requestId = await acceptHelpOf(agent, sessionId);
      await waitForTestState(page, (s) => s.assist.help?.phase === 'active', 'the agent helping');
      expect((await emitWithAck<{ ok: boolean }>(agent, 'help:end', { requestId })).ok).toBe(true);

      const asked = await waitForTestState(page, (s) => sheetSays(s, 'How satisfied are you with the help you got?'), 'the help survey sheet');
      expect(asked.ar.sessionActive).toBe(true);
      await pressHud(page, 'csat:5', (s) => sheetLabel(s, 'csat:5') === '✓ 5');
      await pressHud(page, 'survey:send', (s) => sheetSays(s, 'Thank you! Your answer helps us improve.'));
      const help = (await mySurveys('tech@demo.local')).filter((answer) => answer.context === 'help');
      expect(help).toEqual([expect.objectContaining({ contextId: sessionId, productId: 'wheel-corner', device: 'headset', language: 'en', csat: 5, skipped: false })]);
    } finally {
      agent.close();
      await context.close();
    }
  });
});
