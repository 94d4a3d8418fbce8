// "Start a guide" on a product page: the product's guides, each opening the assist page where it runs.
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import type { GuideListResponse } from '../../../core/guide-version.ts';
import type { Language } from '../../../core/languages.ts';
import { apiFetch } from '../api/http.ts';
import { useResource } from '../components/use-resource.ts';

export function GuideLinks({ productId }: { productId: string }) {
  const { t, i18n } = useTranslation('catalog');
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const guides = useResource((signal) => apiFetch<GuideListResponse>(`/api/guides?productId=${encodeURIComponent(productId)}`, signal), [productId]);
  return (
    <section className="guide-links" aria-labelledby="guide-links-title">
      <h2 id="guide-links-title">{t('guides.title')}</h2>
      <p className="hint">{t('guides.intro')}</p>
      {guides.status === 'error' && <p className="status-error">{t('guides.failed')}</p>}
      {guides.status === 'ready' && guides.data.guides.length === 0 && <p>{t('guides.none')}</p>}
      {guides.status === 'ready' && guides.data.guides.length > 0 && (
        <ul data-testid="guide-links">
          {guides.data.guides.map((guide) => (
            <li key={guide.id}>
              <Link href={`/assist/${encodeURIComponent(productId)}?guide=${encodeURIComponent(guide.id)}`}>{t('guides.open', { title: guide.title[language] })}</Link>{' '}
              <small>({t('guides.minutes', { count: guide.estimatedMinutes })})</small>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
