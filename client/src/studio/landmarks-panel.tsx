// Landmarks for alignment: a tool that places one where the author clicks the model, their names, and the warning when
// they are nearly in a line (the solver refuses those).
import { useTranslation } from 'react-i18next';
import { editWarnings, STUDIO_MAX_LANDMARKS, STUDIO_MIN_LANDMARKS, type StudioDraft, type StudioLandmark } from '../../../core/studio.ts';
import { useStore } from '../state/use-store.ts';
import type { DraftStore } from './draft-store.ts';

export function LandmarksPanel({ draft, store, notice }: { draft: StudioDraft; store: DraftStore; notice: string | null }) {
  const { t } = useTranslation('studio');
  const placing = useStore(store, (state) => state.tool === 'landmark');
  const { landmarks } = draft;
  const collinear = editWarnings({ dimensions: draft.dimensions, landmarks }).some((warning) => warning.code === 'landmarks-collinear');
  const rename = (index: number, language: 'en' | 'es', value: string) => {
    if (!value.trim()) return;
    const next = landmarks.map((landmark, at): StudioLandmark => (at === index ? { ...landmark, name: { ...landmark.name, [language]: value.trim() } } : landmark));
    void store.edit({ landmarks: next });
  };
  return (
    <section aria-labelledby="studio-landmarks-title" className="studio-panel">
      <h2 id="studio-landmarks-title">{t('landmarks.title')}</h2>
      <p className="muted">{t('landmarks.hint', { min: STUDIO_MIN_LANDMARKS, max: STUDIO_MAX_LANDMARKS })}</p>
      <button type="button" aria-pressed={placing} disabled={!placing && landmarks.length >= STUDIO_MAX_LANDMARKS} onClick={() => store.setTool(placing ? 'select' : 'landmark')}>
        {t(placing ? 'landmarks.stop' : 'landmarks.place')}
      </button>
      <p role="status">
        {notice ? `${notice} ` : ''}
        {t('landmarks.count', { count: landmarks.length })}
      </p>
      {collinear && (
        <p className="studio-warning" role="alert">
          {t('landmarks.collinear')}
        </p>
      )}
      <ol className="studio-landmarks">
        {landmarks.map((landmark, index) => (
          <li key={landmark.id}>
            <span>{t('landmarks.onPart', { id: landmark.id, part: landmark.partId })}</span>
            <label>
              {t('landmarks.nameEn')}
              <input defaultValue={landmark.name.en} lang="en" onBlur={(event) => event.target.value !== landmark.name.en && rename(index, 'en', event.target.value)} />
            </label>
            <label>
              {t('landmarks.nameEs')}
              <input defaultValue={landmark.name.es} lang="es" onBlur={(event) => event.target.value !== landmark.name.es && rename(index, 'es', event.target.value)} />
            </label>
            <button type="button" onClick={() => void store.edit({ landmarks: landmarks.filter((_, at) => at !== index) })}>
              {t('landmarks.remove', { id: landmark.id })}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
