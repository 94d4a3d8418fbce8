// Publishing: the product's details, the checklist of what still stops it (from the server), publish, and export.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { StudioDraft } from '../../../core/studio.ts';
import { studioApi } from '../api/studio-api.ts';
import { useStore } from '../state/use-store.ts';
import { DetailsForm } from './details-form.tsx';
import type { DraftStore } from './draft-store.ts';
import { ProblemList } from './problem-list.tsx';

function ExportButton({ productId }: { productId: string }) {
  const { t } = useTranslation('studio');
  const [failed, setFailed] = useState(false);
  const download = () => {
    setFailed(false);
    studioApi.exportProduct(productId).then(
      (bytes) => {
        const url = URL.createObjectURL(new Blob([bytes], { type: 'application/zip' }));
        const link = document.createElement('a');
        link.href = url;
        link.download = `${productId}.zip`;
        link.click();
        setTimeout(() => URL.revokeObjectURL(url), 10_000);
      },
      () => setFailed(true),
    );
  };
  return (
    <>
      <button type="button" onClick={download}>
        {t('archive.export')}
      </button>
      {failed && <p role="alert">{t('archive.exportFailed')}</p>}
    </>
  );
}

export function PublishPanel({ draft, store }: { draft: StudioDraft; store: DraftStore }) {
  const { t } = useTranslation('studio');
  const busy = useStore(store, (state) => state.pending > 0);
  const published = useStore(store, (state) => state.published);
  const ready = draft.publishProblems.length === 0;
  return (
    <section aria-labelledby="studio-publish-title" className="studio-panel">
      <h2 id="studio-publish-title">{t('publish.title')}</h2>
      <DetailsForm key={draft.details.id} details={draft.details} onSave={(details) => void store.edit({ details })} />
      <h3>{t('publish.checklist')}</h3>
      {ready ? <p className="studio-ok">{t('publish.ready')}</p> : <ProblemList problems={draft.publishProblems} />}
      <button type="button" className="primary" disabled={!ready || busy} onClick={() => void store.publish()}>
        {t(draft.status === 'published' ? 'publish.again' : 'publish.publish')}
      </button>
      {(published ?? draft.status === 'published') && (
        <p role="status">
          {t('publish.done')} <Link href={`/products/${draft.details.id}`}>{t('publish.open')}</Link>
        </p>
      )}
      {draft.status === 'published' && <ExportButton productId={draft.details.id} />}
    </section>
  );
}
