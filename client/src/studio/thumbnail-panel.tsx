// The catalog picture: captured from the author's own 3D view as a PNG and uploaded; the current one shown.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudioDraft } from '../../../core/studio.ts';
import { studioApi } from '../api/studio-api.ts';
import type { DraftStore } from './draft-store.ts';
import type { CaptureRef } from './view-probe.tsx';

function useThumbnail(url: string | null): string | null {
  const [objectUrl, setObjectUrl] = useState<string | null>(null);
  useEffect(() => {
    if (!url) return setObjectUrl(null);
    let made: string | null = null;
    const controller = new AbortController();
    studioApi.modelBytes(url, controller.signal).then(
      (bytes) => {
        made = URL.createObjectURL(new Blob([bytes], { type: 'image/png' }));
        setObjectUrl(made);
      },
      () => setObjectUrl(null),
    );
    return () => {
      controller.abort();
      if (made) URL.revokeObjectURL(made);
    };
  }, [url]);
  return objectUrl;
}

export function ThumbnailPanel({ draft, store, capture }: { draft: StudioDraft; store: DraftStore; capture: CaptureRef }) {
  const { t } = useTranslation('studio');
  const image = useThumbnail(draft.thumbnailUrl);
  const [failed, setFailed] = useState(false);
  const take = () => {
    setFailed(false);
    const shoot = capture.current;
    if (!shoot) return setFailed(true);
    shoot().then(
      (png) => void store.setThumbnail(png),
      () => setFailed(true),
    );
  };
  return (
    <section aria-labelledby="studio-thumbnail-title" className="studio-panel">
      <h2 id="studio-thumbnail-title">{t('thumbnail.title')}</h2>
      <p className="muted">{t('thumbnail.hint')}</p>
      {image && <img className="studio-thumbnail" src={image} alt={t('thumbnail.alt')} />}
      <button type="button" onClick={take}>
        {t(draft.thumbnailUrl ? 'thumbnail.retake' : 'thumbnail.take')}
      </button>
      {failed && <p role="alert">{t('thumbnail.failed')}</p>}
    </section>
  );
}
