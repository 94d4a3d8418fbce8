// The guide's steps for the agent: where the requester is, "Suggest" (a step push they confirm) and "Go to" (moves
// their guide there directly).
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../core/i18n.ts';
import type { RealtimeClient } from '../realtime/realtime-client.ts';
import { useStore } from '../state/use-store.ts';
import { useGuideSteps } from '../help/use-guide-steps.ts';
import type { AgentTab } from './agent-console-store.ts';

const newActionId = () => (typeof crypto.randomUUID === 'function' ? crypto.randomUUID() : `goto-${Date.now()}-${Math.random().toString(16).slice(2)}`);

/** The guide running in the session and its current step, kept live from guide progress pushes. */
function useGuideProgress(client: RealtimeClient, sessionId: string) {
  const [progress, setProgress] = useState<{ guideId: string | null; stepId: string | null }>({ guideId: null, stepId: null });
  useEffect(() => {
    let cancelled = false;
    client.request('guide:get', { sessionId }).then(
      (result) => !cancelled && setProgress({ guideId: result.guide?.id ?? null, stepId: result.progress?.currentStepId ?? null }),
      () => undefined,
    );
    const off = client.on('guide:progress', (event) => {
      if (event.sessionId === sessionId) setProgress({ guideId: event.guideId, stepId: event.progress.currentStepId });
    });
    return () => {
      cancelled = true;
      off();
    };
  }, [client, sessionId]);
  return progress;
}

export function StepList({ client, tab }: { client: RealtimeClient; tab: AgentTab }) {
  const { t, i18n } = useTranslation('assist');
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const headingId = useId();
  const live = useGuideProgress(client, tab.sessionId);
  const sessionGuide = useStore(tab.mirror, (state) => state.session?.session.guideId ?? null);
  const sessionStep = useStore(tab.mirror, (state) => state.session?.currentStepId ?? null);
  const active = useStore(tab.mirror, (state) => state.session?.help?.status === 'active');
  const guideId = live.guideId ?? sessionGuide ?? tab.context?.guideId ?? null;
  const currentStepId = live.stepId ?? sessionStep;
  const steps = useGuideSteps(guideId);
  const [error, setError] = useState<string | null>(null);

  const act = (work: Promise<unknown>) => {
    setError(null);
    work.catch((failure: unknown) => setError(failure instanceof Error ? failure.message : String(failure)));
  };
  const push = (stepId: string) => act(client.request('step:push', { sessionId: tab.sessionId, stepId }).then(({ entry }) => tab.mirror.take(entry)));
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
