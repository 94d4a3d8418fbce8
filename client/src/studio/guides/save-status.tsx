// Whether the author's changes are saved (announced politely), who saved in between when a save was refused (with a
// reload), and any other refusal in the server's words.
import { useTranslation } from 'react-i18next';
import { errorText } from '../../i18n/error-text.ts';
import { useStore } from '../../state/use-store.ts';
import type { GuideDraftStore } from './guide-draft-store.ts';

export function SaveStatus({ store }: { store: GuideDraftStore }) {
  const { t } = useTranslation('studio');
  const status = useStore(store, (state) => state.status);
  const revision = useStore(store, (state) => state.draft?.revision ?? 0);
  const text = { saved: t('guideEditor.save.saved', { revision }), unsaved: t('guideEditor.save.unsaved'), saving: t('guideEditor.save.saving'), failed: t('guideEditor.save.failed'), conflict: t('guideEditor.save.conflict') }[status];
  return (
    <p className={`guide-save guide-save-${status}`} role="status" aria-live="polite" data-testid="guide-save-status">
      {text}
    </p>
  );
}

export function SaveProblem({ store }: { store: GuideDraftStore }) {
  const { t } = useTranslation('studio');
  const conflict = useStore(store, (state) => state.conflict);
  const failure = useStore(store, (state) => state.failure);
  const status = useStore(store, (state) => state.status);
  if (conflict) {
    return (
      <div className="studio-refusal" role="alert">
        <p>{t('guideEditor.conflict', { name: conflict.name, revision: conflict.revision })}</p>
        <button type="button" onClick={() => void store.load()}>
          {t('guideEditor.reload')}
        </button>
      </div>
    );
  }
  if (!failure) return null;
  return (
    <div className="studio-refusal" role="alert">
      <p>{errorText(failure)}</p>
      {status === 'failed' && (
        <button type="button" onClick={() => void store.flush()}>
          {t('guideEditor.save.retry')}
        </button>
      )}
    </div>
  );
}
