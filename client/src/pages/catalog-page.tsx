// The catalog: every product with its picture, name, price and real dimensions.
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import type { ProductList } from '../../../core/catalog.ts';
import type { Language } from '../../../core/languages.ts';
import { apiFetch } from '../api/http.ts';
import { dimensionsInCm, formatPrice } from '../components/format.ts';
import { useResource } from '../components/use-resource.ts';
import { ErrorView, Loading } from '../components/status-views.tsx';
import { UsualSlot } from '../orders/usual/usual-slot.tsx';

export function CatalogPage() {
  const { t, i18n } = useTranslation('catalog');
  const language = (i18n.resolvedLanguage ?? 'en') as Language;
  const products = useResource((signal) => apiFetch<ProductList>('/api/products', signal), []);

  return (
    <section aria-labelledby="catalog-title">
      <h1 id="catalog-title">{t('title')}</h1>
      <p className="lead">{t('intro')}</p>
      <UsualSlot />
      {products.status === 'loading' && <Loading />}
      {products.status === 'error' && <ErrorView error={products.error} retry={products.retry} />}
      {products.status === 'ready' && (
        <ul className="product-grid" data-testid="product-list">
          {products.data.products.map((product) => (
            <li key={product.id} className="product-card">
              <Link href={`/products/${product.id}`} className="product-card-link">
                <img src={product.thumbnailUrl} alt="" width={512} height={512} loading="lazy" decoding="async" />
                <h2>{product.name[language]}</h2>
                <p className="price">{formatPrice(product.priceCents, language)}</p>
                <p className="dimensions">
                  <span className="visually-hidden">{t('dimensionsLabel')}: </span>
                  {t('dimensions', dimensionsInCm(product.dimensions))}
                </p>
                <p className="placement">{t(`placement.${product.placement}`)}</p>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
