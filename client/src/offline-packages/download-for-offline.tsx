// "Download for offline" on a product or an assist page: stores the product with its guides (on an assist page also the
// media of the guide version its session runs), shows progress, then the size stored, and offers to remove it; links
// to the storage page. Guides run signed in: a guest is asked to sign in, and their session is kept once they have.
import { Link, useLocation } from 'wouter';
import { useTranslation } from 'react-i18next';
import type { Guide } from '../../../core/guide.ts';
import { formatBytes } from '../components/format.ts';
import { useLanguage } from '../components/use-language.ts';
import { useOnline } from '../components/use-online.ts';
import { useAppStores } from '../state/app-stores.ts';
import { useStore } from '../state/use-store.ts';
import { keepAssistSession } from './keep-session.ts';
import { packages } from './packages.ts';
import { useKeptSession } from './use-kept-session.ts';

export interface DownloadForOfflineProps {
  productId: string;
  /** On an assist page: its session (the one kept for offline use) and the guide it runs, if any. */
  session?: { id: string; guide: Guide | null };
}

export function DownloadForOffline({ productId, session }: DownloadForOfflineProps) {
  const { t } = useTranslation('offline');
  const language = useLanguage();
  const online = useOnline();
  const [location] = useLocation();
  const { auth, connection } = useAppStores();
  const user = useStore(auth, (state) => state.user);
  const client = useStore(connection, (state) => state.client);
  const record = useStore(packages, (state) => state.records[productId] ?? null);
  const active = useStore(packages, (state) => (state.active?.productId === productId ? state.active : null));
  const busy = useStore(packages, (state) => state.active !== null);
  const failed = useStore(packages, (state) => state.failed === productId);
  const keeping = useKeptSession(productId, user?.id ?? null, record !== null && !busy);

  const download = () => {
    const pinned = session?.guide?.steps.flatMap((step) => (step.media ? [step.media.url] : [])) ?? [];
    const sessionId = session?.id ?? null;
    const afterStored = user ? () => keepAssistSession(client, { productId, userId: user.id, language, sessionId }) : undefined;
    void packages.download(productId, { pinned, ...(afterStored ? { afterStored } : {}) });
  };
  const status = active
    ? t('download.progress', { done: active.done, total: active.total, size: formatBytes(active.bytes, language) })
    : keeping
      ? t('download.keeping')
      : record
        ? t('download.done', { size: formatBytes(record.bytes, language) })
        : '';

  return (
    <section className="offline-download" aria-labelledby="offline-download-title" data-testid="offline-download">
      <h2 id="offline-download-title">{t('download.title')}</h2>
      {!record && !active && <p className="hint">{t('download.intro')}</p>}
      {!user && (
        <p data-testid="offline-sign-in">
          {t(record ? 'download.guestStored' : 'download.guest')}{' '}
          <Link href={`/sign-in?next=${encodeURIComponent(location)}`}>{t('download.signIn')}</Link>
        </p>
      )}
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
