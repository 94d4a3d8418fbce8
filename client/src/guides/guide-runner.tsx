// The guide runner as page DOM, the same inline beside the 3D view and over AR on phones: step n of m, text, warnings to
// acknowledge, the measurement or question, Back / Read aloud / Next, the sync state and a slot for help.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isMeasurementInRange } from '../../../core/guide-engine.ts';
import type { GuideStep } from '../../../core/guide.ts';
import type { Language } from '../../../core/languages.ts';
import type { GuideController } from './guide-controller.ts';
import type { GuideProgressStore } from './guide-progress-store.ts';
import { parseMeasurement, planNext, type StepView } from './guide-view-model.ts';
import { blockedKey } from './blocked-key.ts';
import { GuideText } from './guide-text.tsx';
import { rangeText } from './measurement-range.ts';
import { SyncStatus } from './sync-status.tsx';
import { useGuide } from './use-guide.ts';
import { VoiceToggle } from './voice-toggle.tsx';
import type { VoiceStore } from './voice-store.ts';

export interface GuideRunnerProps {
  progress: GuideProgressStore;
  controller: GuideController;
  /** Rendered beside the step controls, e.g. a "Get help" button. */
  helpSlot?: ReactNode;
  /** Rendered under a step that consumes parts, with those parts (e.g. an "Add to cart" button). */
  renderParts?: (parts: GuideStep['consumesParts']) => ReactNode;
  /** Rendered on the finished screen, e.g. the survey. */
  finishedSlot?: ReactNode;
  /** Over the AR view: smaller, without the keyboard hint. @default false */
  compact?: boolean;
  /** The page's voice commands, for their on/off toggle (they outlive this runner). */
  voice?: VoiceStore;
  /** An author's preview: nothing is saved (no sync state) and the page may not take the guide's keys. @default false */
  preview?: boolean;
}

const formatNumber = (language: Language) => (value: number) => new Intl.NumberFormat(language, { maximumFractionDigits: 3 }).format(value);

export function GuideRunner({ progress, controller, helpSlot = null, finishedSlot = null, renderParts, compact = false, voice, preview = false }: GuideRunnerProps) {
  const { t } = useTranslation('guide');
  const { state, view, ui, language } = useGuide(progress, controller);
  const heading = useRef<HTMLHeadingElement>(null);
  const [collapsed, setCollapsed] = useState(false);
  const bodyId = useId();
  const stepId = view && !view.finished ? view.current.step.id : null;
  const previousStep = useRef(stepId);

  useEffect(() => {
    if (previousStep.current !== null && previousStep.current !== stepId && !compact) heading.current?.focus({ preventScroll: true });
    previousStep.current = stepId;
  }, [stepId, compact]);

  if (!state.guide || !state.progress || !view) return null;
  const guide = state.guide;

  if (view.finished) {
    return (
      <section className={`guide-runner${compact ? ' compact' : ''}`} aria-label={t('runner.label')} data-testid="guide-runner">
        <h2 ref={heading} tabIndex={-1}>
          {t('runner.finished')}
        </h2>
        <p>{t('runner.finishedText')}</p>
        <div className="guide-controls">
          <button type="button" onClick={() => controller.back()} disabled={!view.canGoBack}>
            {t('runner.back')}
          </button>
          {helpSlot}
        </div>
        {!preview && <SyncStatus progress={progress} />}
        {finishedSlot}
      </section>
    );
  }

  const current = view.current;
  const { step } = current;
  const draftText = ui.draft?.stepId === step.id ? ui.draft.text : current.measurement !== null ? String(current.measurement) : '';
  const plan = planNext(guide, state.progress, ui.draft?.stepId === step.id ? parseMeasurement(ui.draft.text) : null);
  const nextLabel = plan.ok && plan.finishes ? t('runner.finish') : step.check?.kind === 'confirm' && !current.confirmed ? t('runner.doneNext') : t('runner.next');

  return (
    <section className={`guide-runner${compact ? ' compact' : ''}`} aria-label={t('runner.label')} data-testid="guide-runner" data-step-id={step.id}>
      <div className="guide-runner-head">
        <StepProgress index={current.index} count={current.count} />
        {compact && (
          <button type="button" className="guide-collapse" aria-expanded={!collapsed} aria-controls={bodyId} onClick={() => setCollapsed((value) => !value)} data-testid="guide-collapse">
            {collapsed ? t('runner.showStep') : t('runner.hideStep')}
          </button>
        )}
      </div>
      <h2 ref={heading} tabIndex={-1} data-testid="step-title">
        {step.title[language]}
      </h2>
      <div id={bodyId} className="guide-runner-body" hidden={collapsed}>
        <p className="guide-text">
          <GuideText text={step.text[language]} />
        </p>
        {step.media && !compact && <img className="guide-media" src={step.media.url} alt={step.media.alt[language]} />}
        {step.warnings.length > 0 && <Warnings step={step} current={current} language={language} onAcknowledge={(index) => controller.acknowledge(index)} />}
        {step.check?.kind === 'measurement' && (
          <Measurement
            check={step.check}
            language={language}
            text={draftText}
            recorded={current.measurement}
            onChange={(text) => controller.setDraft(text)}
            onCommit={() => controller.recordDraft()}
            onNext={() => controller.next()}
          />
        )}
        {step.question && (
          <fieldset className="guide-question">
            <legend>
              <GuideText text={step.question.prompt[language]} />
            </legend>
            {step.question.answers.map((answer) => (
              <label key={answer.id} className="guide-choice">
                <input type="radio" name={`answer-${step.id}`} value={answer.id} checked={current.answerId === answer.id} onChange={() => controller.answer(answer.id)} />
                <GuideText text={answer.label[language]} />
              </label>
            ))}
          </fieldset>
        )}
        {step.consumesParts.length > 0 && renderParts && (
          <div className="guide-parts">
            <h3>{t('runner.stepParts')}</h3>
            {renderParts(step.consumesParts)}
          </div>
        )}
      </div>
      <div className="guide-controls">
        <button type="button" onClick={() => controller.back()} disabled={!current.canGoBack} data-testid="guide-back">
          {t('runner.back')}
        </button>
        <button type="button" onClick={() => controller.repeat(language)} data-testid="guide-repeat">
          {t('runner.repeat')}
        </button>
        <button type="button" className="primary" onClick={() => controller.next()} aria-disabled={!plan.ok} data-testid="guide-next">
          {nextLabel}
        </button>
        {helpSlot}
      </div>
      <p className="guide-blocked" role="status" aria-live="polite">
        {ui.blocked ? t(`runner.blocked.${blockedKey(ui.blocked)}`) : ''}
      </p>
      {state.refused && <p className="status-error">{t('runner.refused')}</p>}
      {!preview && <SyncStatus progress={progress} />}
      <div className="guide-hands-free">
        {voice && <VoiceToggle voice={voice} />}
        {!compact && !preview && <p className="hint">{t('runner.keyboardHint')}</p>}
      </div>
    </section>
  );
}

