// The storage page `/offline`: the products downloaded to this device with their sizes, what the app uses of the
// browser's storage, and removing one download or all of them.
import { useEffect, useState } from 'react';
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { ProductListSchema, type ProductSummary } from '../../../core/catalog.ts';
import { apiGet } from '../api/http.ts';
import { formatBytes, formatDate } from '../components/format.ts';
import { useLanguage } from '../components/use-language.ts';
import { useResource } from '../components/use-resource.ts';
import { useStore } from '../state/use-store.ts';
import { packages } from './packages.ts';

function useStorageEstimate(revision: unknown): StorageEstimate | null {
  const [estimate, setEstimate] = useState<StorageEstimate | null>(null);
  useEffect(() => {
    let current = true;
    void navigator.storage
      ?.estimate()
      .then((value) => current && setEstimate(value))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [revision]);
  return estimate;
}

export default function StoragePage() {
  const { t } = useTranslation('offline');
  const language = useLanguage();
  const records = useStore(packages, (state) => state.records);
  const busy = useStore(packages, (state) => state.active !== null);
  const estimate = useStorageEstimate(records);
  const catalog = useResource((signal) => apiGet('/api/products', ProductListSchema, signal), []);
  const names = new Map<string, ProductSummary>(catalog.status === 'ready' ? catalog.data.products.map((product) => [product.id, product]) : []);
  const list = Object.values(records).sort((a, b) => a.productId.localeCompare(b.productId));
  const total = list.reduce((sum, record) => sum + record.bytes, 0);
  const nameOf = (productId: string) => names.get(productId)?.name[language] ?? productId;

  return (
    <article className="offline-storage" aria-labelledby="offline-storage-title">
      <h1 id="offline-storage-title">{t('storage.title')}</h1>
      <p>{t('storage.intro')}</p>
      {list.length === 0 ? (
        <p role="status">{t('storage.none')}</p>
      ) : (
        <ul data-testid="offline-packages">
          {list.map((record) => (
            <li key={record.productId}>
              <Link href={`/products/${encodeURIComponent(record.productId)}`} aria-label={t('storage.open', { name: nameOf(record.productId) })}>
                {nameOf(record.productId)}
              </Link>{' '}
              <span>{t('storage.size', { size: formatBytes(record.bytes, language), date: formatDate(record.savedAt, language) })}</span>{' '}
              <button type="button" onClick={() => void packages.remove(record.productId)} disabled={busy}>
                {t('storage.remove', { name: nameOf(record.productId) })}
              </button>
            </li>
          ))}
        </ul>
      )}
      <p data-testid="offline-total">{t('storage.total', { size: formatBytes(total, language) })}</p>
      {estimate?.usage !== undefined && estimate.quota !== undefined && (
        <p data-testid="offline-usage">{t('storage.used', { used: formatBytes(estimate.usage, language), quota: formatBytes(estimate.quota, language) })}</p>
      )}
      {list.length > 0 && (
        <button type="button" onClick={() => void packages.clear()} disabled={busy}>
          {t('storage.clear')}
        </button>
      )}
    </article>
  );
}
