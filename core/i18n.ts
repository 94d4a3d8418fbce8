// Languages the product speaks and the localized-text shape used in catalog and guide data.
import { z } from 'zod';
import { LANGUAGES, type Language } from './languages.ts';

export { LANGUAGES, type Language } from './languages.ts';
export const LanguageSchema = z.enum(LANGUAGES);

/** Text in both languages: every user-facing string in seed data carries an English and a Spanish form. */
export const LocalizedTextSchema = z.object({ en: z.string().min(1), es: z.string().min(1) });
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export function localize(text: LocalizedText, language: Language): string {
  return text[language];
}
