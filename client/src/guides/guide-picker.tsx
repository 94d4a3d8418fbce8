// The product's guides to choose from when the session has none running yet.
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../core/languages.ts';
import { useResource } from '../components/use-resource.ts';
import { listGuides } from './guide-api.ts';

export function GuidePicker({ productId, onStart }: { productId: string; onStart: (guideId: string) => void }) {
  const { t, i18n } = useTranslation(['guide', 'catalog']);
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const guides = useResource((signal) => listGuides(productId, signal), [productId]);
  return (
    <section className="guide-picker" aria-labelledby="guide-picker-title">
      <h2 id="guide-picker-title">{t('page.pick')}</h2>
      {guides.status === 'error' && <p className="status-error">{t('guides.failed', { ns: 'catalog' })}</p>}
      {guides.status === 'ready' && guides.data.length === 0 && <p>{t('guides.none', { ns: 'catalog' })}</p>}
      {guides.status === 'ready' && (
        <ul>
          {guides.data.map((guide) => (
            <li key={guide.id}>
              <button type="button" className="primary" onClick={() => onStart(guide.id)}>
                {t('guides.open', { title: guide.title[language], ns: 'catalog' })}
              </button>{' '}
              <small>{t('guides.minutes', { count: guide.estimatedMinutes, ns: 'catalog' })}</small>
              <p className="hint">{guide.summary[language]}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
