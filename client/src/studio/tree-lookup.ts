// Finding nodes in a draft's tree: by id, and the part a node belongs to (itself or its nearest ancestor made a part).
import type { StudioPart, StudioTreeNode } from '../../../core/studio.ts';

function pathTo(tree: StudioTreeNode, id: string): StudioTreeNode[] | null {
  if (tree.id === id) return [tree];
  for (const child of tree.children) {
    const path = pathTo(child, id);
    if (path) return [tree, ...path];
  }
  return null;
}

export function partForNode(tree: StudioTreeNode, parts: readonly StudioPart[], nodeId: string): StudioPart | undefined {
  const byNode = new Map(parts.map((part) => [part.nodeId, part]));
  const path = pathTo(tree, nodeId) ?? [];
  for (let index = path.length - 1; index >= 0; index -= 1) {
    const part = byNode.get(path[index]!.id);
    if (part) return part;
  }
  return undefined;
}
