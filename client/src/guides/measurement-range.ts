// The accepted range of a measurement as words, e.g. "3 mm or more".
import type { TFunction } from 'i18next';
import type { MeasurementCheck } from '../../../core/guide.ts';

export function rangeText(t: TFunction<'guide'>, check: MeasurementCheck, format: (value: number) => string): string {
  const unit = check.unit;
  if (check.min !== undefined && check.max !== undefined) return t('range.between', { min: format(check.min), max: format(check.max), unit });
  if (check.min !== undefined) return t('range.min', { min: format(check.min), unit });
  return t('range.max', { max: format(check.max ?? 0), unit });
}
