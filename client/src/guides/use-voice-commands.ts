// Listens for "next", "back", "repeat" (and the Spanish words) where the browser has speech recognition; opt-in.
import { useCallback, useEffect, useRef, useState } from 'react';
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

type RecognitionConstructor = new () => Recognition;

function recognitionConstructor(): RecognitionConstructor | null {
  if (typeof window === 'undefined') return null;
  const scope = window as unknown as { SpeechRecognition?: RecognitionConstructor; webkitSpeechRecognition?: RecognitionConstructor };
  return scope.SpeechRecognition ?? scope.webkitSpeechRecognition ?? null;
}

export interface VoiceCommands {
  available: boolean;
  listening: boolean;
  error: string | null;
  toggle(): void;
}

export function useVoiceCommands(language: Language, onCommand: (command: GuideCommand) => void): VoiceCommands {
  const [listening, setListening] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const recognition = useRef<Recognition | null>(null);
  const handler = useRef(onCommand);
  useEffect(() => {
    handler.current = onCommand;
  }, [onCommand]);
  const Constructor = recognitionConstructor();

  useEffect(() => {
    if (!listening || !Constructor) return;
    const instance = new Constructor();
    instance.lang = language === 'es' ? 'es-ES' : 'en-US';
    instance.continuous = true;
    instance.interimResults = false;
    let stopped = false;
    instance.onresult = (event) => {
      for (let index = event.resultIndex; index < event.results.length; index += 1) {
        const result = event.results[index];
        const command = result?.isFinal ? voiceCommandOf(result[0].transcript) : null;
        if (command) handler.current(command);
      }
    };
    instance.onerror = (event) => {
      if (event.error === 'no-speech' || event.error === 'aborted') return;
      stopped = true;
      setError(event.error);
      setListening(false);
    };
    instance.onend = () => {
      if (!stopped) instance.start();
    };
    try {
      instance.start();
      recognition.current = instance;
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
      setListening(false);
    }
    return () => {
      stopped = true;
      instance.onend = null;
      instance.stop();
      recognition.current = null;
    };
  }, [listening, language, Constructor]);

  const toggle = useCallback(() => {
    setError(null);
    setListening((value) => !value);
  }, []);

  return { available: Constructor !== null, listening, error, toggle };
}
