// "Show the agent a part" without tapping the 3D model: pick the part from a list (keyboard and screen readers too).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProductDetail } from '../../../core/catalog.ts';
import type { Language } from '../../../core/languages.ts';

export function PartPointer({ product, onPoint, busy }: { product: ProductDetail; onPoint: (partId: string) => void; busy: boolean }) {
  const { t, i18n } = useTranslation('assist');
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const selectId = useId();
  const [partId, setPartId] = useState(product.parts[0]?.id ?? '');
  return (
    <div className="part-pointer">
      <label htmlFor={selectId}>{t('help.pointLabel')}</label>
      <select id={selectId} value={partId} onChange={(event) => setPartId(event.target.value)}>
        {product.parts.map((part) => (
          <option key={part.id} value={part.id}>
            {part.name[language]}
          </option>
        ))}
      </select>
      <button type="button" disabled={busy || !partId} onClick={() => onPoint(partId)}>
        {t('help.point')}
      </button>
    </div>
  );
}
