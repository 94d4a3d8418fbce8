// One draft in Studio: the 3D view beside the panels (review, parts, landmarks, thumbnail, publish), import warnings,
// and what the server refused, in its words.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { STUDIO_MAX_LANDMARKS, type StudioLandmark } from '../../../core/studio.ts';
import { ApiError } from '../api/http.ts';
import { ErrorView, Loading } from '../components/status-views.tsx';
import { currentLanguage } from '../i18n/i18n.ts';
import { useStore } from '../state/use-store.ts';
import { createDraftStore, type DraftStore } from './draft-store.ts';
import { LandmarksPanel } from './landmarks-panel.tsx';
import { PartsPanel } from './parts-panel.tsx';
import { ProblemList } from './problem-list.tsx';
import { PublishPanel } from './publish-panel.tsx';
import { ReviewPanel } from './review-panel.tsx';
import { StudioViewer } from './studio-viewer.tsx';
import { ThumbnailPanel } from './thumbnail-panel.tsx';
import { partForNode } from './tree-lookup.ts';
import type { CaptureRef } from './view-probe.tsx';
import { errorText } from '../i18n/error-text.ts';

function Failure({ store }: { store: DraftStore }) {
  const { t } = useTranslation('studio');
  const failure = useStore(store, (state) => state.failure);
  if (!failure) return null;
  const body = failure instanceof ApiError ? failure.body : null;
  return (
    <div className="studio-refusal" role="alert">
      <p>
        <strong>{t('editor.refused')}</strong> {body ? errorText(body) : t('upload.unknownError')}
      </p>
      <ProblemList problems={body?.issues ?? []} />
      <button type="button" onClick={() => store.dismissFailure()}>
        {t('editor.dismiss')}
      </button>
    </div>
  );
}

/** Places landmarks where the author clicks; a click before the last one is saved builds on it, not on the stale draft. */
function useLandmarkPlacer(store: DraftStore) {
  const { t } = useTranslation('studio');
  const [notice, setNotice] = useState<string | null>(null);
  const unsaved = useRef<StudioLandmark[] | null>(null);
  const place = (position: [number, number, number], nodeId: string) => {
    const draft = store.getState().draft;
    if (!draft) return;
    const current = unsaved.current ?? draft.landmarks;
    if (current.length >= STUDIO_MAX_LANDMARKS) return setNotice(t('landmarks.full', { max: STUDIO_MAX_LANDMARKS }));
    const part = partForNode(draft.tree, draft.parts, nodeId);
    if (!part) return setNotice(t('landmarks.notPart'));
    const used = new Set(current.map((landmark) => landmark.id));
    let number = current.length + 1;
    while (used.has(`landmark-${number}`)) number += 1;
    const landmark: StudioLandmark = { id: `landmark-${number}`, name: { en: `Landmark ${number}`, es: `Punto ${number}` }, partId: part.partId, position };
    const landmarks = [...current, landmark];
    unsaved.current = landmarks;
    setNotice(t('landmarks.placed', { id: landmark.id, part: part.partId }));
    void store.edit({ landmarks }).then(() => {
      if (unsaved.current === landmarks) unsaved.current = null;
    });
    if (landmarks.length >= STUDIO_MAX_LANDMARKS) store.setTool('select');
  };
  return { notice, place };
}

export function DraftEditor({ draftId }: { draftId: string }) {
  const { t } = useTranslation('studio');
  const store = useMemo(() => createDraftStore(draftId), [draftId]);
  useEffect(() => {
    void store.load();
    return () => store.destroy();
  }, [store]);
  const draft = useStore(store, (state) => state.draft);
  const loadError = useStore(store, (state) => state.loadError);
  const saving = useStore(store, (state) => state.pending > 0);
  const capture: CaptureRef = useRef(null);
  const [previewUrl, setPreviewUrl] = useState<string | null>(null);
  const landmarks = useLandmarkPlacer(store);

  if (loadError) return <ErrorView error={loadError} retry={() => void store.load()} />;
  if (!draft) return <Loading />;
  const importWarnings = draft.warnings.map((warning) => ({ path: '', message: warning.message }));
  return (
    <div className="studio studio-editor">
      <p>
        <Link href="/studio">{t('editor.back')}</Link>
      </p>
      <h1>{t('editor.title', { name: draft.details.name[currentLanguage()] })}</h1>
      <p className="muted">
        {draft.sourceNames.join(', ')} · {t(`drafts.status.${draft.status}`)}
      </p>
      <p className="visually-hidden" role="status">
        {saving ? t('editor.saving') : ''}
      </p>
      {importWarnings.length > 0 && (
        <section aria-labelledby="studio-warnings-title" className="studio-warnings">
          <h2 id="studio-warnings-title">{t('editor.warnings', { count: importWarnings.length })}</h2>
          <ProblemList problems={importWarnings} />
        </section>
      )}
      <Failure store={store} />
      <div className="studio-layout">
        <div className="studio-stage">
          <StudioViewer store={store} capture={capture} previewUrl={previewUrl} onLandmarkPoint={landmarks.place} />
          {previewUrl && <p role="status">{t('split.showing')}</p>}
        </div>
        <div className="studio-panels">
          <ReviewPanel draft={draft} store={store} />
          <PartsPanel draft={draft} store={store} onPreview={setPreviewUrl} />
          <LandmarksPanel draft={draft} store={store} notice={landmarks.notice} />
          <ThumbnailPanel draft={draft} store={store} capture={capture} />
          <PublishPanel draft={draft} store={store} />
        </div>
      </div>
    </div>
  );
}
