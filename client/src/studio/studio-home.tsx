// Studio's first screen: upload a model, import an exported product, and the drafts and published products so far.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { studioApi } from '../api/studio-api.ts';
import { ApiError } from '../api/http.ts';
import { ErrorView, Loading } from '../components/status-views.tsx';
import { formatDateTime } from '../components/format.ts';
import { useResource } from '../components/use-resource.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { UploadZone } from './upload-zone.tsx';
import { errorText } from '../i18n/error-text.ts';

function ImportProduct({ onImported }: { onImported: () => void }) {
  const { t } = useTranslation('studio');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const onFile = (file: File | undefined) => {
    if (!file) return;
    setMessage({ ok: true, text: t('archive.importing') });
    studioApi.importProduct(file).then(
      ({ product }) => {
        setMessage({ ok: true, text: t('archive.imported', { name: product.name[currentLanguage()] }) });
        onImported();
      },
      (error: unknown) => setMessage({ ok: false, text: error instanceof ApiError ? errorText(error) : t('upload.unknownError') }),
    );
  };
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
      {message && <p role={message.ok ? 'status' : 'alert'} className={message.ok ? '' : 'status-error'}>{message.text}</p>}
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
