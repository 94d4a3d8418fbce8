// Where a step leads, in the guide editor: a question (prompt in English and Spanish, up to 3 answers, each choosing
// its next step by title) or, without one, "the next step in order", a named step or the end of the guide.
import { useTranslation } from 'react-i18next';
import type { ErrorIssue } from '../../../../core/ack.ts';
import { addAnswer, addQuestion, END, MAX_ANSWERS, patchAnswer, questionOf, removeAnswer, removeQuestion, setPrompt, setThen, thenOf } from './branch-work.ts';
import { FieldIssues, fieldProps, TextField } from './field-issues.tsx';
import { currentLanguage } from '../../i18n/i18n.ts';
import { localized, stepId, type GuideWork, type WorkStep } from './guide-work.ts';

/** A step as the selects offer it: its id and its title in the editor's language. */
export interface StepChoice {
  id: string;
  label: string;
}

/** The steps by number and title in the editor's language (the id while a step has no title). */
export function useStepChoices(steps: readonly WorkStep[]): StepChoice[] {
  const { t } = useTranslation('studio');
  const language = currentLanguage();
  return steps.map((step, index) => ({ id: stepId(step, index), label: t('guideEditor.steps.item', { number: index + 1, title: localized(step.title)[language] || stepId(step, index) }) }));
}

export interface QuestionFormProps {
  step: WorkStep;
  index: number;
  choices: readonly StepChoice[];
  issuesAt: (path: string) => ErrorIssue[];
  change: (update: (guide: GuideWork) => GuideWork) => void;
}

function StepSelect({ path, label, value, choices, issues, extra, onChange }: { path: string; label: string; value: string; choices: readonly StepChoice[]; issues: readonly ErrorIssue[]; extra?: Array<{ value: string; label: string }>; onChange: (value: string) => void }) {
  const known = value === '' || value === END || choices.some((choice) => choice.id === value);
  return (
    <div className="guide-field">
      <label htmlFor={fieldProps(path, []).id}>{label}</label>
      <select {...fieldProps(path, issues)} value={value} onChange={(event) => onChange(event.target.value)}>
        {extra?.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
        {choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {choice.label}
          </option>
        ))}
        {!known && <option value={value}>{value}</option>}
      </select>
      <FieldIssues path={path} issues={issues} />
    </div>
  );
}

export function QuestionForm({ step, index, choices, issuesAt, change }: QuestionFormProps) {
  const { t } = useTranslation('studio');
  const question = questionOf(step);
  const at = (field: string) => `steps.${index}.${field}`;

  if (!question) {
    const then = thenOf(step);
    return (
      <fieldset className="guide-fieldset guide-branches">
        <legend>{t('guideEditor.branches.title')}</legend>
        <StepSelect
          path={at('next')}
          label={t('guideEditor.branches.then')}
          value={then}
          choices={choices.filter((choice) => choice.id !== choices[index]?.id)}
          issues={[...issuesAt(at('next')), ...issuesAt(at('end'))]}
          extra={[
            { value: '', label: t('guideEditor.branches.inOrder') },
            { value: END, label: t('guideEditor.branches.end') },
          ]}
          onChange={(value) => change((guide) => setThen(guide, index, value))}
        />
        <button type="button" onClick={() => change((guide) => addQuestion(guide, index))}>
          {t('guideEditor.branches.addQuestion')}
        </button>
      </fieldset>
    );
  }

  const prompt = question.prompt;
  return (
    <fieldset className="guide-fieldset guide-branches">
      <legend>{t('guideEditor.branches.question')}</legend>
      <TextField path={at('question.prompt.en')} label={t('guideEditor.branches.promptEn')} lang="en" value={prompt.en} issues={issuesAt(at('question.prompt.en'))} onChange={(en) => change((guide) => setPrompt(guide, index, { ...prompt, en }))} />
      <TextField path={at('question.prompt.es')} label={t('guideEditor.branches.promptEs')} lang="es" value={prompt.es} issues={issuesAt(at('question.prompt.es'))} onChange={(es) => change((guide) => setPrompt(guide, index, { ...prompt, es }))} />
      <FieldIssues path={at('question.answers')} issues={issuesAt(at('question.answers'))} />
      <ol className="guide-answers">
        {question.answers.map((answer, n) => {
          const path = (field: string) => at(`question.answers.${n}.${field}`);
          return (
            <li key={n} className="guide-answer">
              <TextField path={path('label.en')} label={t('guideEditor.branches.labelEn', { number: n + 1 })} lang="en" value={answer.label.en} issues={issuesAt(path('label.en'))} onChange={(en) => change((guide) => patchAnswer(guide, index, n, { label: { ...answer.label, en } }))} />
              <TextField path={path('label.es')} label={t('guideEditor.branches.labelEs', { number: n + 1 })} lang="es" value={answer.label.es} issues={issuesAt(path('label.es'))} onChange={(es) => change((guide) => patchAnswer(guide, index, n, { label: { ...answer.label, es } }))} />
              <StepSelect path={path('next')} label={t('guideEditor.branches.answerNext', { number: n + 1 })} value={answer.next} choices={choices} issues={issuesAt(path('next'))} onChange={(next) => change((guide) => patchAnswer(guide, index, n, { next }))} />
              <button type="button" disabled={question.answers.length === 1} onClick={() => change((guide) => removeAnswer(guide, index, n))}>
                {t('guideEditor.branches.removeAnswer', { number: n + 1 })}
              </button>
            </li>
          );
        })}
      </ol>
      {question.answers.length < MAX_ANSWERS && (
        <button type="button" onClick={() => change((guide) => addAnswer(guide, index))}>
          {t('guideEditor.branches.addAnswer')}
        </button>
      )}{' '}
      <button type="button" onClick={() => change((guide) => removeQuestion(guide, index))}>
        {t('guideEditor.branches.removeQuestion')}
      </button>
    </fieldset>
  );
}
