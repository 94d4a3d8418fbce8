// Locale-aware formatting of prices and dimensions.
import type { Dimensions } from '../../../core/catalog.ts';
import type { Language } from '../../../core/i18n.ts';

const LOCALES: Record<Language, string> = { en: 'en-IE', es: 'es-ES' };

export function formatPrice(cents: number, language: Language): string {
  return new Intl.NumberFormat(LOCALES[language], { style: 'currency', currency: 'EUR' }).format(cents / 100);
}

export function dimensionsInCm(dimensions: Dimensions): { width: string; height: string; depth: string } {
  const cm = (metres: number) => String(Math.round(metres * 1000) / 10);
  return { width: cm(dimensions.width), height: cm(dimensions.height), depth: cm(dimensions.depth) };
}
