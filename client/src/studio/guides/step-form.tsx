// One step in the guide editor: its title and text in English and Spanish (plain text with **bold**, shown inert), the parts it
// targets (also picked by clicking the 3D view), its hint, warnings, check and where it leads (question or next), each
// with the issues that name it.
import { useTranslation } from 'react-i18next';
import type { ErrorIssue } from '../../../../core/ack.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { CheckForm } from './check-form.tsx';
import { FieldGroup, FieldIssues, TextField } from './field-issues.tsx';
import { HintForm } from './hint-form.tsx';
import type { HintPreview } from './hint-preview.ts';
import { QuestionForm, type StepChoice } from './question-form.tsx';
import { fieldDomId, issuesByField, localized, partIdsOf, patchStep, stepFieldPaths, stepId, warningsOf, type GuideWork, type WorkStep } from './guide-work.ts';

/** The hint saying which formatting guide text takes, shared by the step's words and warnings. */
const FORMAT_HINT = 'guide-step-format-hint';

export interface PartChoice {
  id: string;
  name: { en: string; es: string };
}

export interface StepFormProps {
  step: WorkStep;
  index: number;
  stepIds: readonly string[];
  issues: readonly ErrorIssue[];
  parts: readonly PartChoice[];
  /** Every step, by title, for the selects that choose where this one leads. */
  choices: readonly StepChoice[];
  preview: HintPreview;
  change: (update: (guide: GuideWork) => GuideWork) => void;
}

function PartPicker({ index, chosen, parts, issues, onToggle }: { index: number; chosen: readonly string[]; parts: readonly PartChoice[]; issues: readonly ErrorIssue[]; onToggle: (id: string) => void }) {
  const { t } = useTranslation('studio');
  const path = `steps.${index}.targetPartIds`;
  const language = currentLanguage();
  return (
    <fieldset className="guide-fieldset guide-parts" id={fieldDomId(path)} tabIndex={-1} aria-describedby={issues.length > 0 ? `${fieldDomId(path)}-issues` : undefined}>
      <legend>{t('guideEditor.parts.title')}</legend>
      <p className="muted">{t('guideEditor.parts.hint')}</p>
      <ul>
        {parts.map((part) => (
          <li key={part.id}>
            <label className="guide-check">
              <input type="checkbox" checked={chosen.includes(part.id)} onChange={() => onToggle(part.id)} /> {part.name[language]} <code>{part.id}</code>
            </label>
          </li>
        ))}
      </ul>
      <FieldIssues path={path} issues={issues} />
    </fieldset>
  );
}

export function StepForm({ step, index, stepIds, issues, parts, choices, preview, change }: StepFormProps) {
  const { t } = useTranslation('studio');
  const grouped = issuesByField(issues, stepFieldPaths(step, index));
  const issuesAt = (path: string) => grouped.get(path) ?? [];
  const at = (field: string) => `steps.${index}.${field}`;
  const patch = (fields: Record<string, unknown>) => change((guide) => patchStep(guide, index, fields));
  const title = localized(step.title);
  const text = localized(step.text);
  const warnings = warningsOf(step);
  const setWarnings = (next: typeof warnings) => patch({ warnings: next });
  const chosen = partIdsOf(step);
  const firstPart = parts.find((part) => part.id === chosen[0]);

  return (
    <section className="studio-panel guide-step-form" aria-labelledby="guide-step-form-title" data-step-index={index}>
      <h2 id="guide-step-form-title">{t('guideEditor.steps.editing', { number: index + 1, id: stepId(step, index) })}</h2>
      <FieldIssues path={at('')} issues={grouped.get('') ?? []} />
      <FieldGroup legend={t('guideEditor.steps.words')}>
        <p className="muted" id={FORMAT_HINT}>
          {t('guideEditor.steps.format')}
        </p>
        <TextField path={at('title.en')} hintId={FORMAT_HINT} label={t('guideEditor.steps.titleEn')} lang="en" value={title.en} issues={issuesAt(at('title.en'))} onChange={(en) => patch({ title: { ...title, en } })} />
        <TextField path={at('title.es')} hintId={FORMAT_HINT} label={t('guideEditor.steps.titleEs')} lang="es" value={title.es} issues={issuesAt(at('title.es'))} onChange={(es) => patch({ title: { ...title, es } })} />
        <TextField path={at('text.en')} hintId={FORMAT_HINT} label={t('guideEditor.steps.textEn')} lang="en" multiline value={text.en} issues={issuesAt(at('text.en'))} onChange={(en) => patch({ text: { ...text, en } })} />
        <TextField path={at('text.es')} hintId={FORMAT_HINT} label={t('guideEditor.steps.textEs')} lang="es" multiline value={text.es} issues={issuesAt(at('text.es'))} onChange={(es) => patch({ text: { ...text, es } })} />
      </FieldGroup>
      <PartPicker index={index} chosen={chosen} parts={parts} issues={issuesAt(at('targetPartIds'))} onToggle={(id) => patch({ targetPartIds: chosen.includes(id) ? chosen.filter((part) => part !== id) : [...chosen, id] })} />
      <HintForm step={step} index={index} partName={firstPart ? firstPart.name[currentLanguage()] : (chosen[0] ?? null)} issuesAt={issuesAt} preview={preview} onChange={(hint) => patch({ hint })} />
      <FieldGroup legend={t('guideEditor.warnings.title')}>
        {warnings.map((warning, n) => (
          <div key={n} className="guide-warning-item">
            <TextField path={at(`warnings.${n}.en`)} hintId={FORMAT_HINT} label={t('guideEditor.warnings.en', { number: n + 1 })} lang="en" value={warning.en} issues={issuesAt(at(`warnings.${n}.en`))} onChange={(en) => setWarnings(warnings.map((w, k) => (k === n ? { ...w, en } : w)))} />
            <TextField path={at(`warnings.${n}.es`)} hintId={FORMAT_HINT} label={t('guideEditor.warnings.es', { number: n + 1 })} lang="es" value={warning.es} issues={issuesAt(at(`warnings.${n}.es`))} onChange={(es) => setWarnings(warnings.map((w, k) => (k === n ? { ...w, es } : w)))} />
            <button type="button" onClick={() => setWarnings(warnings.filter((_w, k) => k !== n))}>
              {t('guideEditor.warnings.remove', { number: n + 1 })}
            </button>
          </div>
        ))}
        {warnings.length < 5 && (
          <button type="button" onClick={() => setWarnings([...warnings, { en: '', es: '' }])}>
            {t('guideEditor.warnings.add')}
          </button>
        )}
      </FieldGroup>
      <CheckForm step={step} index={index} stepIds={stepIds} issuesAt={issuesAt} onChange={(check) => patch({ check })} />
      <QuestionForm step={step} index={index} choices={choices} issuesAt={issuesAt} change={change} />
    </section>
  );
}
