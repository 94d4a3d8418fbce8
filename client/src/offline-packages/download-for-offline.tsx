// "Download for offline" on a product page: stores the product with its guides, shows progress, then the size stored,
// and offers to remove it; links to the storage page.
import { Link } from 'wouter';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../components/format.ts';
import { useLanguage } from '../components/use-language.ts';
import { useOnline } from '../components/use-online.ts';
import { useAppStores } from '../state/app-stores.ts';
import { useStore } from '../state/use-store.ts';
import { keepAssistSession } from './keep-session.ts';
import { packages } from './packages.ts';

export function DownloadForOffline({ productId }: { productId: string }) {
  const { t } = useTranslation('offline');
  const language = useLanguage();
  const online = useOnline();
  const { auth, connection } = useAppStores();
  const user = useStore(auth, (state) => state.user);
  const client = useStore(connection, (state) => state.client);
  const record = useStore(packages, (state) => state.records[productId] ?? null);
  const active = useStore(packages, (state) => (state.active?.productId === productId ? state.active : null));
  const busy = useStore(packages, (state) => state.active !== null);
  const failed = useStore(packages, (state) => state.failed === productId);

  const download = () => {
    const keep = user ? () => keepAssistSession(client, { productId, userId: user.id, language }) : undefined;
    void packages.download(productId, keep);
  };
  const status = active
    ? t('download.progress', { done: active.done, total: active.total, size: formatBytes(active.bytes, language) })
    : record
      ? t('download.done', { size: formatBytes(record.bytes, language) })
      : '';

  return (
    <section className="offline-download" aria-labelledby="offline-download-title" data-testid="offline-download">
      <h2 id="offline-download-title">{t('download.title')}</h2>
      {!record && !active && <p className="hint">{t('download.intro')}</p>}
      {active && <progress value={active.done} max={Math.max(active.total, 1)} aria-label={t('download.progressLabel')} />}
      <p role="status">{status}</p>
      {failed && <p role="alert" className="status-error">{t('download.failed')}</p>}
      {!record && !active && !online && <p>{t('download.needsSignal')}</p>}
      <p className="offline-actions">
        {record ? (
          <button type="button" onClick={() => void packages.remove(productId)} disabled={busy}>
            {t('download.remove')}
          </button>
        ) : (
          <button type="button" onClick={download} disabled={busy || !online}>
            {t('download.start')}
          </button>
        )}{' '}
        <Link href="/offline">{t('download.storage')}</Link>
      </p>
    </section>
  );
}
