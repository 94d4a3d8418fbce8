// Locale-aware formatting of prices, dimensions, sizes and moments.
import type { Dimensions } from '../../../core/catalog.ts';
import type { Language } from '../../../core/languages.ts';

const LOCALES: Record<Language, string> = { en: 'en-IE', es: 'es-ES' };

export function formatPrice(cents: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

/** A stored size such as "1.2 MB" / "1,2 MB" (decimal units, as browsers show storage). */
export function formatBytes(bytes: number, language: Language): string {
  const [unit, size] = bytes >= 1e9 ? (['gigabyte', 1e9] as const) : bytes >= 1e6 ? (['megabyte', 1e6] as const) : (['kilobyte', 1e3] as const);
  return new Intl.NumberFormat(LOCALES[language], { style: 'unit', unit, maximumFractionDigits: 1 }).format(bytes / size);
}

/** A date and time such as "23 Nov 2026, 14:05" / "23 nov 2026, 14:05". */
export function formatDateTime(epochMs: number, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium', timeStyle: 'short' }).format(epochMs);
}

/** A date such as "23 Nov 2026" / "23 nov 2026". */
export function formatDate(epochMs: number, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'medium' }).format(epochMs);
}

/** A time of day such as "14:05:09". */
export function formatTime(epochMs: number, language: Language): string {
  return new Intl.DateTimeFormat(LOCALES[language], { timeStyle: 'medium' }).format(epochMs);
}

export function dimensionsInCm(dimensions: Dimensions): { width: string; height: string; depth: string } {
  const cm = (metres: number) => String(Math.round(metres * 1000) / 10);
  return { width: cm(dimensions.width), height: cm(dimensions.height), depth: cm(dimensions.depth) };
}

/** A length in metres as centimetres with up to two decimals, in the language's number style ("8.4" / "8,4"). */
export function formatCentimetres(metres: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 2 }).format(Math.round(metres * 10000) / 100);
}

/** A country's name from its ISO code, in the chosen language ("ES" → "Spain" / "España"). */
export function formatCountry(code: string, language: Language): string {
  try {
    return new Intl.DisplayNames([LOCALES[language]], { type: 'region' }).of(code) ?? code;
  } catch {
    return code;
  }
}
