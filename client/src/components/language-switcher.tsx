// Switches the interface between English and Spanish.
import { useTranslation } from 'react-i18next';
import { LANGUAGES, type Language } from '../../../core/languages.ts';
import { changeLanguage } from '../i18n/i18n.ts';

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <label className="language-switcher">
      <span className="visually-hidden">{t('language.label')}</span>
      <select value={i18n.resolvedLanguage} onChange={(event) => void changeLanguage(event.target.value as Language)} aria-label={t('language.label')}>
        {LANGUAGES.map((language) => (
          <option key={language} value={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </label>
  );
}
