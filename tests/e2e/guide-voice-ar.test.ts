// Voice commands belong to the page: turned on in the inline runner, they still drive the guide after entering AR
// (where the inline runner is gone); in a headset a tray button turns the same switch on and off. Headless Chromium has no speech engine, so the test installs a scripted one before
// the page loads — as IWER stands in for the headset — and "says" words through it.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { TestState } from '../../client/src/test-hook.ts';
import { openPage, screenshot, setHeadPose, settle, signInThroughUi, waitForTestState } from '../support/browser.ts';
import { pressHud, waitForHudButton } from '../support/hud-e2e.ts';
import { useServerAndBrowser } from '../support/server-and-browser.ts';
import { placeOnOpenFloor, startGuideTestServer } from '../support/guide-e2e.ts';

const e2e = useServerAndBrowser({ startServer: startGuideTestServer });

function installSpeechEngine(): void {
  type Result = { isFinal: boolean; 0: { transcript: string } };
  const running = new Set<ScriptedRecognition>();
  class ScriptedRecognition {
    lang = '';
    continuous = false;
    interimResults = false;
    onresult: ((event: { resultIndex: number; results: Result[] }) => void) | null = null;
    onerror: ((event: { error: string }) => void) | null = null;
    onend: (() => void) | null = null;
    start() {
      running.add(this);
    }
    stop() {
      running.delete(this);
    }
  }
  const scope = window as unknown as { SpeechRecognition: unknown; webkitSpeechRecognition: unknown; __say: (words: string) => number };
  scope.SpeechRecognition = ScriptedRecognition;
  scope.webkitSpeechRecognition = ScriptedRecognition;
  scope.__say = (words) => {
    for (const recognition of running) recognition.onresult?.({ resultIndex: 0, results: [{ isFinal: true, 0: { transcript: words } }] });
    return running.size;
  };
}

const voiceButton = (s: TestState) => s.ar.hud?.tray?.buttons.find((button) => button.id === 'guide:voice');
const say = (page: Page, words: string) => page.evaluate((spoken) => (window as unknown as { __say: (w: string) => number }).__say(spoken), words);

describe('voice commands in AR', () => {
  it('keep working after the inline runner gives way to AR', { timeout: 180_000 }, async () => {
    const { context, page } = await openPage(e2e.browser, 'about:blank', { xr: true, viewport: { width: 480, height: 400 } });
    try {
      await context.addInitScript(installSpeechEngine);
      await signInThroughUi(page, e2e.server.url, 'tech@demo.local', '/assist/wheel-corner?guide=wheel-corner-brake-pads&asset=voice-test');
      await page.getByTestId('guide-runner').waitFor();
      await page.getByRole('button', { name: 'Voice commands' }).click();
      await page.getByText('Listening').first().waitFor();
      expect(await say(page, 'back')).toBe(1);

      await setHeadPose(page, [0, 1.6, 0], [0, 0, 0, 1]);
      await page.getByTestId('enter-ar').click();
      await waitForTestState(page, (s) => s.ar.sessionActive, 'the AR session to start');
      await placeOnOpenFloor(page);
      const before = await waitForTestState(page, (s) => s.guide.stepId === 'prepare-vehicle', 'the first step in AR');
      expect(before.guide.refusedNext).toBeNull();

      expect(await say(page, 'next'), 'one recogniser still listening in AR').toBe(1);
      await waitForTestState(page, (s) => s.guide.refusedNext === 'warning_unacknowledged', 'the spoken "next" to reach the guide (refused by the step’s warning)');
    } finally {
      await context.close();
    }
  });

  it('are turned on and off from the headset tray, the same switch as the inline runner’s', { timeout: 180_000 }, async () => {
    const { context, page } = await openPage(e2e.browser, 'about:blank', { xr: true, viewport: { width: 480, height: 400 } });
    try {
      await context.addInitScript(installSpeechEngine);
      await signInThroughUi(page, e2e.server.url, 'tech@demo.local', '/assist/wheel-corner?guide=wheel-corner-brake-pads&asset=voice-tray-test');
      await page.getByTestId('guide-runner').waitFor();
      expect((await waitForTestState(page, (s) => s.guide.stepId === 'prepare-vehicle', 'the first step')).guide.voice).toEqual({ available: true, listening: false, error: null });

      await setHeadPose(page, [0, 1.6, 0], [0, 0, 0, 1]);
      await page.getByTestId('enter-ar').click();
      const off = await waitForHudButton(page, 'guide:voice');
      expect(off.ar.domOverlay).toBeNull();
      expect(voiceButton(off)).toMatchObject({ label: 'Voice: off', enabled: true });
      expect(await say(page, 'next'), 'nothing listens yet').toBe(0);

      const on = await pressHud(page, 'guide:voice', (s) => s.guide.voice?.listening === true && voiceButton(s)?.label === 'Voice: on');
      expect(on.ar.sessionActive).toBe(true);
      await settle(page, 6);
      await screenshot(page, 'hud-voice-on-en');
      expect(await say(page, 'next'), 'one recogniser listening').toBe(1);
      await waitForTestState(page, (s) => s.guide.refusedNext === 'warning_unacknowledged', 'the spoken "next" to reach the guide (refused by the step’s warning)');

      await pressHud(page, 'guide:voice', (s) => s.guide.voice?.listening === false && voiceButton(s)?.label === 'Voice: off');
      expect(await say(page, 'next'), 'no recogniser once turned off').toBe(0);
      await pressHud(page, 'guide:voice', (s) => s.guide.voice?.listening === true);
      await pressHud(page, 'ar:leave', (s) => !s.ar.sessionActive);
      await page.getByRole('button', { name: 'Stop voice commands', pressed: true }).waitFor();
    } finally {
      await context.close();
    }
  });
});
