// The guide's own fields in the editor: title and summary in English and Spanish, and how long it takes.
import { useTranslation } from 'react-i18next';
import type { ErrorIssue } from '../../../../core/ack.ts';
import { FieldIssues, fieldProps, TextField } from './field-issues.tsx';
import { GUIDE_FIELD_PATHS, issuesByField, localized, type GuideWork } from './guide-work.ts';

export function GuideMetaForm({ guide, issues, change }: { guide: GuideWork; issues: readonly ErrorIssue[]; change: (update: (guide: GuideWork) => GuideWork) => void }) {
  const { t } = useTranslation('studio');
  const guideIssues = issues.filter((issue) => !issue.path.startsWith('steps.'));
  const grouped = issuesByField(guideIssues, GUIDE_FIELD_PATHS);
  const issuesAt = (path: string) => grouped.get(path) ?? [];
  const title = localized(guide.title);
  const summary = localized(guide.summary);
  const set = (fields: Record<string, unknown>) => change((current) => ({ ...current, ...fields }));
  const minutes = typeof guide.estimatedMinutes === 'number' ? String(guide.estimatedMinutes) : '';
  return (
    <section className="studio-panel" aria-labelledby="guide-meta-title">
      <h2 id="guide-meta-title">{t('guideEditor.meta.title')}</h2>
      <FieldIssues path="guide" issues={grouped.get('') ?? []} />
      <TextField path="title.en" label={t('guideEditor.meta.titleEn')} lang="en" value={title.en} issues={issuesAt('title.en')} onChange={(en) => set({ title: { ...title, en } })} />
      <TextField path="title.es" label={t('guideEditor.meta.titleEs')} lang="es" value={title.es} issues={issuesAt('title.es')} onChange={(es) => set({ title: { ...title, es } })} />
      <TextField path="summary.en" label={t('guideEditor.meta.summaryEn')} lang="en" multiline value={summary.en} issues={issuesAt('summary.en')} onChange={(en) => set({ summary: { ...summary, en } })} />
      <TextField path="summary.es" label={t('guideEditor.meta.summaryEs')} lang="es" multiline value={summary.es} issues={issuesAt('summary.es')} onChange={(es) => set({ summary: { ...summary, es } })} />
      <div className="guide-field">
        <label htmlFor={fieldProps('estimatedMinutes', []).id}>{t('guideEditor.meta.minutes')}</label>
        <input type="number" min={1} step={1} {...fieldProps('estimatedMinutes', issuesAt('estimatedMinutes'))} value={minutes} onChange={(event) => set({ estimatedMinutes: event.target.value === '' ? undefined : Number(event.target.value) })} />
        <FieldIssues path="estimatedMinutes" issues={issuesAt('estimatedMinutes')} />
      </div>
    </section>
  );
}
