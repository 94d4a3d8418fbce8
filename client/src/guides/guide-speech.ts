// Reads a step aloud in the current language with the browser's speech synthesis, where it exists.
import type { Language } from '../../../core/languages.ts';
import type { GuideStep } from '../../../core/guide.ts';
import { plainGuideText } from './guide-text.tsx';

const VOICE_LANGUAGE: Record<Language, string> = { en: 'en-US', es: 'es-ES' };

export function stepSpeech(step: GuideStep, language: Language, extra: readonly string[] = []): string {
  const parts = [step.title[language], step.text[language], ...step.warnings.map((warning) => warning[language])];
  if (step.check?.kind === 'measurement') parts.push(step.check.label[language]);
  if (step.question) parts.push(step.question.prompt[language], ...step.question.answers.map((answer) => answer.label[language]));
  return [...parts, ...extra].map(plainGuideText).join('. ').replace(/\.\s*\./g, '.');
}

/** Speaks `text`, cutting off anything still being read; false when the browser cannot speak. */
export function speak(text: string, language: Language): boolean {
  if (typeof window === 'undefined' || !('speechSynthesis' in window)) return false;
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = VOICE_LANGUAGE[language];
  const voice = window.speechSynthesis.getVoices().find((candidate) => candidate.lang.startsWith(language));
  if (voice) utterance.voice = voice;
  window.speechSynthesis.cancel();
  window.speechSynthesis.speak(utterance);
  return true;
}

export function stopSpeaking(): void {
  if (typeof window !== 'undefined' && 'speechSynthesis' in window) window.speechSynthesis.cancel();
}
