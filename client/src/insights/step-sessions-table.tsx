// The drill-down from one step: the sessions that entered it, slowest first, as an accessible table.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InsightsFilter, StepInsight } from '../../../core/insights.ts';
import type { StepSessions } from '../../../core/insights-service-figures.ts';
import { ErrorView, Loading } from '../components/status-views.tsx';
import { useLanguage } from '../components/use-language.ts';
import { fetchStepSessions } from './insights-api.ts';

export function StepSessionsTable({ filter, step, onClose }: { filter: InsightsFilter; step: StepInsight; onClose: () => void }) {
  const { t } = useTranslation('insights');
  const language = useLanguage();
  const [found, setFound] = useState<StepSessions | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const filterKey = JSON.stringify(filter);

  useEffect(() => {
    const abort = new AbortController();
    setFound(null);
    setError(null);
    heading.current?.focus();
    fetchStepSessions(filter, step.stepId, abort.signal).then(setFound, (failure: unknown) => !abort.signal.aborted && setError(failure));
    return () => abort.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the filter is compared by value
  }, [filterKey, step.stepId, attempt]);

  const time = (ms: number | null) => (ms === null ? t('drillDown.notLeft') : (ms / 1000).toFixed(1));
  return (
    <section aria-labelledby="insights-drill-title" className="insights-section" data-testid="insights-step-sessions">
      <div className="insights-section-head">
        <h2 id="insights-drill-title" ref={heading} tabIndex={-1}>
          {t('drillDown.title', { title: step.title[language] })}
        </h2>
        <button type="button" onClick={onClose}>
          {t('drillDown.close')}
        </button>
      </div>
      {error !== null && <ErrorView error={error} retry={() => setAttempt((count) => count + 1)} />}
      {found === null && error === null && <Loading />}
      {found && (
        <div className="insights-scroll" tabIndex={0} role="region" aria-labelledby="insights-drill-title">
          <table className="insights-table">
            <thead>
              <tr>
                <th scope="col">{t('drillDown.entered')}</th>
                <th scope="col">{t('drillDown.language')}</th>
                <th scope="col">{t('drillDown.visits')}</th>
                <th scope="col">{t('drillDown.time')}</th>
                <th scope="col">{t('drillDown.help')}</th>
                <th scope="col">{t('drillDown.outcome')}</th>
              </tr>
            </thead>
            <tbody>
              {found.sessions.map((session) => (
                <tr key={session.sessionId} data-session={session.sessionId}>
                  <th scope="row">{new Date(session.enteredAt).toLocaleString(language, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })}</th>
                  <td>{t(`languages.${session.language}`, { defaultValue: session.language })}</td>
                  <td>{session.visits}</td>
                  <td>{time(session.timeMs)}</td>
                  <td>{session.helpRequested ? t('drillDown.yes') : t('drillDown.no')}</td>
                  <td>{t(`drillDown.outcomes.${session.outcome}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
