// The guide's steps in order: choose one to edit, move it up or down, delete it, add a new one; each shows how many
// issues the validator found in it.
import { useTranslation } from 'react-i18next';
import type { ErrorIssue } from '../../../../core/ack.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { addStep, issuesUnder, localized, moveStep, removeStep, stepId, stepsOf, type GuideWork } from './guide-work.ts';

export interface StepListProps {
  guide: GuideWork;
  issues: readonly ErrorIssue[];
  selected: number;
  onSelect: (index: number) => void;
  change: (update: (guide: GuideWork) => GuideWork) => void;
}

export function StepList({ guide, issues, selected, onSelect, change }: StepListProps) {
  const { t } = useTranslation('studio');
  const language = currentLanguage();
  const steps = stepsOf(guide);
  const move = (index: number, by: -1 | 1) => {
    change((current) => moveStep(current, index, by));
    onSelect(index + by);
  };
  const remove = (index: number) => {
    change((current) => removeStep(current, index));
    onSelect(Math.max(0, Math.min(selected, steps.length - 2)));
  };
  const add = () => {
    change(addStep);
    onSelect(steps.length);
  };
  return (
    <section className="studio-panel" aria-labelledby="guide-steps-title">
      <h2 id="guide-steps-title">{t('guideEditor.steps.title', { count: steps.length })}</h2>
      <ol className="guide-steps">
        {steps.map((step, index) => {
          const id = stepId(step, index);
          const title = localized(step.title)[language] || t('guideEditor.steps.untitled');
          const count = issuesUnder(issues, `steps.${index}`).length;
          return (
            <li key={`${id}-${index}`} className={index === selected ? 'guide-step-current' : ''} data-step-id={id}>
              <button type="button" className="guide-step-pick" aria-current={index === selected ? 'step' : undefined} onClick={() => onSelect(index)}>
                <span>{t('guideEditor.steps.item', { number: index + 1, title })}</span>
                {count > 0 && <span className="badge badge-issues">{t('guideEditor.issues.count', { count })}</span>}
              </button>
              <span className="guide-step-tools">
                <button type="button" disabled={index === 0} onClick={() => move(index, -1)} aria-label={t('guideEditor.steps.up', { number: index + 1 })}>
                  ↑
                </button>
                <button type="button" disabled={index === steps.length - 1} onClick={() => move(index, 1)} aria-label={t('guideEditor.steps.down', { number: index + 1 })}>
                  ↓
                </button>
                <button type="button" disabled={steps.length === 1} onClick={() => remove(index)} aria-label={t('guideEditor.steps.delete', { number: index + 1 })}>
                  ✕
                </button>
              </span>
            </li>
          );
        })}
      </ol>
      <button type="button" onClick={add}>
        {t('guideEditor.steps.add')}
      </button>
    </section>
  );
}
