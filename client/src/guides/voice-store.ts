// The page's voice commands: one speech recogniser for the page (not for one view of it), so "next", "back" and
// "repeat" (and the Spanish words) keep working when the inline runner gives way to AR. Opt-in; the 2D toggle and the
// 3D HUD turn it on and off through `setListening` / `toggle`.
import { createStore } from 'zustand/vanilla';
import type { Language } from '../../../core/languages.ts';
import { voiceCommandOf, type GuideCommand } from './voice-commands.ts';

interface RecognitionResultList {
  length: number;
  [index: number]: { isFinal: boolean; 0: { transcript: string } };
}

interface Recognition {
  lang: string;
  continuous: boolean;
  interimResults: boolean;
  onresult: ((event: { resultIndex: number; results: RecognitionResultList }) => void) | null;
  onerror: ((event: { error: string }) => void) | null;
  onend: (() => void) | null;
  start(): void;
  stop(): void;
}

export type RecognitionConstructor = new () => Recognition;

function recognitionConstructor(): RecognitionConstructor | null {
  if (typeof window === 'undefined') return null;
  const scope = window as unknown as { SpeechRecognition?: RecognitionConstructor; webkitSpeechRecognition?: RecognitionConstructor };
  return scope.SpeechRecognition ?? scope.webkitSpeechRecognition ?? null;
}

export interface VoiceState {
  /** The browser can recognise speech. */
  available: boolean;
  listening: boolean;
  error: string | null;
  language: Language;
}

export interface VoiceOptions {
  language: Language;
  onCommand: (command: GuideCommand) => void;
  /** @default the browser's SpeechRecognition, or null where it has none */
  recognition?: RecognitionConstructor | null;
}

export function createVoiceStore({ language, onCommand, recognition = recognitionConstructor() }: VoiceOptions) {
  const store = createStore<VoiceState>(() => ({ available: recognition !== null, listening: false, error: null, language }));
  let instance: Recognition | null = null;

  const stop = () => {
    if (!instance) return;
    const current = instance;
    instance = null;
    current.onend = null;
    current.onerror = null;
    current.stop();
  };

  const start = () => {
    if (!recognition) return;
    const created = new recognition();
    created.lang = store.getState().language === 'es' ? 'es-ES' : 'en-US';
    created.continuous = true;
    created.interimResults = false;
    created.onresult = (event) => {
      for (let index = event.resultIndex; index < event.results.length; index += 1) {
        const result = event.results[index];
        const command = result?.isFinal ? voiceCommandOf(result[0].transcript) : null;
        if (command) onCommand(command);
      }
    };
    created.onerror = (event) => {
      if (event.error === 'no-speech' || event.error === 'aborted') return;
      stop();
      store.setState({ listening: false, error: event.error });
    };
    created.onend = () => {
      if (instance === created) created.start();
    };
    try {
      created.start();
      instance = created;
    } catch (failure) {
      store.setState({ listening: false, error: failure instanceof Error ? failure.message : String(failure) });
    }
  };

  const setListening = (on: boolean) => {
    if (on === store.getState().listening) return;
    store.setState({ listening: on, error: null });
    if (on) start();
    else stop();
  };

  return {
    getState: store.getState,
    subscribe: store.subscribe,
    setListening,
    toggle: () => setListening(!store.getState().listening),
    /** Listens in this language from now on (restarts a running recogniser). */
    setLanguage(next: Language) {
      if (next === store.getState().language) return;
      store.setState({ language: next });
      if (instance) {
        stop();
        start();
      }
    },
    destroy() {
      stop();
      store.setState({ listening: false });
    },
  };
}

export type VoiceStore = ReturnType<typeof createVoiceStore>;
