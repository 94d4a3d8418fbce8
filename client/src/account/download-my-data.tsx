// The button that downloads everything held about the person as one JSON file.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../i18n/error-text.ts';
import { downloadMyData } from './account-api.ts';

export function DownloadMyData() {
  const { t } = useTranslation('account');
  const [state, setState] = useState<{ working: boolean; done: boolean; error?: unknown }>({ working: false, done: false });

  const download = async () => {
    setState({ working: true, done: false });
    try {
      await downloadMyData();
      setState({ working: false, done: true });
    } catch (error) {
      setState({ working: false, done: false, error });
    }
  };

  return (
    <section className="my-data-section" aria-labelledby="my-data-download">
      <h2 id="my-data-download">{t('download.title')}</h2>
      <p>{t('download.body')}</p>
      <button type="button" className="primary" disabled={state.working} onClick={() => void download()}>
        {t('download.button')}
      </button>
      <p role="status" aria-live="polite">
        {state.working ? t('download.working') : state.done ? t('download.done') : state.error !== undefined ? errorText(state.error) : ''}
      </p>
    </section>
  );
}
