// Publishing a guide: refused while the validator finds issues or changes are not saved (the server refuses too), and
// the version the last publish made.
import { useTranslation } from 'react-i18next';
import { useStore } from '../../state/use-store.ts';
import type { GuideDraftStore } from './guide-draft-store.ts';

export function PublishPanel({ store }: { store: GuideDraftStore }) {
  const { t } = useTranslation('studio');
  const issues = useStore(store, (state) => state.issues.length);
  const status = useStore(store, (state) => state.status);
  const publishing = useStore(store, (state) => state.publishing);
  const published = useStore(store, (state) => state.published);
  const latest = useStore(store, (state) => state.draft?.basedOnVersion ?? null);
  const blocked = issues > 0 || status === 'conflict';
  return (
    <section className="studio-panel" aria-labelledby="guide-publish-title">
      <h2 id="guide-publish-title">{t('guideEditor.publish.title')}</h2>
      <p>{latest ? t('guideEditor.publish.latest', { version: latest }) : t('guideEditor.publish.never')}</p>
      {blocked && <p id="guide-publish-blocked">{t('guideEditor.publish.blocked', { count: issues })}</p>}
      <button type="button" onClick={() => void store.publish()} disabled={blocked || publishing} {...(blocked ? { 'aria-describedby': 'guide-publish-blocked' } : {})}>
        {publishing ? t('guideEditor.publish.publishing') : t('guideEditor.publish.publish')}
      </button>
      <p role="status" className="studio-ok">
        {published ? t('guideEditor.publish.done', { version: published }) : ''}
      </p>
    </section>
  );
}
