// The language the interface is shown in, for picking localized names and formatting prices.
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../core/languages.ts';

export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return (i18n.resolvedLanguage ?? 'en') as Language;
}
