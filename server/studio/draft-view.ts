// Shapes a draft for the wire: the author's edits from the store, the model's tree and warnings from its import folder.
import { draftDimensions, editWarnings, publishProblems, type StudioDraft, type StudioProductDetails, type StudioTreeNode } from '../../core/studio.ts';
import type { StoredImport } from './import/index.ts';
import type { DraftRow } from './studio-repository.ts';

export const draftModelUrl = (id: string, updatedAt: number) => `/api/studio/drafts/${id}/model.glb?v=${updatedAt}`;
export const draftThumbnailUrl = (id: string, updatedAt: number) => `/api/studio/drafts/${id}/thumbnail.png?v=${updatedAt}`;

export function draftView(row: DraftRow, stored: StoredImport): StudioDraft {
  const { state } = row;
  const dimensions = draftDimensions(stored.dimensions, state.orientation, state.scale);
  const thumbnailUrl = state.hasThumbnail ? draftThumbnailUrl(row.id, row.updatedAt) : null;
  const importWarnings = stored.warnings.filter((warning) => warning.code !== 'implausible-size');
  return {
    id: row.id,
    status: row.status,
    details: state.details,
    sourceNames: stored.sourceNames,
    format: stored.format,
    units: { source: stored.units.source, from: stored.units.from },
    measured: stored.dimensions,
    scale: state.scale,
    dimensions,
    placement: state.placement,
    orientation: state.orientation,
    tree: stored.tree,
    parts: state.parts,
    landmarks: state.landmarks,
    warnings: [...importWarnings, ...editWarnings({ dimensions, landmarks: state.landmarks })],
    publishProblems: publishProblems({ dimensions, parts: state.parts, landmarks: state.landmarks, thumbnailUrl }),
    modelUrl: draftModelUrl(row.id, row.updatedAt),
    thumbnailUrl,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    publishedAt: row.publishedAt,
  };
}

/** Every node key of a tree. */
export function nodeIds(tree: StudioTreeNode): Set<string> {
  const ids = new Set<string>();
  const visit = (node: StudioTreeNode) => {
    ids.add(node.id);
    node.children.forEach(visit);
  };
  visit(tree);
  return ids;
}

/** First details of a fresh import, from the model's own name: the author changes them before publishing. */
export function proposedDetails(tree: StudioTreeNode, sourceName: string): StudioProductDetails {
  const slug = /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(tree.slug) ? tree.slug.slice(0, 48).replace(/-+$/, '') : 'imported-product';
  const name = tree.name.trim().slice(0, 120) || sourceName;
  return {
    id: slug,
    sku: slug.toUpperCase().slice(0, 32).replace(/-+$/, ''),
    name: { en: name, es: name },
    description: { en: `Imported from ${sourceName}.`, es: `Importado de ${sourceName}.` },
    productLine: 'automotive',
    priceCents: 0,
  };
}
