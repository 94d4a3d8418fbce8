// The guide's published versions, and what changed between two of them as the server tells it: guide fields, steps
// added, removed and changed (with their fields).
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { guideEditorApi } from '../../api/guide-editor-api.ts';
import { ApiError } from '../../api/http.ts';
import { ErrorView, Loading } from '../../components/status-views.tsx';
import { formatDateTime } from '../../components/format.ts';
import { useResource } from '../../components/use-resource.ts';
import { currentLanguage } from '../../i18n/i18n.ts';

function DiffView({ guideId, from, to }: { guideId: string; from: number; to: number }) {
  const { t } = useTranslation('studio');
  const diff = useResource((signal) => guideEditorApi.diff(guideId, from, to, signal), [guideId, from, to]);
  if (diff.status === 'loading') return <Loading />;
  if (diff.status === 'error') return <ErrorView error={diff.error} retry={diff.retry} />;
  const language = currentLanguage();
  const field = (name: string) => t(`guideEditor.diff.field.${name}`, { defaultValue: name });
  const { fields, added, removed, changed } = diff.data;
  const nothing = fields.length + added.length + removed.length + changed.length === 0;
  return (
    <div className="guide-diff" data-testid="guide-diff" aria-live="polite">
      <h3>{t('guideEditor.diff.title', { from, to })}</h3>
      {nothing && <p>{t('guideEditor.diff.same')}</p>}
      {fields.length > 0 && <p>{t('guideEditor.diff.fields', { fields: fields.map(field).join(', ') })}</p>}
      {added.map((step) => (
        <p key={`a-${step.id}`} className="diff-added">
          {t('guideEditor.diff.added', { title: step.title[language], id: step.id })}
        </p>
      ))}
      {removed.map((step) => (
        <p key={`r-${step.id}`} className="diff-removed">
          {t('guideEditor.diff.removed', { title: step.title[language], id: step.id })}
        </p>
      ))}
      {changed.map((step) => (
        <p key={`c-${step.id}`} className="diff-changed">
          {t('guideEditor.diff.changed', { title: step.title[language], id: step.id, fields: step.fields.map(field).join(', ') })}
        </p>
      ))}
    </div>
  );
}

export function VersionsPanel({ guideId, published }: { guideId: string; published: number | null }) {
  const { t } = useTranslation('studio');
  const versions = useResource((signal) => guideEditorApi.versions(guideId, signal).catch((error: unknown) => (error instanceof ApiError && error.status === 404 ? [] : Promise.reject(error))), [guideId, published]);
  const [pair, setPair] = useState<{ from: number; to: number } | null>(null);
  const list = versions.status === 'ready' ? versions.data : [];
  const newest = list[0]?.version ?? 0;
  useEffect(() => setPair(newest > 1 ? { from: newest - 1, to: newest } : null), [newest]);
  const language = currentLanguage();
  return (
    <section className="studio-panel" aria-labelledby="guide-versions-title">
      <h2 id="guide-versions-title">{t('guideEditor.versions.title')}</h2>
      {versions.status === 'loading' && <Loading />}
      {versions.status === 'error' && <ErrorView error={versions.error} retry={versions.retry} />}
      {versions.status === 'ready' && list.length === 0 && <p>{t('guideEditor.versions.none')}</p>}
      <ul className="guide-versions">
        {list.map((version) => (
          <li key={version.version}>
            {t('guideEditor.versions.item', { version: version.version, steps: version.stepCount, who: version.createdBy ?? '?', when: formatDateTime(version.createdAt, language) })}
          </li>
        ))}
      </ul>
      {pair && (
        <>
          <div className="guide-range">
            {(['from', 'to'] as const).map((end) => (
              <label key={end} className="guide-field">
                {t(`guideEditor.versions.${end}`)}
                <select value={pair[end]} onChange={(event) => setPair({ ...pair, [end]: Number(event.target.value) })}>
                  {list.map((version) => (
                    <option key={version.version} value={version.version}>
                      {t('guideEditor.versions.option', { version: version.version })}
                    </option>
                  ))}
                </select>
              </label>
            ))}
          </div>
          <DiffView guideId={guideId} from={pair.from} to={pair.to} />
        </>
      )}
    </section>
  );
}
