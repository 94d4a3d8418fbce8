// The translation layer: English and Spanish, picked from the browser or the user's choice, kept in localStorage.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../core/languages.ts';
import enCommon from './locales/en/common.json';
import esCommon from './locales/es/common.json';
import enCatalog from './locales/en/catalog.json';
import esCatalog from './locales/es/catalog.json';
import enOrders from './locales/en/orders.json';
import esOrders from './locales/es/orders.json';
import enGuide from './locales/en/guide.json';
import esGuide from './locales/es/guide.json';
import enAssist from './locales/en/assist.json';
import esAssist from './locales/es/assist.json';

const STORAGE_KEY = 'xr-assist.language';

export const resources = {
  en: { common: enCommon, catalog: enCatalog, orders: enOrders, guide: enGuide, assist: enAssist },
  es: { common: esCommon, catalog: esCatalog, orders: esOrders, guide: esGuide, assist: esAssist },
} as const;

export function detectLanguage(): Language {
  const stored = localStorage.getItem(STORAGE_KEY);
  if (stored && (LANGUAGES as readonly string[]).includes(stored)) return stored as Language;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.slice(0, 2).toLowerCase();
    if ((LANGUAGES as readonly string[]).includes(base)) return base as Language;
  }
  return 'en';
}

export async function setupI18n(): Promise<typeof i18next> {
  const lng = detectLanguage();
  await i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'en',
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  return i18next;
}

export async function changeLanguage(language: Language): Promise<void> {
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}

export function currentLanguage(): Language {
  return (i18next.resolvedLanguage ?? 'en') as Language;
}
