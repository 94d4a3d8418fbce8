// A survey answer's comment on a timeline: the words given, or on the person's own timeline a way to add them later
// (an answer given with a controller in a headset has none).
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SURVEY_COMMENT_MAX } from '../../../core/survey.ts';
import { useDisclosureForm } from '../components/use-disclosure-form.ts';
import { errorText } from '../i18n/error-text.ts';
import { commentSurvey } from '../surveys/survey-api.ts';

interface SurveyCommentProps {
  surveyId: string;
  comment: string | null;
  /** Whether the reader may add a comment (their own timeline). */
  editable: boolean;
}

export function SurveyComment({ surveyId, comment, editable }: SurveyCommentProps) {
  const { t } = useTranslation('activity');
  const [saved, setSaved] = useState(comment);
  const { open, startRef, show, close } = useDisclosureForm();
  const [draft, setDraft] = useState('');
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState('');
  const fieldId = useId();

  if (saved !== null) return <p className="activity-comment">{t('survey.comment', { comment: saved })}</p>;
  if (!editable) return null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setWorking(true);
    setProblem('');
    try {
      setSaved((await commentSurvey(surveyId, draft)).comment);
    } catch (error) {
      setProblem(errorText(error));
      setWorking(false);
    }
  };

  const cancel = () => {
    setProblem('');
    close();
  };

  if (!open) {
    return (
      <button type="button" ref={startRef} className="activity-comment-start" onClick={show}>
        {t('survey.addComment')}
      </button>
    );
  }
  return (
    <form className="activity-comment-form" onSubmit={(event) => void submit(event)}>
      <label htmlFor={fieldId}>{t('survey.commentLabel')}</label>
      <textarea id={fieldId} required autoFocus rows={3} maxLength={SURVEY_COMMENT_MAX} value={draft} onChange={(event) => setDraft(event.target.value)} />
      {problem && (
        <p className="status-error" role="alert">
          {problem}
        </p>
      )}
      <div className="activity-comment-actions">
        <button type="submit" disabled={working || draft.trim() === ''}>
          {working ? t('survey.saving') : t('survey.saveComment')}
        </button>
        <button type="button" onClick={cancel} disabled={working}>
          {t('survey.cancel')}
        </button>
      </div>
    </form>
  );
}
