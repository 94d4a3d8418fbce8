// Split a node's merged mesh by material or by connected pieces: preview first (shown in the 3D view), then apply.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SplitPreview, StudioTreeNode } from '../../../core/studio.ts';
import { ApiError } from '../api/http.ts';
import { studioApi } from '../api/studio-api.ts';
import type { DraftStore } from './draft-store.ts';
import { errorText } from '../i18n/error-text.ts';

export interface SplitPanelProps {
  draftId: string;
  node: StudioTreeNode;
  store: DraftStore;
  onPreview: (url: string | null) => void;
}

export function SplitPanel({ draftId, node, store, onPreview }: SplitPanelProps) {
  const { t } = useTranslation('studio');
  const [preview, setPreview] = useState<SplitPreview | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  if (node.meshCount === 0) return null;
  const show = (mode: 'material' | 'connected') => {
    setProblem(null);
    studioApi.previewSplit(draftId, { nodeId: node.id, mode }).then(
      (result) => {
        setPreview(result);
        onPreview(result.modelUrl);
      },
      (error: unknown) => setProblem(error instanceof ApiError ? errorText(error) : t('upload.unknownError')),
    );
  };
  const close = () => {
    setPreview(null);
    onPreview(null);
  };
  const apply = () => {
    if (!preview) return;
    void store.split({ nodeId: node.id, mode: preview.mode }).then(close);
  };
  return (
    <fieldset className="studio-split">
      <legend>{t('split.title')}</legend>
      <p className="muted">{t('split.hint')}</p>
      <div className="studio-actions">
        <button type="button" onClick={() => show('material')}>
          {t('split.byMaterial')}
        </button>
        <button type="button" onClick={() => show('connected')}>
          {t('split.byPieces')}
        </button>
      </div>
      {problem && <p role="alert" className="status-error">{problem}</p>}
      {preview && (
        <div role="status">
          <p>{t('split.preview', { count: preview.node.children.length })}</p>
          <ul>
            {preview.node.children.slice(0, 12).map((child) => (
              <li key={child.id}>{child.name}</li>
            ))}
          </ul>
          <div className="studio-actions">
            <button type="button" onClick={apply}>
              {t('split.apply')}
            </button>
            <button type="button" onClick={close}>
              {t('split.cancel')}
            </button>
          </div>
        </div>
      )}
    </fieldset>
  );
}