function StepProgress({ index, count }: { index: number; count: number }) {
  const { t } = useTranslation('guide');
  const label = t('runner.stepOf', { n: index + 1, m: count });
  return (
    <div className="guide-progress">
      <span data-testid="step-of">{label}</span>
      <progress max={count} value={index + 1} aria-label={t('runner.progress')} />
    </div>
  );
}

function Warnings({ step, current, language, onAcknowledge }: { step: GuideStep; current: StepView; language: Language; onAcknowledge: (index: number) => void }) {
  const { t } = useTranslation('guide');
  return (
    <fieldset className="guide-warnings">
      <legend>{t('runner.safety')}</legend>
      {step.warnings.map((warning, index) => (
        <label key={index} className="guide-warning">
          <input type="checkbox" checked={current.acknowledged[index] ?? false} disabled={current.acknowledged[index] ?? false} onChange={() => onAcknowledge(index)} data-testid={`acknowledge-${index}`} />
          <span>
            <GuideText text={warning[language]} /> <strong className="guide-ack-label">{t('runner.acknowledge')}</strong>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

interface MeasurementProps {
  check: Extract<GuideStep['check'], { kind: 'measurement' }>;
  language: Language;
  text: string;
  recorded: number | null;
  onChange: (text: string) => void;
  onCommit: () => void;
  onNext: () => void;
}

function Measurement({ check, language, text, onChange, onCommit, onNext }: MeasurementProps) {
  const { t } = useTranslation('guide');
  const id = useId();
  const format = formatNumber(language);
  const value = parseMeasurement(text);
  return (
    <div className="guide-measurement">
      <label htmlFor={id}>
        <GuideText text={check.label[language]} /> ({check.unit})
      </label>
      <div className="guide-measurement-row">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          onChange={(event) => onChange(event.target.value)}
          onBlur={onCommit}
          onKeyDown={(event) => {
            if (event.key === 'Enter') onNext();
          }}
          aria-describedby={`${id}-help`}
          data-testid="measurement-input"
        />
        <span className="unit">{check.unit}</span>
      </div>
      <p id={`${id}-help`} className="hint">
        {t('runner.measurementHelp', { range: rangeText(t, check, format) })}
      </p>
      {value !== null && (
        <p className={isMeasurementInRange(check, value) ? 'guide-in-range' : 'guide-out-of-range'} role="status">
          {isMeasurementInRange(check, value) ? t('runner.inRange', { value: format(value), unit: check.unit }) : t('runner.outOfRange', { value: format(value), unit: check.unit })}
        </p>
      )}
    </div>
  );
}
