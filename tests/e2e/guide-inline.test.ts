// A customer at home runs the brake-pad guide in the inline 3D view (no WebXR) with the keyboard, goes offline and
// back without losing a step, and a second device of the same person follows the same session live.
import { describe, expect, it } from 'vitest';
import type { GuideProgress } from '../../core/guide-engine.ts';
import { openPage, readTestState, screenshot, waitForTestState, signInThroughUi } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { startGuideTestServer } from '../support/guide-e2e.ts';
import { connectClient, emitWithAck, login } from '../support/test-server.ts';

const e2e = useServerAndBrowser({ startServer: startGuideTestServer });

/** The session's progress as the server keeps it. */
async function serverProgress(sessionId: string): Promise<GuideProgress> {
  const customer = await login(e2e.server, 'customer@demo.local');
  const socket = await connectClient(e2e.server, { token: customer.token });
  try {
    const answer = await emitWithAck<{ ok: true; progress: GuideProgress }>(socket, 'guide:get', { sessionId });
    return answer.progress;
  } finally {
    socket.close();
  }
}

describe('the brake-pad guide in the inline 3D view', () => {
  it('runs by keyboard, lights the step’s parts, queues steps offline and syncs them, and follows on a second device', { timeout: 240_000 }, async () => {
    const { context, page } = await openPage(e2e.browser, `${e2e.server.url}/products/wheel-corner`);
    try {
      await page.getByRole('link', { name: 'Start: Replace front brake pads' }).click();
      await page.waitForURL((url) => url.pathname === '/sign-in' && (url.searchParams.get('next') ?? '').startsWith('/assist/wheel-corner'));
      await page.getByLabel('E-mail').fill('customer@demo.local');
      await page.getByLabel('Password').fill('demo');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL((url) => url.pathname === '/assist/wheel-corner' && url.searchParams.has('session'));
      const sessionId = new URL(page.url()).searchParams.get('session')!;

      const first = await waitForTestState(page, (s) => s.guide.stepId === 'prepare-vehicle' && s.guide.highlightedPartIds.length > 0 && s.viewer.frames > 10, 'the first step lit in the 3D view');
      expect(first.guide.highlightedPartIds).toEqual(['wheel']);
      expect(first.viewer.drawCalls).toBeLessThanOrEqual(60);
      await page.getByTestId('step-of').getByText('Step 1 of 21').waitFor();
      await page.getByTestId('guide-runner').locator('strong', { hasText: 'parking brake' }).waitFor();
      await screenshot(page, 'guide-inline-first-step');

      await page.getByTestId('step-title').focus();
      await page.keyboard.press('ArrowRight');
      await waitForTestState(page, (s) => s.guide.refusedNext === 'warning_unacknowledged', 'Next refused by the warning');
      await page.getByText('Acknowledge the safety warnings to go on.').waitFor();
      expect((await readTestState(page)).guide.stepId).toBe('prepare-vehicle');

      await page.getByTestId('acknowledge-0').check();
      await page.keyboard.press('ArrowRight');
      const second = await waitForTestState(page, (s) => s.guide.stepId === 'loosen-wheel-bolts' && s.guide.highlightedPartIds.join() === 'wheel-bolts', 'step 2 with the wheel bolts lit');
      expect(second.guide.stepNumber).toBe(2);
      await page.keyboard.press('r');
      await waitForTestState(page, (s) => (s.guide.lastSpoken ?? '').startsWith('Loosen the wheel bolts'), 'the step read aloud');
      await page.keyboard.press('ArrowLeft');
      const back = await waitForTestState(page, (s) => s.guide.stepId === 'prepare-vehicle', 'back to step 1');
      expect(back.guide.acknowledgedWarnings).toEqual([0]);
      await page.keyboard.press('ArrowRight');
      await waitForTestState(page, (s) => s.guide.stepId === 'loosen-wheel-bolts', 'step 2 again');
      await page.keyboard.press('Enter');
      await waitForTestState(page, (s) => s.guide.stepId === 'raise-onto-stand' && s.guide.pending === 0, 'step 3, saved');
      await screenshot(page, 'guide-inline-hint');

      await context.setOffline(true);
      await waitForTestState(page, (s) => s.guide.sync === 'offline', 'the guide to notice it is offline');
      await page.getByTestId('acknowledge-0').check();
      await page.keyboard.press('ArrowRight');
      const offline = await waitForTestState(page, (s) => s.guide.stepId === 'remove-wheel', 'step 4 while offline');
      expect(offline.guide.pending).toBe(3);
      await page.getByTestId('guide-sync').getByText('Offline — 3 steps will sync when you are back online.').waitFor();
      expect((await serverProgress(sessionId)).currentStepId).toBe('raise-onto-stand');
      await screenshot(page, 'guide-inline-offline');

      const secondDevice = await openPage(e2e.browser, `${e2e.server.url}/`);
      try {
        await signInThroughUi(secondDevice.page, e2e.server.url, 'customer@demo.local', `/assist/wheel-corner?session=${sessionId}`);
        await waitForTestState(secondDevice.page, (s) => s.guide.stepId === 'raise-onto-stand', 'the other device at the server’s step');
        expect(new URL(secondDevice.page.url()).searchParams.get('session')).toBe(sessionId);
        await secondDevice.page.getByLabel('Language').selectOption('es');
        await secondDevice.page.getByTestId('step-title').getByText('Eleva el coche sobre una borriqueta').waitFor();

        await context.setOffline(false);
        await waitForTestState(page, (s) => s.guide.sync === 'saved' && s.guide.pending === 0, 'the queued steps to sync');
        const synced = await serverProgress(sessionId);
        expect(synced.currentStepId).toBe('remove-wheel');
        expect(synced.history).toEqual(['prepare-vehicle', 'loosen-wheel-bolts', 'raise-onto-stand', 'remove-wheel']);
        expect(synced.acknowledgedWarnings['raise-onto-stand']).toEqual([0]);
        await waitForTestState(secondDevice.page, (s) => s.guide.stepId === 'remove-wheel', 'the other device to follow without a reload');
        await secondDevice.page.getByTestId('step-of').getByText('Paso 4 de 21').waitFor();

        await secondDevice.page.getByTestId('acknowledge-0').check();
        await secondDevice.page.getByTestId('guide-next').click();
        await waitForTestState(page, (s) => s.guide.stepId === 'remove-caliper-bolts', 'this device to follow the other one');
      } finally {
        await secondDevice.context.close();
      }

      await page.reload();
      const resumed = await waitForTestState(page, (s) => s.guide.stepId !== null && s.guide.highlightedPartIds.length > 0, 'the guide after a reload');
      expect(resumed.guide.stepId).toBe('remove-caliper-bolts');
      expect(resumed.guide.highlightedPartIds).toEqual(['caliper-bolt-lower', 'caliper-bolt-upper']);
      expect(new URL(page.url()).searchParams.get('session')).toBe(sessionId);
    } finally {
      await context.close();
    }
  });
});
