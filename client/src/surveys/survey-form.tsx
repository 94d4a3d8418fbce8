// The 2D survey at the end of a guide (or a help session, or an order): CSAT, CES, NPS when the server says so, an
// optional comment, Send or "Not now"; hidden when it was answered or skipped before.
import { useEffect, useId, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '../../../core/languages.ts';
import { CES_SCORES, CSAT_SCORES, NPS_SCORES, SURVEY_COMMENT_MAX, type SurveyTarget } from '../../../core/survey.ts';
import { errorText } from '../i18n/error-text.ts';
import { useStore } from '../state/use-store.ts';
import { deviceKind } from './device-kind.ts';
import { ScoreScale } from './score-scale.tsx';
import { createSurveyStore } from './survey-store.ts';
import './survey.css';

export default function SurveyForm({ target }: { target: SurveyTarget }) {
  const { t, i18n } = useTranslation('survey');
  const commentId = useId();
  const survey = useMemo(() => createSurveyStore({ target, device: deviceKind(), language: () => (i18n.resolvedLanguage ?? 'en') as Language }), [target, i18n]);
  const state = useStore(survey, (s) => s);
  useEffect(() => {
    void survey.check();
    return () => survey.destroy();
  }, [survey]);

  if (state.phase === 'checking' || state.phase === 'hidden') return null;
  if (state.phase === 'answered' || state.phase === 'skipped') {
    return (
      <p className="survey-done" role="status" data-testid="survey-done">
        {t(state.phase === 'answered' ? 'thanks' : 'skipped')}
      </p>
    );
  }
  const levels = [t('csat.level1'), t('csat.level2'), t('csat.level3'), t('csat.level4'), t('csat.level5')];
  const sending = state.phase === 'sending';
  return (
    <section className="survey" aria-labelledby={`${commentId}-title`} data-testid="survey">
      <h3 id={`${commentId}-title`}>{t('title')}</h3>
      <p className="hint">{t('intro')}</p>
      <ScoreScale question={t(`csat.question.${target.context}`)} scores={CSAT_SCORES} value={state.scores.csat} onChoose={(v) => survey.choose('csat', v)} low={levels[0]!} high={levels[4]!} names={levels} testId="survey-csat" />
      <ScoreScale question={t(`ces.question.${target.context}`)} scores={CES_SCORES} value={state.scores.ces} onChoose={(v) => survey.choose('ces', v)} low={t('ces.low')} high={t('ces.high')} testId="survey-ces" />
      {state.includeNps && <ScoreScale question={t('nps.question')} scores={NPS_SCORES} value={state.scores.nps} onChoose={(v) => survey.choose('nps', v)} low={t('nps.low')} high={t('nps.high')} testId="survey-nps" />}
      <label htmlFor={commentId} className="survey-comment-label">
        {t('comment.label')}
      </label>
      <textarea id={commentId} className="survey-comment" rows={3} maxLength={SURVEY_COMMENT_MAX} value={state.comment} onChange={(e) => survey.setComment(e.target.value)} aria-describedby={`${commentId}-hint`} />
      <p id={`${commentId}-hint`} className="hint">
        {t('comment.hint', { max: SURVEY_COMMENT_MAX })}
      </p>
      <p role="alert" className="status-error">
        {state.empty ? t('empty') : state.error ? errorText(state.error) : ''}
      </p>
      <div className="survey-actions">
        <button type="button" className="primary" onClick={() => void survey.send()} disabled={sending}>
          {sending ? t('sending') : t('send')}
        </button>
        <button type="button" onClick={() => void survey.skip()} disabled={sending}>
          {t('notNow')}
        </button>
      </div>
    </section>
  );
}
