// The agent console's rating of a finished help: how hard it was as a 1–5 radio group, whether the part and manual
// information was enough (yes / no), an optional note, and Send; keyboard and screen-reader friendly.
import { useEffect, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { DIFFICULTY_SCORES } from '../../../core/agent-rating.ts';
import { SURVEY_COMMENT_MAX } from '../../../core/survey.ts';
import { errorText } from '../i18n/error-text.ts';
import type { RealtimeClient } from '../realtime/realtime-client.ts';
import { useStore } from '../state/use-store.ts';
import { createAgentRatingStore } from './agent-rating-store.ts';
import { ScoreScale } from './score-scale.tsx';
import './survey.css';

export default function AgentRatingForm({ client, requestId }: { client: Pick<RealtimeClient, 'request'>; requestId: string }) {
  const { t } = useTranslation('survey');
  const id = useId();
  const rating = useMemo(() => createAgentRatingStore(client, requestId), [client, requestId]);
  useEffect(() => () => rating.destroy(), [rating]);
  const state = useStore(rating, (s) => s);

  if (state.phase === 'rated') {
    return (
      <p className="survey-done" role="status" data-testid="agent-rating-done">
        {t('agentRating.thanks')}
      </p>
    );
  }
  const sending = state.phase === 'sending';
  return (
    <section className="survey agent-rating" aria-labelledby={`${id}-title`} data-testid="agent-rating">
      <h3 id={`${id}-title`}>{t('agentRating.title')}</h3>
      <ScoreScale question={t('agentRating.difficulty.question')} scores={DIFFICULTY_SCORES} value={state.difficulty} onChoose={(value) => rating.setDifficulty(value)} low={t('agentRating.difficulty.low')} high={t('agentRating.difficulty.high')} testId="agent-rating-difficulty" />
      <fieldset className="survey-question agent-rating-info">
        <legend className="survey-question-text">{t('agentRating.info.question')}</legend>
        <div className="survey-scale">
          {([true, false] as const).map((value) => (
            <label key={String(value)} className={`survey-score survey-choice${state.infoEnough === value ? ' chosen' : ''}`}>
              <input type="radio" className="visually-hidden" name={`${id}-info`} checked={state.infoEnough === value} onChange={() => rating.setInfoEnough(value)} />
              <span>{t(value ? 'agentRating.info.yes' : 'agentRating.info.no')}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <label htmlFor={`${id}-note`} className="survey-comment-label">
        {t('agentRating.note')}
      </label>
      <textarea id={`${id}-note`} className="survey-comment" rows={2} maxLength={SURVEY_COMMENT_MAX} value={state.note} onChange={(e) => rating.setNote(e.target.value)} />
      <p role="alert" className="status-error">
        {state.missing ? t('agentRating.missing') : state.error ? errorText(state.error) : ''}
      </p>
      <div className="survey-actions">
        <button type="button" className="primary" onClick={() => void rating.send()} disabled={sending}>
          {sending ? t('sending') : t('agentRating.send')}
        </button>
      </div>
    </section>
  );
}
