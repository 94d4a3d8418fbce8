// A step's hint animation in the guide editor: none, an arrow, a turn (axis, turns, direction) or a slide (direction,
// distance), in the first target part's own frame; "Preview hint" plays it on that part in the 3D view.
import { useTranslation } from 'react-i18next';
import type { ErrorIssue } from '../../../../core/ack.ts';
import { StepHintSchema } from '../../../../core/guide.ts';
import { FieldIssues, fieldProps } from './field-issues.tsx';
import { partIdsOf, type WorkStep } from './guide-work.ts';
import type { HintPreview } from './hint-preview.ts';

type Kind = 'none' | 'arrow' | 'rotate' | 'translate';
type Vec = readonly [number, number, number];

const DIRECTIONS = [
  { key: 'up', vector: [0, 1, 0] },
  { key: 'down', vector: [0, -1, 0] },
  { key: 'right', vector: [1, 0, 0] },
  { key: 'left', vector: [-1, 0, 0] },
  { key: 'toward', vector: [0, 0, 1] },
  { key: 'away', vector: [0, 0, -1] },
] as const satisfies ReadonlyArray<{ key: string; vector: Vec }>;

const DEFAULTS: Record<Exclude<Kind, 'none'>, Record<string, unknown>> = {
  arrow: { kind: 'arrow', direction: [0, 1, 0] },
  rotate: { kind: 'rotate', axis: [0, 0, 1], turns: 1, clockwise: true },
  translate: { kind: 'translate', direction: [0, 1, 0], distance: 0.05 },
};

const vectorKey = (value: unknown): string => (Array.isArray(value) ? value.join(',') : '');

export interface HintFormProps {
  step: WorkStep;
  index: number;
  /** The name of the step's first target part, in the editor's language; null when it targets none. */
  partName: string | null;
  issuesAt: (path: string) => ErrorIssue[];
  preview: HintPreview;
  onChange: (hint: Record<string, unknown> | undefined) => void;
}

export function HintForm({ step, index, partName, issuesAt, preview, onChange }: HintFormProps) {
  const { t } = useTranslation('studio');
  const hint = (typeof step.hint === 'object' && step.hint !== null ? step.hint : {}) as Record<string, unknown>;
  const kind: Kind = hint.kind === 'arrow' || hint.kind === 'rotate' || hint.kind === 'translate' ? hint.kind : 'none';
  const at = (field: string) => `steps.${index}.hint${field ? `.${field}` : ''}`;
  const set = (field: string, value: unknown) => onChange({ ...hint, [field]: value });
  const number = (value: string) => (value.trim() === '' || Number.isNaN(Number(value)) ? value : Number(value));
  const parsed = StepHintSchema.safeParse(step.hint);
  const playing = preview.playing?.step === index;
  const blocked = kind === 'none' ? null : partIdsOf(step).length === 0 ? t('guideEditor.hint.needsPart') : parsed.success ? null : t('guideEditor.hint.fix');
  const vectorField = kind === 'rotate' ? 'axis' : 'direction';
  const vector = vectorKey(hint[vectorField]);
  const preset = DIRECTIONS.some((direction) => direction.vector.join(',') === vector);

  const numberField = (field: 'turns' | 'distance', label: string, step_: number) => (
    <div className="guide-field">
      <label htmlFor={fieldProps(at(field), []).id}>{label}</label>
      <input type="number" inputMode="decimal" step={step_} min={0} {...fieldProps(at(field), issuesAt(at(field)))} value={typeof hint[field] === 'number' || typeof hint[field] === 'string' ? String(hint[field]) : ''} onChange={(event) => set(field, number(event.target.value))} />
      <FieldIssues path={at(field)} issues={issuesAt(at(field))} />
    </div>
  );

  return (
    <fieldset className="guide-fieldset guide-hint">
      <legend>{t('guideEditor.hint.title')}</legend>
      <div className="guide-field">
        <label htmlFor={fieldProps(at(''), []).id}>{t('guideEditor.hint.kind')}</label>
        <select {...fieldProps(at(''), issuesAt(at('')))} value={kind} onChange={(event) => onChange(event.target.value === 'none' ? undefined : DEFAULTS[event.target.value as Exclude<Kind, 'none'>])}>
          {(['none', 'arrow', 'rotate', 'translate'] as const).map((option) => (
            <option key={option} value={option}>
              {t(`guideEditor.hint.${option}`)}
            </option>
          ))}
        </select>
        <FieldIssues path={at('')} issues={issuesAt(at(''))} />
      </div>
      {kind !== 'none' && (
        <>
          <div className="guide-field">
            <label htmlFor={fieldProps(at(vectorField), []).id}>{t(kind === 'rotate' ? 'guideEditor.hint.axis' : 'guideEditor.hint.direction')}</label>
            <select {...fieldProps(at(vectorField), issuesAt(at(vectorField)))} value={vector} onChange={(event) => set(vectorField, event.target.value.split(',').map(Number))}>
              {DIRECTIONS.map((direction) => (
                <option key={direction.key} value={direction.vector.join(',')}>
                  {t(`guideEditor.hint.toward.${direction.key}`)}
                </option>
              ))}
              {!preset && <option value={vector}>{t('guideEditor.hint.custom', { vector: vector || '—' })}</option>}
            </select>
            <FieldIssues path={at(vectorField)} issues={issuesAt(at(vectorField))} />
          </div>
          {kind === 'rotate' && numberField('turns', t('guideEditor.hint.turns'), 0.25)}
          {kind === 'rotate' && (
            <label className="guide-check">
              <input type="checkbox" checked={hint.clockwise === true} onChange={(event) => set('clockwise', event.target.checked)} /> {t('guideEditor.hint.clockwise')}
            </label>
          )}
          {kind === 'translate' && numberField('distance', t('guideEditor.hint.distance'), 0.01)}
          <p className="guide-hint-preview">
            <button type="button" disabled={blocked !== null || !parsed.success} aria-describedby={blocked ? `guide-hint-blocked-${index}` : undefined} onClick={() => (playing ? preview.stop() : parsed.success && preview.play(index, parsed.data))}>
              {playing ? t('guideEditor.hint.stop') : t('guideEditor.hint.preview')}
            </button>{' '}
            {blocked && (
              <span className="muted" id={`guide-hint-blocked-${index}`}>
                {blocked}
              </span>
            )}
          </p>
        </>
      )}
      <p role="status" aria-live="polite" data-testid="guide-hint-status" className="guide-hint-status">
        {playing && partName ? t('guideEditor.hint.playing', { part: partName }) : ''}
      </p>
    </fieldset>
  );
}
