// Every issue the validator found, each a button that opens the step it names and focuses the field beside which the
// issue is shown.
import { useTranslation } from 'react-i18next';
import type { ErrorIssue } from '../../../../core/ack.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { fieldOfIssue, GUIDE_FIELD_PATHS, stepFieldPaths, stepOfIssue, stepsOf, type GuideWork } from './guide-work.ts';
import { issueText } from './issue-text.ts';

/** The path of the field an issue is shown beside, or of its step when no field takes it. */
export function focusPathOf(issue: ErrorIssue, guide: GuideWork): string {
  const index = stepOfIssue(issue);
  if (index === null) return fieldOfIssue(issue, GUIDE_FIELD_PATHS) ?? 'title.en';
  const step = stepsOf(guide)[index];
  return (step && fieldOfIssue(issue, stepFieldPaths(step, index))) ?? `steps.${index}.title.en`;
}

export function IssueSummary({ guide, issues, onFocus }: { guide: GuideWork; issues: readonly ErrorIssue[]; onFocus: (path: string) => void }) {
  const { t } = useTranslation('studio');
  const language = currentLanguage();
  if (issues.length === 0) return <p className="studio-ok">{t('guideEditor.issues.none')}</p>;
  return (
    <section className="studio-warnings" aria-labelledby="guide-issues-title">
      <h2 id="guide-issues-title">{t('guideEditor.issues.title', { count: issues.length })}</h2>
      <ul className="problem-list">
        {issues.map((issue, index) => {
          const step = stepOfIssue(issue);
          return (
            <li key={`${issue.path}-${index}`}>
              <button type="button" className="link" onClick={() => onFocus(focusPathOf(issue, guide))}>
                {step === null ? t('guideEditor.issues.guide') : t('guideEditor.issues.step', { number: step + 1 })}: {issueText(issue, t, language)}
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
