// Insights (admins and operators, /insights): a guide version's per-step figures under filters, as a chart and a table
// with a drill-down to a step's sessions, the friction ranking, survey figures, first-time fix, help per agent and queue,
// order origins, CSV and xAPI downloads.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { INSIGHTS_ROLES, type InsightsFilter, type InsightsGuide, type InsightsReport, type StepInsight } from '../../../core/insights.ts';
import type { ServiceFigures } from '../../../core/insights-service-figures.ts';
import { RequireSignIn } from '../components/require-sign-in.tsx';
import { ErrorView, Loading } from '../components/status-views.tsx';
import { useAppStores } from '../state/app-stores.ts';
import { useStore } from '../state/use-store.ts';
import { errorText } from '../i18n/error-text.ts';
import { downloadInsightsCsv, downloadXapi, fetchInsights, fetchInsightsGuides, fetchServiceInsights, type InsightsTable } from './insights-api.ts';
import { InsightsFilters, periodReversed, type FilterForm } from './insights-filters.tsx';
import { FrictionList, StepTable, SurveyFigures } from './insights-tables.tsx';
import { FirstTimeFix, ServiceTables } from './service-tables.tsx';
import { StepChart } from './step-chart.tsx';
import { StepSessionsTable } from './step-sessions-table.tsx';
import './insights.css';

export default function InsightsPage() {
  return (
    <RequireSignIn>
      <Insights />
    </RequireSignIn>
  );
}

const DAY = 24 * 60 * 60 * 1000;

function toFilter(form: FilterForm): InsightsFilter | null {
  if (!form.guideId || periodReversed(form)) return null;
  const date = (text: string) => (text ? Date.parse(`${text}T00:00:00Z`) : undefined);
  const to = date(form.to);
  return {
    guideId: form.guideId,
    ...(form.version ? { version: Number(form.version) } : {}),
    ...(form.productId ? { productId: form.productId } : {}),
    ...(form.from ? { from: date(form.from) } : {}),
    ...(to !== undefined ? { to: to + DAY } : {}),
    ...(form.language ? { language: form.language } : {}),
    ...(form.channel ? { channel: form.channel } : {}),
  } as InsightsFilter;
}

function Insights() {
  const { t } = useTranslation('insights');
  const { auth } = useAppStores();
  const allowed = useStore(auth, (state) => (INSIGHTS_ROLES as readonly (string | undefined)[]).includes(state.user?.role));
  const [guides, setGuides] = useState<InsightsGuide[] | null>(null);
  const [form, setForm] = useState<FilterForm>({ productId: '', guideId: '', version: '', from: '', to: '', language: '', channel: '' });
  const [report, setReport] = useState<InsightsReport | null>(null);
  const [service, setService] = useState<ServiceFigures | null>(null);
  const [drillStep, setDrillStep] = useState<StepInsight | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [downloadError, setDownloadError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    if (!allowed) return;
    const abort = new AbortController();
    fetchInsightsGuides(abort.signal).then(
      (list) => {
        setGuides(list);
        setForm((current) => (current.guideId || !list[0] ? current : { ...current, guideId: list[0].id }));
      },
      (failure: unknown) => !abort.signal.aborted && setError(failure),
    );
    return () => abort.abort();
  }, [allowed, attempt]);

  const filter = toFilter(form);
  const filterKey = JSON.stringify(filter);
  useEffect(() => {
    if (!filter) return;
    const abort = new AbortController();
    setError(null);
    const failed = (failure: unknown) => !abort.signal.aborted && setError(failure);
    fetchInsights(filter, abort.signal).then(setReport, failed);
    fetchServiceInsights(filter, abort.signal).then(setService, failed);
    return () => abort.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the filter is compared by value
  }, [filterKey, attempt]);

  const download = (table: InsightsTable) => {
    if (!filter) return;
    setDownloadError(null);
    downloadInsightsCsv(filter, table).catch(setDownloadError);
  };
  const downloadStatements = () => {
    if (!filter) return;
    setDownloadError(null);
    downloadXapi(filter).catch(setDownloadError);
  };

  if (!allowed) {
    return (
      <section className="insights" aria-labelledby="insights-title">
        <h1 id="insights-title">{t('title')}</h1>
        <p role="alert">{t('forbidden')}</p>
      </section>
    );
  }
  return (
    <section className="insights" aria-labelledby="insights-title" data-testid="insights">
      <h1 id="insights-title">{t('title')}</h1>
      {guides && <InsightsFilters guides={guides} form={form} onChange={setForm} />}
      {error !== null && <ErrorView error={error} retry={() => setAttempt((count) => count + 1)} />}
      {downloadError !== null && <p role="alert">{errorText(downloadError)}</p>}
      {report === null && error === null && <Loading />}
      {report && (
        <div className="insights-body" aria-busy={filter !== null && report.guideId !== filter.guideId}>
          <SurveyFigures report={report} onDownload={download} />
          <section aria-labelledby="insights-chart-title" className="insights-section">
            <h2 id="insights-chart-title">{t('chart.title')}</h2>
            <StepChart steps={report.steps} />
          </section>
          <FrictionList report={report} onDownload={download} />
          <StepTable steps={report.steps} onDownload={download} onSessions={setDrillStep} />
          {drillStep && filter && <StepSessionsTable filter={filter} step={drillStep} onClose={() => setDrillStep(null)} />}
          <FirstTimeFix figure={report.firstTimeFix} />
          {service && <ServiceTables figures={service} />}
          <p>
            <button type="button" onClick={downloadStatements}>
              {t('xapi.download')}
            </button>
          </p>
        </div>
      )}
    </section>
  );
}
