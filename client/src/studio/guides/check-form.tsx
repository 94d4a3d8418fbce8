// A step's check in the guide editor: none, a confirmation, or a measurement with its unit, range (min/max) and the
// step an out-of-range reading leads to.
import { useTranslation } from 'react-i18next';
import type { ErrorIssue } from '../../../../core/ack.ts';
import { MEASUREMENT_UNITS } from '../../../../core/guide.ts';
import { FieldIssues, fieldProps, TextField } from './field-issues.tsx';
import { localized, type WorkStep } from './guide-work.ts';

export interface CheckFormProps {
  step: WorkStep;
  index: number;
  stepIds: readonly string[];
  issuesAt: (path: string) => ErrorIssue[];
  onChange: (check: Record<string, unknown> | undefined) => void;
}

type Kind = 'none' | 'confirm' | 'measurement';

export function CheckForm({ step, index, stepIds, issuesAt, onChange }: CheckFormProps) {
  const { t } = useTranslation('studio');
  const check = (typeof step.check === 'object' && step.check !== null ? step.check : {}) as Record<string, unknown>;
  const kind: Kind = check.kind === 'confirm' || check.kind === 'measurement' ? check.kind : 'none';
  const at = (field: string) => `steps.${index}.check${field ? `.${field}` : ''}`;
  const setKind = (next: Kind) => {
    if (next === 'none') onChange(undefined);
    else if (next === 'confirm') onChange({ kind: 'confirm' });
    else onChange({ kind: 'measurement', label: { en: '', es: '' }, unit: 'mm', onOutOfRange: stepIds[index] ?? '' });
  };
  const set = (field: string, value: unknown) => {
    const next = { ...check, [field]: value };
    if (value === undefined) delete next[field];
    onChange(next);
  };
  const number = (value: string) => (value.trim() === '' || Number.isNaN(Number(value)) ? undefined : Number(value));
  const label = localized(check.label);

  return (
    <fieldset className="guide-fieldset">
      <legend>{t('guideEditor.check.title')}</legend>
      <div className="guide-field">
        <label htmlFor={fieldProps(at(''), []).id}>{t('guideEditor.check.kind')}</label>
        <select {...fieldProps(at(''), issuesAt(at('')))} value={kind} onChange={(event) => setKind(event.target.value as Kind)}>
          <option value="none">{t('guideEditor.check.none')}</option>
          <option value="confirm">{t('guideEditor.check.confirm')}</option>
          <option value="measurement">{t('guideEditor.check.measurement')}</option>
        </select>
        <FieldIssues path={at('')} issues={issuesAt(at(''))} />
      </div>
      {kind === 'measurement' && (
        <>
          <TextField path={at('label.en')} label={t('guideEditor.check.labelEn')} lang="en" value={label.en} issues={issuesAt(at('label.en'))} onChange={(en) => set('label', { ...label, en })} />
          <TextField path={at('label.es')} label={t('guideEditor.check.labelEs')} lang="es" value={label.es} issues={issuesAt(at('label.es'))} onChange={(es) => set('label', { ...label, es })} />
          <div className="guide-field">
            <label htmlFor={fieldProps(at('unit'), []).id}>{t('guideEditor.check.unit')}</label>
            <select {...fieldProps(at('unit'), issuesAt(at('unit')))} value={typeof check.unit === 'string' ? check.unit : 'mm'} onChange={(event) => set('unit', event.target.value)}>
              {MEASUREMENT_UNITS.map((unit) => (
                <option key={unit} value={unit}>
                  {unit}
                </option>
              ))}
            </select>
            <FieldIssues path={at('unit')} issues={issuesAt(at('unit'))} />
          </div>
          <div className="guide-range">
            {(['min', 'max'] as const).map((end) => (
              <div className="guide-field" key={end}>
                <label htmlFor={fieldProps(at(end), []).id}>{t(`guideEditor.check.${end}`)}</label>
                <input type="number" inputMode="decimal" step="any" {...fieldProps(at(end), issuesAt(at(end)))} value={typeof check[end] === 'number' ? String(check[end]) : ''} onChange={(event) => set(end, number(event.target.value))} />
                <FieldIssues path={at(end)} issues={issuesAt(at(end))} />
              </div>
            ))}
          </div>
          <div className="guide-field">
            <label htmlFor={fieldProps(at('onOutOfRange'), []).id}>{t('guideEditor.check.onOutOfRange')}</label>
            <select {...fieldProps(at('onOutOfRange'), issuesAt(at('onOutOfRange')))} value={typeof check.onOutOfRange === 'string' ? check.onOutOfRange : ''} onChange={(event) => set('onOutOfRange', event.target.value)}>
              {stepIds.map((id, position) => (
                <option key={id} value={id}>
                  {t('guideEditor.steps.option', { number: position + 1, id })}
                </option>
              ))}
            </select>
            <FieldIssues path={at('onOutOfRange')} issues={issuesAt(at('onOutOfRange'))} />
          </div>
        </>
      )}
    </fieldset>
  );
}
