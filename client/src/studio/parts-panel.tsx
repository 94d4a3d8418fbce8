// Parts: the tree, the form for the selected node, and splitting a merged mesh.
import { useTranslation } from 'react-i18next';
import type { StudioDraft, StudioPart } from '../../../core/studio.ts';
import { useStore } from '../state/use-store.ts';
import type { DraftStore } from './draft-store.ts';
import { PartForm } from './part-form.tsx';
import { PartsTree } from './parts-tree.tsx';
import { SplitPanel } from './split-panel.tsx';
import { findNode } from '../../../core/studio.ts';

export function PartsPanel({ draft, store, onPreview }: { draft: StudioDraft; store: DraftStore; onPreview: (url: string | null) => void }) {
  const { t } = useTranslation('studio');
  const selectedId = useStore(store, (state) => state.selectedNodeId);
  const node = selectedId ? findNode(draft.tree, selectedId) : undefined;
  const part = node ? draft.parts.find((candidate) => candidate.nodeId === node.id) : undefined;
  const others = draft.parts.filter((candidate) => candidate.nodeId !== node?.id);
  const save = (updated: StudioPart) => void store.edit({ parts: [...others, updated] });
  const remove = () => void store.edit({ parts: others, landmarks: draft.landmarks.filter((landmark) => landmark.partId !== part?.partId) });
  return (
    <section aria-labelledby="studio-parts-title" className="studio-panel">
      <h2 id="studio-parts-title">{t('parts.title')}</h2>
      <p className="muted">{t('parts.hint', { count: draft.parts.length })}</p>
      <PartsTree tree={draft.tree} parts={draft.parts} selectedId={selectedId} onSelect={(id) => store.select(id)} />
      {node ? (
        <>
          <PartForm key={`${node.id}-${part?.partId ?? ''}`} node={node} part={part} onSave={save} onRemove={remove} />
          <SplitPanel key={node.id} draftId={draft.id} node={node} store={store} onPreview={onPreview} />
        </>
      ) : (
        <p>{t('parts.selectHint')}</p>
      )}
    </section>
  );
}
