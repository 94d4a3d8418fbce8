// The switch for help offered before asking: read from the server, saved on change, the result announced.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorView, Loading } from '../components/status-views.tsx';
import { useResource } from '../components/use-resource.ts';
import { errorText } from '../i18n/error-text.ts';
import { offersWanted, setOffersWanted } from './account-api.ts';

export function OffersSetting() {
  const { t } = useTranslation('account');
  const loaded = useResource(() => offersWanted(), []);
  const [wanted, setWanted] = useState<boolean | null>(null);
  const [saving, setSaving] = useState(false);
  const [outcome, setOutcome] = useState<{ saved: boolean } | { error: unknown } | null>(null);
  const current = wanted ?? (loaded.status === 'ready' ? loaded.data : false);

  const change = async (next: boolean) => {
    setSaving(true);
    try {
      const saved = await setOffersWanted(next);
      setWanted(saved);
      setOutcome({ saved });
    } catch (error) {
      setOutcome({ error });
    } finally {
      setSaving(false);
    }
  };

  return (
    <section className="my-data-section" aria-labelledby="my-data-offers">
      <h2 id="my-data-offers">{t('offers.title')}</h2>
      {loaded.status === 'loading' && <Loading />}
      {loaded.status === 'error' && <ErrorView error={loaded.error} retry={loaded.retry} />}
      {loaded.status === 'ready' && (
        <>
          <label className="my-data-check">
            <input type="checkbox" checked={current} disabled={saving} aria-describedby="my-data-offers-hint" onChange={(event) => void change(event.target.checked)} />
            <span>{t('offers.label')}</span>
          </label>
          <p id="my-data-offers-hint" className="hint">
            {t('offers.hint')}
          </p>
        </>
      )}
      <p role="status" aria-live="polite" data-testid="offers-status">
        {outcome === null ? '' : 'error' in outcome ? errorText(outcome.error) : t(outcome.saved ? 'offers.saved_on' : 'offers.saved_off')}
      </p>
    </section>
  );
}
