// A field of the guide editor with the validator's issues beside it: the input names them (aria-describedby), says it
// is invalid, and the issues can be reached from the summary, which focuses the field.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ErrorIssue } from '../../../../core/ack.ts';
import { currentLanguage } from '../../i18n/i18n.ts';
import { fieldDomId, issueDomId } from './guide-work.ts';
import { issueText } from './issue-text.ts';

export function FieldIssues({ path, issues }: { path: string; issues: readonly ErrorIssue[] }) {
  const { t } = useTranslation('studio');
  if (issues.length === 0) return null;
  const language = currentLanguage();
  return (
    <ul className="field-issues" id={issueDomId(path)} data-issue-path={path}>
      {issues.map((issue, index) => (
        <li key={`${issue.path}-${index}`} className="field-issue">
          {issueText(issue, t, language)}
        </li>
      ))}
    </ul>
  );
}

/** The props that tie an input to its issues (and to a hint about what it takes, when `hintId` names one). */
export function fieldProps(path: string, issues: readonly ErrorIssue[], hintId?: string) {
  const describedBy = [hintId, issues.length > 0 ? issueDomId(path) : undefined].filter(Boolean).join(' ');
  return { id: fieldDomId(path), 'aria-invalid': issues.length > 0, ...(describedBy ? { 'aria-describedby': describedBy } : {}) };
}

export interface TextFieldProps {
  path: string;
  label: string;
  value: string;
  issues: readonly ErrorIssue[];
  onChange: (value: string) => void;
  multiline?: boolean;
  lang?: string;
  /** The id of a hint the field is described by (what it takes). */
  hintId?: string;
}

export function TextField({ path, label, value, issues, onChange, multiline, lang, hintId }: TextFieldProps) {
  const common = { ...fieldProps(path, issues, hintId), value, ...(lang ? { lang } : {}) };
  return (
    <div className="guide-field">
      <label htmlFor={fieldDomId(path)}>{label}</label>
      {multiline ? <textarea rows={3} {...common} onChange={(event) => onChange(event.target.value)} /> : <input {...common} onChange={(event) => onChange(event.target.value)} />}
      <FieldIssues path={path} issues={issues} />
    </div>
  );
}

export function FieldGroup({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="guide-fieldset">
      <legend>{legend}</legend>
      {children}
    </fieldset>
  );
}
