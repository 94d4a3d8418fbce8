// The translation layer: English and Spanish, picked from the browser or the user's choice, kept in localStorage.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../core/languages.ts';

const STORAGE_KEY = 'xr-assist.language';
const NAMESPACES = ['common', 'catalog', 'orders', 'guide', 'assist'] as const;
type Namespace = (typeof NAMESPACES)[number];
/** Namespaces of rooms few people open (Studio, the back office, surveys, Insights, the ?emulate=1 emulator): loaded when needed, then kept for every language switched to. */
type OnDemandNamespace = 'studio' | 'backOffice' | 'survey' | 'emulator' | 'insights';
const loadedOnDemand = new Set<OnDemandNamespace>();

/** One chunk per language and namespace: a visitor downloads the translations of their language only. */
const files = import.meta.glob<{ default: Record<string, unknown> }>('./locales/*/*.json');

async function loadLanguage(language: Language): Promise<Record<Namespace, Record<string, unknown>>> {
  const bundles = await Promise.all(
    NAMESPACES.map(async (namespace) => {
      const load = files[`./locales/${language}/${namespace}.json`];
      if (!load) throw new Error(`missing translations ${language}/${namespace}`);
      return [namespace, (await load()).default] as const;
    }),
  );
  return Object.fromEntries(bundles) as Record<Namespace, Record<string, unknown>>;
}

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
    resources: { [lng]: await loadLanguage(lng) },
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
  if (!i18next.hasResourceBundle(language, 'common')) {
    const bundles = await loadLanguage(language);
    for (const namespace of NAMESPACES) i18next.addResourceBundle(language, namespace, bundles[namespace]);
  }
  await Promise.all([...loadedOnDemand].map((namespace) => addNamespace(language, namespace)));
  localStorage.setItem(STORAGE_KEY, language);
  document.documentElement.lang = language;
  await i18next.changeLanguage(language);
}

export function currentLanguage(): Language {
  return (i18next.resolvedLanguage ?? 'en') as Language;
}

async function addNamespace(language: Language, namespace: OnDemandNamespace): Promise<void> {
  if (i18next.hasResourceBundle(language, namespace)) return;
  const load = files[`./locales/${language}/${namespace}.json`];
  if (!load) throw new Error(`missing translations ${language}/${namespace}`);
  i18next.addResourceBundle(language, namespace, (await load()).default);
}

/** Loads a room's own translations (in the current language, and in every language switched to later). */
export async function loadNamespace(namespace: OnDemandNamespace): Promise<void> {
  loadedOnDemand.add(namespace);
  await addNamespace(currentLanguage(), namespace);
}
