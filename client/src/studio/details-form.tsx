// What the catalog will show about the product: id, SKU, names and descriptions in both languages, line and price.
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PRODUCT_LINES, type ProductLine } from '../../../core/catalog.ts';
import type { StudioProductDetails } from '../../../core/studio.ts';

export function DetailsForm({ details, onSave }: { details: StudioProductDetails; onSave: (details: StudioProductDetails) => void }) {
  const { t } = useTranslation('studio');
  const [fields, setFields] = useState({ ...details, price: String(details.priceCents / 100) });
  const text = (key: 'id' | 'sku' | 'price') => (event: { target: { value: string } }) => setFields((current) => ({ ...current, [key]: event.target.value }));
  const localized = (key: 'name' | 'description', language: 'en' | 'es') => (event: { target: { value: string } }) =>
    setFields((current) => ({ ...current, [key]: { ...current[key], [language]: event.target.value } }));
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { price, ...rest } = fields;
    onSave({ ...rest, sku: rest.sku.toUpperCase(), priceCents: Math.round(Number(price.replace(',', '.')) * 100) });
  };
  return (
    <form className="studio-form" onSubmit={onSubmit} aria-labelledby="studio-details-title">
      <h3 id="studio-details-title">{t('details.title')}</h3>
      <label>
        {t('details.id')}
        <input value={fields.id} onChange={text('id')} required pattern="[a-z0-9]+(-[a-z0-9]+)*" />
      </label>
      <label>
        {t('details.sku')}
        <input value={fields.sku} onChange={text('sku')} required />
      </label>
      <label>
        {t('details.nameEn')}
        <input value={fields.name.en} onChange={localized('name', 'en')} required lang="en" />
      </label>
      <label>
        {t('details.nameEs')}
        <input value={fields.name.es} onChange={localized('name', 'es')} required lang="es" />
      </label>
      <label>
        {t('details.descriptionEn')}
        <textarea value={fields.description.en} onChange={localized('description', 'en')} required lang="en" />
      </label>
      <label>
        {t('details.descriptionEs')}
        <textarea value={fields.description.es} onChange={localized('description', 'es')} required lang="es" />
      </label>
      <label>
        {t('details.line')}
        <select value={fields.productLine} onChange={(event) => setFields((current) => ({ ...current, productLine: event.target.value as ProductLine }))}>
          {PRODUCT_LINES.map((line) => (
            <option key={line} value={line}>
              {t(`details.lines.${line}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('details.price')}
        <input value={fields.price} onChange={text('price')} required inputMode="decimal" />
      </label>
      <button type="submit">{t('details.save')}</button>
    </form>
  );
}
