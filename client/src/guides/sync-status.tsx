// Whether the person's steps are saved: offline with steps waiting, syncing, or saved.
import { useTranslation } from 'react-i18next';
import { useStore } from '../state/use-store.ts';
import type { GuideProgressStore } from './guide-progress-store.ts';
import { syncStateOf } from './guide-view-model.ts';

export function SyncStatus({ progress }: { progress: GuideProgressStore }) {
  const { t } = useTranslation('guide');
  const online = useStore(progress, (state) => state.online);
  const pending = useStore(progress, (state) => state.pending);
  const sync = syncStateOf(online, pending);
  const text = sync === 'offline' ? (pending > 0 ? t('sync.offlinePending', { count: pending }) : t('sync.offline')) : sync === 'syncing' ? t('sync.syncing') : t('sync.saved');
  return (
    <p className={`guide-sync guide-sync-${sync}`} role="status" aria-live="polite" data-testid="guide-sync" data-sync={sync}>
      {text}
    </p>
  );
}
