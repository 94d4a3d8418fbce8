// Gives every node of an imported model a stable key and a proposed part id, kept in its extras through every rewrite.
import type { Document, Node } from '@gltf-transform/core';
import { createSlugger } from './slugs.ts';

export interface StudioExtras {
  studioId: string;
  slug: string;
}

export function studioExtras(node: Node): StudioExtras | null {
  const extras = node.getExtras() as Partial<StudioExtras>;
  return typeof extras.studioId === 'string' && typeof extras.slug === 'string' ? { studioId: extras.studioId, slug: extras.slug } : null;
}

export function findStudioNode(document: Document, studioId: string): Node | undefined {
  return document.getRoot().listNodes().find((node) => studioExtras(node)?.studioId === studioId);
}

/** A readable name for a node the file left unnamed: its mesh's name, else "part". */
function fallbackName(node: Node): string {
  return node.getMesh()?.getName().trim() || 'part';
}

/**
 * Numbers the nodes under `root` that have no key yet (depth first, continuing after the highest key in the document)
 * and names the unnamed ones. Existing keys and slugs are kept.
 */
export function assignStudioIds(document: Document, root: Node): void {
  const existing = document.getRoot().listNodes().map(studioExtras).filter((extras): extras is StudioExtras => extras !== null);
  let next = Math.max(0, ...existing.map((extras) => Number(extras.studioId.slice(1)) + 1).filter(Number.isFinite));
  const slugFor = createSlugger(existing.map((extras) => extras.slug));
  root.traverse((node) => {
    if (studioExtras(node)) return;
    if (!node.getName().trim()) node.setName(fallbackName(node));
    node.setExtras({ ...node.getExtras(), studioId: `n${next}`, slug: slugFor(node.getName()) });
    next += 1;
  });
}
