// The figures as accessible tables: per step (with a CSV download), the friction ranking and the survey figures.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { InsightsReport, StepInsight } from '../../../core/insights.ts';
import { useLanguage } from '../components/use-language.ts';
import type { InsightsTable } from './insights-api.ts';

const secondsText = (ms: number | null) => (ms === null ? '–' : (ms / 1000).toFixed(1));

/** A titled section whose table can be downloaded as CSV. */
function TableSection({ table, title, onDownload, children }: { table: InsightsTable; title: string; onDownload: (table: InsightsTable) => void; children: ReactNode }) {
  const { t } = useTranslation('insights');
  const titleId = `insights-${table}-title`;
  return (
    <section aria-labelledby={titleId} className="insights-section">
      <div className="insights-section-head">
        <h2 id={titleId}>{title}</h2>
        <button type="button" onClick={() => onDownload(table)}>
          {t(`csv.${table}`)}
        </button>
      </div>
      {children}
    </section>
  );
}

export function StepTable({ steps, onDownload, onSessions }: { steps: StepInsight[]; onDownload: (table: InsightsTable) => void; onSessions: (step: StepInsight) => void }) {
  const { t } = useTranslation('insights');
  const language = useLanguage();
  return (
    <TableSection table="steps" title={t('table.title')} onDownload={onDownload}>
      <div className="insights-scroll" tabIndex={0} role="region" aria-labelledby="insights-steps-title">
        <table className="insights-table" data-testid="insights-steps">
          <thead>
            <tr>
              <th scope="col">{t('table.step')}</th>
              <th scope="col">{t('table.sessions')}</th>
              <th scope="col">{t('table.median')}</th>
              <th scope="col">{t('table.p90')}</th>
              <th scope="col">{t('table.abandoned')}</th>
              <th scope="col">{t('table.outOfRange')}</th>
              <th scope="col">{t('table.help')}</th>
              <th scope="col">{t('table.backSteps')}</th>
              <th scope="col">{t('table.friction')}</th>
              <th scope="col">{t('table.drillDown')}</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((step) => (
              <tr key={step.stepId} data-step={step.stepId}>
                <th scope="row">{`${step.position}. ${step.title[language]}`}</th>
                <td>{step.sessions}</td>
                <td>{secondsText(step.medianMs)}</td>
                <td>{secondsText(step.p90Ms)}</td>
                <td>{step.abandoned}</td>
                <td>{step.outOfRange}</td>
                <td>{step.helpRequests}</td>
                <td>{step.backSteps}</td>
                <td>{step.friction}</td>
                <td>
                  {step.sessions > 0 && (
                    <button type="button" onClick={() => onSessions(step)} aria-label={t('table.showSessionsOf', { title: step.title[language] })}>
                      {t('table.showSessions')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </TableSection>
  );
}

export function FrictionList({ report, onDownload }: { report: InsightsReport; onDownload: (table: InsightsTable) => void }) {
  const { t } = useTranslation('insights');
  const language = useLanguage();
  const ranked = report.friction.flatMap((id) => report.steps.filter((step) => step.stepId === id));
  return (
    <TableSection table="friction" title={t('friction.title')} onDownload={onDownload}>
      <p className="insights-note">{t('friction.explain')}</p>
      {ranked.length === 0 ? (
        <p>{t('friction.none')}</p>
      ) : (
        <ol className="insights-friction" data-testid="insights-friction">
          {ranked.slice(0, 5).map((step) => (
            <li key={step.stepId}>{t('friction.item', { title: step.title[language], score: step.friction })}</li>
          ))}
        </ol>
      )}
    </TableSection>
  );
}

export function SurveyFigures({ report, onDownload }: { report: InsightsReport; onDownload: (table: InsightsTable) => void }) {
  const { t } = useTranslation('insights');
  const { csat, ces, nps } = report.surveys;
  const value = (figure: { value: number | null }, unit = '') => (figure.value === null ? '–' : `${figure.value}${unit}`);
  return (
    <TableSection table="surveys" title={t('surveys.title')} onDownload={onDownload}>
      <dl className="insights-figures" data-testid="insights-surveys">
        <div data-figure="csat">
          <dt>{t('surveys.csat')}</dt>
          <dd>{value(csat, ' %')}</dd>
          <dd className="insights-count">{t('surveys.count', { count: csat.count })}</dd>
        </div>
        <div data-figure="ces">
          <dt>{t('surveys.ces')}</dt>
          <dd>{value(ces)}</dd>
          <dd className="insights-count">{t('surveys.count', { count: ces.count })}</dd>
        </div>
        <div data-figure="nps">
          <dt>{t('surveys.nps')}</dt>
          <dd>{value(nps)}</dd>
          <dd className="insights-count">{t('surveys.count', { count: nps.count })}</dd>
        </div>
      </dl>
    </TableSection>
  );
}
