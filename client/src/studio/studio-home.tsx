// Studio's first screen: upload a model, import an exported product, and the drafts and published products so far.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { LocalizedText } from '../../../core/i18n.ts';
import { studioApi } from '../api/studio-api.ts';
import { ApiError } from '../api/http.ts';
import { ErrorView, Loading } from '../components/status-views.tsx';
import { formatDateTime } from '../components/format.ts';
import { useResource } from '../components/use-resource.ts';
import { useLanguage } from '../components/use-language.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { UploadZone } from './upload-zone.tsx';
import { errorText } from '../i18n/error-text.ts';

/** Where an import stands; its words are made when shown, so they follow a change of language. */
type ImportState = { phase: 'importing' } | { phase: 'imported'; name: LocalizedText } | { phase: 'failed'; error: unknown };

function ImportProduct({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation('studio');
  const language = useLanguage();
  const [state, setState] = useState<ImportState | null>(null);
  const onFile = (file: File | undefined) => {
    if (!file) return;
    setState({ phase: 'importing' });
    studioApi.importProduct(file).then(
      ({ product }) => {
        setState({ phase: 'imported', name: product.name });
        onImported();
      },
      (error: unknown) => setState({ phase: 'failed', error }),
    );
  };
  const failed = state?.phase === 'failed';
  const message =
    state === null ? null
    : state.phase === 'importing' ? t('archive.importing')
    : state.phase === 'imported' ? t('archive.imported', { name: state.name[language] })
    : state.error instanceof ApiError ? errorText(state.error)
    : t('upload.unknownError');
  return (
    <section aria-labelledby="studio-import-title">
      <h2 id="studio-import-title">{t('archive.importTitle')}</h2>
      <label className="button">
        {t('archive.pick')}
        <input
          type="file"
          accept=".zip"
          className="visually-hidden"
          onChange={(event) => {
            onFile(event.target.files?.[0]);
            // Picking the same file again (a retry) must be a change too.
            event.target.value = '';
          }}
        />
      </label>
      {message && <p role={failed ? 'alert' : 'status'} className={failed ? 'status-error' : ''}>{message}</p>}
    </section>
  );
}

/** The author's drafts and published products, read again whenever `version` changes (a product was imported). */
function DraftList({ version }: { version: number }) {
  const { t } = useTranslation('studio');
  const drafts = useResource((signal) => studioApi.listDrafts(signal), [version]);
  if (drafts.status === 'loading') return <Loading />;
  if (drafts.status === 'error') return <ErrorView error={drafts.error} retry={drafts.retry} />;
  if (drafts.data.length === 0) return <p>{t('drafts.none')}</p>;
  const language = currentLanguage();
  return (
    <ul className="studio-drafts">
      {drafts.data.map((draft) => (
        <li key={draft.id}>
          <Link href={`/studio/drafts/${draft.id}`}>{draft.details.name[language]}</Link>{' '}
          <span className={`badge badge-${draft.status}`}>{t(`drafts.status.${draft.status}`)}</span>{' '}
          <span className="muted">
            {draft.sourceNames.join(', ')} · {formatDateTime(draft.updatedAt, language)}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function StudioHome() {
  const { t } = useTranslation('studio');
  const [imports, setImports] = useState(0);
  return (
    <div className="studio">
      <h1>{t('title')}</h1>
      <p>{t('intro')}</p>
      <UploadZone />
      <section aria-labelledby="studio-drafts-title">
        <h2 id="studio-drafts-title">{t('drafts.title')}</h2>
        <DraftList version={imports} />
      </section>
      <ImportProduct onImported={() => setImports((count) => count + 1)} />
      <section aria-labelledby="studio-guides-title">
        <h2 id="studio-guides-title">{t('guides.title')}</h2>
        <p>
          <Link href="/studio/guides">{t('guides.open')}</Link>
        </p>
      </section>
    </div>
  );
}
