// Drop or pick a product model's files; shows upload then import progress, and what went wrong in words, with retry.
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { ApiError } from '../api/http.ts';
import { studioApi } from '../api/studio-api.ts';
import { ProblemList } from './problem-list.tsx';
import { errorText } from '../i18n/error-text.ts';

const ACCEPT = '.glb,.gltf,.bin,.png,.jpg,.jpeg,.webp,.ktx2,.zip,.step,.stp,.obj,.mtl,.stl';

type UploadState =
  | { phase: 'idle' }
  | { phase: 'uploading'; fraction: number }
  | { phase: 'importing' }
  | { phase: 'failed'; error: unknown };

export function UploadZone() {
  const { t } = useTranslation('studio');
  const [, navigate] = useLocation();
  const input = useRef<HTMLInputElement>(null);
  const lastFiles = useRef<File[]>([]);
  const [state, setState] = useState<UploadState>({ phase: 'idle' });
  const [dragging, setDragging] = useState(false);
  const busy = state.phase === 'uploading' || state.phase === 'importing';

  const upload = (files: File[]) => {
    if (files.length === 0 || busy) return;
    lastFiles.current = files;
    setState({ phase: 'uploading', fraction: 0 });
    studioApi
      .upload(files, { onProgress: (fraction) => setState(fraction >= 1 ? { phase: 'importing' } : { phase: 'uploading', fraction }) })
      .then((draft) => navigate(`/studio/drafts/${draft.id}`))
      .catch((error: unknown) => setState({ phase: 'failed', error }));
  };
  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    upload([...event.dataTransfer.files]);
  };

  return (
    <section className="studio-upload" aria-labelledby="studio-upload-title">
      <h2 id="studio-upload-title">{t('upload.title')}</h2>
      <div
        className={`drop-zone${dragging ? ' drop-zone-active' : ''}`}
        onDragOver={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="studio-drop-zone"
      >
        <p>{t('upload.hint')}</p>
        <p className="muted">{t('upload.formats')}</p>
        <label className="button">
          {t('upload.pick')}
          <input
            ref={input}
            type="file"
            multiple
            accept={ACCEPT}
            className="visually-hidden"
            disabled={busy}
            onChange={(event) => {
              upload([...(event.target.files ?? [])]);
              event.target.value = '';
            }}
          />
        </label>
      </div>
      <UploadStatus state={state} retry={() => upload(lastFiles.current)} />
    </section>
  );
}

function UploadStatus({ state, retry }: { state: UploadState; retry: () => void }) {
  const { t } = useTranslation('studio');
  if (state.phase === 'uploading') {
    const percent = Math.round(state.fraction * 100);
    return (
      <div className="studio-progress">
        <progress max={100} value={percent} aria-label={t('upload.uploading', { percent })} />
        <p role="status">{t('upload.uploading', { percent })}</p>
      </div>
    );
  }
  if (state.phase === 'importing') {
    return (
      <div className="studio-progress">
        <progress aria-label={t('upload.importing')} />
        <p role="status">{t('upload.importing')}</p>
      </div>
    );
  }
  if (state.phase !== 'failed') return null;
  const error = state.error;
  const message = error instanceof ApiError ? errorText(error) : t('upload.unknownError');
  /** Issues in prose add to the message; bare codes ("unknown-format") only repeat it. */
  const issues = (error instanceof ApiError ? (error.body.issues ?? []) : []).filter((issue) => issue.message.includes(' '));
  return (
    <div className="studio-refusal" role="alert">
      <p>
        <strong>{t('upload.failed')}</strong> {message}
      </p>
      <ProblemList problems={issues} />
      <button type="button" onClick={retry}>
        {t('upload.retry')}
      </button>
    </div>
  );
}
