// Dates and times of orders in the person's language.
import type { Language } from '../../../core/languages.ts';

const LOCALES: Record<Language, string> = { en: 'en-IE', es: 'es-ES' };

export function formatDateTime(at: number, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short' }).format(at);
}
