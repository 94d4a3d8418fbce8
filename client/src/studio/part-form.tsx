// The selected node made a part: its id, names in English and Spanish, and (to be orderable) SKU, price and stock.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudioPart, StudioTreeNode } from '../../../core/studio.ts';

export interface PartFormProps {
  node: StudioTreeNode;
  part: StudioPart | undefined;
  onSave: (part: StudioPart) => void;
  onRemove: () => void;
}

export function PartForm({ node, part, onSave, onRemove }: PartFormProps) {
  const { t } = useTranslation('studio');
  const [fields, setFields] = useState(() => ({
    partId: part?.partId ?? node.slug,
    en: part?.name.en ?? node.name,
    es: part?.name.es ?? node.name,
    sku: part?.sku ?? '',
    price: part?.priceCents !== undefined ? String(part.priceCents / 100) : '',
    stock: part?.stock !== undefined ? String(part.stock) : '',
  }));
  const set = (key: keyof typeof fields) => (event: { target: { value: string } }) => setFields((current) => ({ ...current, [key]: event.target.value }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const price = fields.price.trim() === '' ? undefined : Math.round(Number(fields.price.replace(',', '.')) * 100);
    const stock = fields.stock.trim() === '' ? undefined : Number(fields.stock);
    onSave({
      nodeId: node.id,
      partId: fields.partId.trim(),
      name: { en: fields.en.trim(), es: fields.es.trim() },
      ...(fields.sku.trim() ? { sku: fields.sku.trim().toUpperCase() } : {}),
      ...(price !== undefined ? { priceCents: price } : {}),
      ...(stock !== undefined ? { stock } : {}),
    });
  };
  const id = (name: string) => `part-${name}`;
  return (
    <form className="studio-form" onSubmit={onSubmit} aria-labelledby="studio-part-title">
      <h3 id="studio-part-title">{t('parts.formTitle', { name: node.name || t('parts.unnamed') })}</h3>
      <label htmlFor={id('id')}>{t('parts.partId')}</label>
      <input id={id('id')} value={fields.partId} onChange={set('partId')} required pattern="[a-z0-9]+(-[a-z0-9]+)*" aria-describedby={id('id-hint')} />
      <p id={id('id-hint')} className="muted">
        {t('parts.partIdHint')}
      </p>
      <label htmlFor={id('en')}>{t('parts.nameEn')}</label>
      <input id={id('en')} value={fields.en} onChange={set('en')} required lang="en" />
      <label htmlFor={id('es')}>{t('parts.nameEs')}</label>
      <input id={id('es')} value={fields.es} onChange={set('es')} required lang="es" />
      <fieldset>
        <legend>{t('parts.saleTitle')}</legend>
        <label htmlFor={id('sku')}>{t('parts.sku')}</label>
        <input id={id('sku')} value={fields.sku} onChange={set('sku')} autoCapitalize="characters" />
        <label htmlFor={id('price')}>{t('parts.price')}</label>
        <input id={id('price')} value={fields.price} onChange={set('price')} inputMode="decimal" />
        <label htmlFor={id('stock')}>{t('parts.stock')}</label>
        <input id={id('stock')} type="number" min={0} step={1} value={fields.stock} onChange={set('stock')} aria-describedby={id('stock-hint')} />
        <p id={id('stock-hint')} className="muted">
          {t('parts.stockHint')}
        </p>
      </fieldset>
      <div className="studio-actions">
        <button type="submit">{t(part ? 'parts.update' : 'parts.make')}</button>
        {part && (
          <button type="button" onClick={onRemove}>
            {t('parts.remove')}
          </button>
        )}
      </div>
    </form>
  );
}
