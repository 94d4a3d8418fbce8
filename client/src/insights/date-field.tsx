// A day written as dd/mm/yyyy with the format named in the app's language: a native date input shows the browser's own
// format instead (mm/dd/yyyy in an American browser, whatever language the app is set to).
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** "31/12/2026" → "2026-12-31"; '' for an empty text; null when it is not a real day. */
export function parseDay(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed) return '';
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
  if (!match) return null;
  const [day, month, year] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}

const shown = (iso: string) => (iso ? iso.split('-').reverse().join('/') : '');

export function DateField({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation('insights');
  const [text, setText] = useState(() => shown(value));
  const [invalid, setInvalid] = useState(false);
  const hintId = useId();
  const inputId = useId();
  useEffect(() => setText((current) => (parseDay(current) === value ? current : shown(value))), [value]);
  const commit = () => {
    const day = parseDay(text);
    setInvalid(day === null);
    if (day !== null && day !== value) onChange(day);
  };
  return (
    <div className="insights-date">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('filters.dateFormat')}
        value={text}
        aria-invalid={invalid}
        aria-describedby={hintId}
        onChange={(event) => setText(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => event.key === 'Enter' && commit()}
      />
      <span id={hintId} className={invalid ? 'status-error insights-date-hint' : 'insights-date-hint'}>
        {invalid ? t('filters.dateInvalid', { format: t('filters.dateFormat') }) : t('filters.dateFormat')}
      </span>
    </div>
  );
}
