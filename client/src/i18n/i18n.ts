// The translation layer: English and Spanish, picked from the browser or the user's choice, kept in localStorage.
import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../core/languages.ts';

const STORAGE_KEY = 'xr-assist.language';
/** What the catalog and a product page show; every other namespace loads when a component first asks for it. */
const FIRST_NAMESPACES = ['common', 'catalog'] as const;
/** Namespaces of rooms a visitor may never open; a page preloads its own beside its code. */
export type LaterNamespace = 'orders' | 'guide' | 'assist' | 'studio' | 'backOffice' | 'survey' | 'emulator' | 'insights' | 'offline' | 'activity' | 'account';

/** One chunk per language and namespace: a visitor downloads the translations of their language only. */
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json');

/** Reads a namespace from its chunk; i18next asks for every namespace in use again when the language changes. */
const chunkBackend: BackendModule = {
  type: 'backend',
  callbackApi: false,
  init() {},
  async read(language: string, namespace: string) {
    const load = files[`./locales/${language}/${namespace}.json`];
    if (!load) throw new Error(`missing translations ${language}/${namespace}`);
    return (await load()).default;
  },
};

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
  await i18next
    .use(chunkBackend)
    .use(initReactI18next)
    .init({
      lng,
      // Both languages carry every key: a Spanish reader never downloads the English translations as a fallback.
      fallbackLng: false,
      ns: [...FIRST_NAMESPACES],
      defaultNS: 'common',
      interpolation: { escapeValue: false },
      returnNull: false,
    });
  document.documentElement.lang = lng;
  return i18next;
}

export async function changeLanguage(language: Language): Promise<void> {
  await i18next.changeLanguage(language);
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
}

export function currentLanguage(): Language {
  return (i18next.resolvedLanguage ?? 'en') as Language;
}

/** Loads namespaces before the components that use them ask (in the current language and every one switched to later). */
export async function loadNamespace(...namespaces: LaterNamespace[]): Promise<void> {
  await i18next.loadNamespaces(namespaces);
}
