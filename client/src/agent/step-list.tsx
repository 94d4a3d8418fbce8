// The guide's steps for the agent: where the requester is, "Suggest" (a step push they confirm) and "Go to" (moves
// their guide there directly).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../core/languages.ts';
import type { RealtimeClient } from '../realtime/realtime-client.ts';
import { useStore } from '../state/use-store.ts';
import type { GuideStep } from '../../../core/guide.ts';
import type { LiveGuideProgress } from './use-guide-progress.ts';
import type { AgentTab } from './agent-console-store.ts';
import { errorText } from '../i18n/error-text.ts';

const newActionId = () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `goto-${Date.now()}-${Math.random().toString(16).slice(2)}`);

export interface StepListProps {
  client: RealtimeClient;
  tab: AgentTab;
  /** The guide the requester runs (null when none was started) and where they are. */
  live: LiveGuideProgress;
  steps: GuideStep[];
  guideId: string | null;
  currentStepId: string | null;
}

export function StepList({ client, tab, live, steps, guideId, currentStepId }: StepListProps) {
  const { t, i18n } = useTranslation('assist');
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const headingId = useId();
  const active = useStore(tab.session.mirror, (state) => state.session?.help?.status === 'active');
  const [error, setError] = useState<string | null>(null);

  const act = (work: Promise<unknown>) => {
    setError(null);
    work.catch((failure: unknown) => setError(errorText(failure)));
  };
  const push = (stepId: string) => act(client.request('step:push', { sessionId: tab.sessionId, stepId }).then(({ entry }) => tab.session.mirror.take(entry)));
  const jump = (stepId: string) => act(client.request('guide:action', { sessionId: tab.sessionId, actionId: newActionId(), action: { type: 'goto', stepId } }).then(() => push(stepId)));

  return (
    <section className="step-list" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('steps.title')}</h3>
      {!guideId && <p className="hint">{t('steps.noGuide')}</p>}
      <ol>
        {steps.map((step, index) => {
          const current = step.id === currentStepId;
          const title = step.title[language];
          return (
            <li key={step.id} aria-current={current ? 'step' : undefined} className={current ? 'current' : undefined}>
              <span>
                {index + 1}. {title}
                {current && <strong> · {t('steps.current')}</strong>}
              </span>
              <span className="step-actions">
                <button type="button" disabled={!active} onClick={() => push(step.id)} aria-label={t('steps.suggestLabel', { title })}>
                  {t('steps.suggest')}
                </button>
                <button type="button" disabled={!active || live.guideId === null || current} onClick={() => jump(step.id)} aria-label={t('steps.goToLabel', { title })}>
                  {t('steps.goTo')}
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      {error && (
        <p role="alert" className="status-error">
          {t('steps.failed', { message: error })}
        </p>
      )}
    </section>
  );
}
