// The Insights filters: product, guide and version, period (refused in words when it ends before it starts), language
// and channel; every change reloads the figures.
import { useTranslation } from 'react-i18next';
import type { InsightsGuide } from '../../../core/insights.ts';
import { LANGUAGES } from '../../../core/languages.ts';
import { SURVEY_CHANNELS } from '../../../core/survey.ts';
import { useLanguage } from '../components/use-language.ts';
import { useProductNames } from '../components/use-product-names.ts';
import { DateField } from './date-field.tsx';

export interface FilterForm {
  productId: string;
  guideId: string;
  version: string;
  /** yyyy-mm-dd, inclusive; '' for no bound. */
  from: string;
  to: string;
  language: '' | (typeof LANGUAGES)[number];
  channel: '' | (typeof SURVEY_CHANNELS)[number];
}

/** "From" after "To": no figures can answer it, so the last period that made sense stays shown. */
export const periodReversed = (form: FilterForm): boolean => form.from !== '' && form.to !== '' && form.from > form.to;

export function InsightsFilters({ guides, form, onChange }: { guides: InsightsGuide[]; form: FilterForm; onChange: (form: FilterForm) => void }) {
  const { t } = useTranslation('insights');
  const language = useLanguage();
  const productName = useProductNames(language);
  const products = [...new Set(guides.map((guide) => guide.productId))].sort();
  const shown = guides.filter((guide) => !form.productId || guide.productId === form.productId);
  const versions = guides.find((guide) => guide.id === form.guideId)?.versions ?? [];
  const set = (patch: Partial<FilterForm>) => onChange({ ...form, ...patch });

  return (
    <form className="insights-filters" aria-label={t('filters.label')} onSubmit={(event) => event.preventDefault()}>
      <label>
        {t('filters.product')}
        <select value={form.productId} onChange={(event) => {
          const productId = event.target.value;
          const first = guides.find((guide) => !productId || guide.productId === productId);
          set({ productId, guideId: first?.id ?? '', version: '' });
        }}>
          <option value="">{t('filters.all')}</option>
          {products.map((id) => <option key={id} value={id}>{productName(id)}</option>)}
        </select>
      </label>
      <label>
        {t('filters.guide')}
        <select value={form.guideId} onChange={(event) => set({ guideId: event.target.value, version: '' })}>
          {shown.map((guide) => <option key={guide.id} value={guide.id}>{guide.title[language]}</option>)}
        </select>
      </label>
      <label>
        {t('filters.version')}
        <select value={form.version} onChange={(event) => set({ version: event.target.value })}>
          <option value="">{t('filters.latest')}</option>
          {versions.map((version) => <option key={version} value={String(version)}>{version}</option>)}
        </select>
      </label>
      <DateField label={t('filters.from')} value={form.from} onChange={(from) => set({ from })} />
      <DateField label={t('filters.to')} value={form.to} onChange={(to) => set({ to })} />
      {periodReversed(form) && (
        <p role="alert" className="status-error insights-period-error">
          {t('filters.periodReversed')}
        </p>
      )}
      <label>
        {t('filters.language')}
        <select value={form.language} onChange={(event) => set({ language: event.target.value as FilterForm['language'] })}>
          <option value="">{t('filters.all')}</option>
          {LANGUAGES.map((code) => <option key={code} value={code}>{t(`languages.${code}`)}</option>)}
        </select>
      </label>
      <label>
        {t('filters.channel')}
        <select value={form.channel} onChange={(event) => set({ channel: event.target.value as FilterForm['channel'] })}>
          <option value="">{t('filters.all')}</option>
          {SURVEY_CHANNELS.map((channel) => <option key={channel} value={channel}>{t(`channels.${channel}`)}</option>)}
        </select>
      </label>
    </form>
  );
}
