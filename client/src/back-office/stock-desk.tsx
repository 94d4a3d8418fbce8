// Every part's stock, set by hand (a count after a delivery, a correction), with the products each part fits.
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiGet, apiRequest } from '../api/http.ts';
import { PartListSchema, ProductListSchema, type PartDetail, type ProductSummary } from '../../../core/catalog.ts';
import { formatPrice } from '../components/format.ts';
import { ErrorView, Loading } from '../components/status-views.tsx';
import { useLanguage } from '../components/use-language.ts';
import { errorText } from '../i18n/error-text.ts';

export function StockDesk() {
  const { t } = useTranslation('backOffice');
  const language = useLanguage();
  const [parts, setParts] = useState<PartDetail[] | null>(null);
  const [products, setProducts] = useState<ProductSummary[]>([]);
  const [loadError, setLoadError] = useState<unknown>(null);

  const load = useCallback(() => {
    setLoadError(null);
    Promise.all([apiGet('/api/parts', PartListSchema), apiGet('/api/products', ProductListSchema)]).then(
      ([list, catalog]) => {
        setParts(list.parts);
        setProducts(catalog.products);
      },
      (error: unknown) => setLoadError(error),
    );
  }, []);
  useEffect(load, [load]);

  const saved = (part: PartDetail) => setParts((list) => list?.map((candidate) => (candidate.sku === part.sku ? part : candidate)) ?? null);

  return (
    <section aria-labelledby="stock-desk-title" className="back-office-desk">
      <h2 id="stock-desk-title">{t('stock.title')}</h2>
      {loadError !== null && <ErrorView error={loadError} retry={load} />}
      {parts === null && loadError === null && <Loading />}
      <ul className="back-office-list" data-testid="back-office-stock">
        {parts?.map((part) => (
          <StockRow key={part.sku} part={part} fits={part.productIds.map((id) => products.find((product) => product.id === id)?.name[language] ?? id).join(', ')} onSaved={saved} />
        ))}
      </ul>
    </section>
  );
}

function StockRow({ part, fits, onSaved }: { part: PartDetail; fits: string; onSaved: (part: PartDetail) => void }) {
  const { t } = useTranslation('backOffice');
  const language = useLanguage();
  const [value, setValue] = useState(String(part.stock));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => setValue(String(part.stock)), [part.stock]);
  const stock = Number(value);
  const valid = value.trim() !== '' && Number.isInteger(stock) && stock >= 0;
  const name = part.name[language];
  const inputId = `stock-${part.sku}`;

  const save = async () => {
    try {
      const saved = await apiRequest<PartDetail>(`/api/parts/${encodeURIComponent(part.sku)}`, { method: 'PATCH', body: { stock } });
      onSaved(saved);
      setMessage({ ok: true, text: t('stock.saved', { name, stock: saved.stock }) });
    } catch (error) {
      setMessage({ ok: false, text: errorText(error) });
    }
  };

  return (
    <li data-sku={part.sku} className="stock-row">
      <div className="stock-row-part">
        <strong>{name}</strong>
        <span className="stock-row-meta">
          {part.sku} · {formatPrice(part.priceCents, language)}
        </span>
        {fits && <span className="stock-row-meta">{t('stock.fits', { products: fits })}</span>}
      </div>
      <p className="stock-row-figure" data-testid="stock-figure">
        <span className="stock-row-count">{part.stock}</span> {t('stock.inStock')}
      </p>
      <form
        className="stock-row-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (valid) void save();
        }}
      >
        <label htmlFor={inputId}>{t('stock.short')}</label>
        <input id={inputId} type="number" inputMode="numeric" min={0} step={1} value={value} aria-label={t('stock.label', { name })} aria-invalid={!valid} onChange={(event) => setValue(event.target.value)} />
        <button type="submit" disabled={!valid || stock === part.stock} aria-label={t('stock.save', { name })}>
          {t('stock.saveShort')}
        </button>
      </form>
      <span className={`stock-row-message ${message?.ok === false ? 'status-error' : 'status'}`} role={message?.ok === false ? 'alert' : 'status'}>
        {message?.text ?? ''}
      </span>
    </li>
  );
}
