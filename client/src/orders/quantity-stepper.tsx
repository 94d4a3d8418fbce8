// A quantity field with − and + buttons, bounded, usable by keyboard, touch and screen readers.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_LINE_QUANTITY } from '../../../core/order-limits.ts';

export interface QuantityStepperProps {
  value: number;
  onChange: (quantity: number) => void;
  /** Visible label. */
  label: string;
  /** @default 1 */
  min?: number;
  /** @default MAX_LINE_QUANTITY */
  max?: number;
  disabled?: boolean;
}

export function QuantityStepper({ value, onChange, label, min = 1, max = MAX_LINE_QUANTITY, disabled = false }: QuantityStepperProps) {
  const { t } = useTranslation('orders');
  const id = useId();
  const clamp = (n: number) => Math.min(Math.max(Math.round(n), min), Math.max(min, max));
  return (
    <div className="quantity-stepper">
      <label htmlFor={id}>{label}</label>
      <div className="quantity-stepper-controls">
        <button type="button" onClick={() => onChange(clamp(value - 1))} disabled={disabled || value <= min} aria-label={t('quantity.decrease', { label })}>
          −
        </button>
        <input
          id={id}
          type="number"
          inputMode="numeric"
          min={min}
          max={max}
          value={value}
          disabled={disabled}
          onChange={(event) => {
            const next = Number(event.target.value);
            if (Number.isFinite(next) && event.target.value !== '') onChange(clamp(next));
          }}
        />
        <button type="button" onClick={() => onChange(clamp(value + 1))} disabled={disabled || value >= max} aria-label={t('quantity.increase', { label })}>
          +
        </button>
      </div>
    </div>
  );
}
