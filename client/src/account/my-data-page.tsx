// The "My data" page: the app's language, help offered before asking (on again after "don't offer again"), a download
// of everything held about the person, and erasing the account.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { LANGUAGES, type Language } from '../../../core/languages.ts';
import { RequireSignIn } from '../components/require-sign-in.tsx';
import { useLanguage } from '../components/use-language.ts';
import { changeLanguage } from '../i18n/i18n.ts';
import { DownloadMyData } from './download-my-data.tsx';
import { EraseAccount } from './erase-account.tsx';
import { OffersSetting } from './offers-setting.tsx';
import './account.css';

function LanguageSetting() {
  const { t } = useTranslation('account');
  const { t: tCommon } = useTranslation();
  const language = useLanguage();
  return (
    <section className="my-data-section" aria-labelledby="my-data-language">
      <h2 id="my-data-language">{t('language.title')}</h2>
      <label className="my-data-field">
        <span>{t('language.label')}</span>
        <select value={language} onChange={(event) => void changeLanguage(event.target.value as Language)}>
          {LANGUAGES.map((code) => (
            <option key={code} value={code} lang={code}>
              {tCommon(`language.${code}`)}
            </option>
          ))}
        </select>
      </label>
    </section>
  );
}

export default function MyDataPage() {
  const { t } = useTranslation('account');
  const [erased, setErased] = useState(false);
  if (erased) {
    return (
      <section className="my-data-page" aria-labelledby="my-data-title">
        <h1 id="my-data-title">{t('title')}</h1>
        <p role="status" data-testid="account-erased">
          {t('erase.done')}
        </p>
        <p>
          <Link href="/">{t('erase.toCatalog')}</Link>
        </p>
      </section>
    );
  }
  return (
    <RequireSignIn>
      <section className="my-data-page" aria-labelledby="my-data-title">
        <h1 id="my-data-title">{t('title')}</h1>
        <p className="lead">{t('intro')}</p>
        <LanguageSetting />
        <OffersSetting />
        <DownloadMyData />
        <EraseAccount onErased={() => setErased(true)} />
      </section>
    </RequireSignIn>
  );
}
