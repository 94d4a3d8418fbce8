// The page's voice store: on/off from any UI, commands reach the page, the language follows, errors turn it off, and
// destroy stops the recogniser. The browser's speech engine is stood in for by a scripted recogniser.
import { describe, expect, it } from 'vitest';
import { createVoiceStore, type RecognitionConstructor } from '../../client/src/guides/voice-store.ts';

interface Scripted {
  lang: string;
  running: boolean;
  say(transcript: string): void;
  fail(error: string): void;
}

function scriptedEngine() {
  const made: Scripted[] = [];
  class Engine {
    lang = '';
    continuous = false;
    interimResults = true;
    running = false;
    onresult: ((event: { resultIndex: number; results: Array<{ isFinal: boolean; 0: { transcript: string } }> }) => void) | null = null;
    onerror: ((event: { error: string }) => void) | null = null;
    onend: (() => void) | null = null;
    constructor() {
      made.push(this);
    }
    start() {
      this.running = true;
    }
    stop() {
      this.running = false;
    }
    say(transcript: string) {
      this.onresult?.({ resultIndex: 0, results: [{ isFinal: true, 0: { transcript } }] });
    }
    fail(error: string) {
      this.onerror?.({ error });
    }
  }
  return { Engine: Engine as unknown as RecognitionConstructor, made };
}

describe('createVoiceStore', () => {
  it('listens when turned on, passes commands, follows the language and stops when destroyed', () => {
    const { Engine, made } = scriptedEngine();
    const heard: string[] = [];
    const voice = createVoiceStore({ language: 'en', onCommand: (command) => heard.push(command), recognition: Engine });
    expect(voice.getState()).toMatchObject({ available: true, listening: false });
    voice.toggle();
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({ lang: 'en-US', running: true });
    made[0]!.say('next');
    voice.setLanguage('es');
    expect(made[0]!.running).toBe(false);
    expect(made[1]).toMatchObject({ lang: 'es-ES', running: true });
    made[1]!.say('atrás');
    expect(heard).toEqual(['next', 'back']);
    voice.destroy();
    expect(made[1]!.running).toBe(false);
    expect(voice.getState().listening).toBe(false);
  });

  it('turns itself off with the reason when the engine fails, and is unavailable without one', () => {
    const { Engine, made } = scriptedEngine();
    const voice = createVoiceStore({ language: 'en', onCommand: () => undefined, recognition: Engine });
    voice.setListening(true);
    made[0]!.fail('not-allowed');
    expect(voice.getState()).toMatchObject({ listening: false, error: 'not-allowed' });
    expect(createVoiceStore({ language: 'en', onCommand: () => undefined, recognition: null }).getState().available).toBe(false);
  });
});
