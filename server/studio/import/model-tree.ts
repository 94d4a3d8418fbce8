// Reads the parts tree (keys, names, slugs, counts, bounds) and the drawing statistics off an imported glTF document.
import type { Document, Node, Primitive } from '@gltf-transform/core';
import { getBounds } from '@gltf-transform/functions';
import type { Vec3 } from '../../../core/geometry.ts';
import type { Bounds, ModelDimensions, ModelStats, PartNode } from './import-types.ts';
import { studioExtras } from './node-ids.ts';

const TRIANGLES = 4;
/** Rounded to 0.01 mm; `+ 0` turns -0 into 0, which JSON could not keep apart anyway. */
const round = (value: number): number => Math.round(value * 1e5) / 1e5 + 0;

export function triangleCount(primitive: Primitive): number {
  if (primitive.getMode() !== TRIANGLES) return 0;
  const count = primitive.getIndices()?.getCount() ?? primitive.getAttribute('POSITION')?.getCount() ?? 0;
  return Math.floor(count / 3);
}

function primitivesUnder(node: Node): Primitive[] {
  const found: Primitive[] = [];
  node.traverse((child) => found.push(...(child.getMesh()?.listPrimitives() ?? [])));
  return found;
}

export function nodeBounds(node: Node): Bounds {
  const { min, max } = getBounds(node);
  const finite = min.every(Number.isFinite) && max.every(Number.isFinite);
  return finite ? { min: min.map(round) as Vec3, max: max.map(round) as Vec3 } : { min: [0, 0, 0], max: [0, 0, 0] };
}

export function dimensionsOf(bounds: Bounds): ModelDimensions {
  return { width: round(bounds.max[0] - bounds.min[0]), height: round(bounds.max[1] - bounds.min[1]), depth: round(bounds.max[2] - bounds.min[2]) };
}

/** The nearest descendants that carry a studio key (nodes added by compression carry none and belong to their parent). */
function keyedChildren(node: Node): Node[] {
  return node.listChildren().flatMap((child) => (studioExtras(child) ? [child] : keyedChildren(child)));
}

/** Bounds of every keyed node, by key: measured before compression, they are exact rather than quantized. */
export function keyedBounds(document: Document): Map<string, Bounds> {
  return new Map(document.getRoot().listNodes().flatMap((node) => {
    const extras = studioExtras(node);
    return extras ? [[extras.studioId, nodeBounds(node)] as const] : [];
  }));
}

/** The tree under `node`; bounds come from `bounds` where given (see `keyedBounds`), else from the node itself. */
export function partTree(node: Node, bounds: Map<string, Bounds> = new Map()): PartNode {
  const extras = studioExtras(node);
  if (!extras) throw new Error(`node "${node.getName()}" has no studio key`);
  const primitives = primitivesUnder(node);
  return {
    id: extras.studioId,
    name: node.getName(),
    slug: extras.slug,
    meshCount: primitives.length,
    triangleCount: primitives.reduce((sum, primitive) => sum + triangleCount(primitive), 0),
    bounds: bounds.get(extras.studioId) ?? nodeBounds(node),
    children: keyedChildren(node).map((child) => partTree(child, bounds)),
  };
}

export function countTreeNodes(tree: PartNode): number {
  return 1 + tree.children.reduce((sum, child) => sum + countTreeNodes(child), 0);
}

export function modelStats(document: Document, tree: PartNode): ModelStats {
  const scene = document.getRoot().getDefaultScene();
  const primitives = scene ? scene.listChildren().flatMap(primitivesUnder) : [];
  return {
    triangles: primitives.reduce((sum, primitive) => sum + triangleCount(primitive), 0),
    vertices: primitives.reduce((sum, primitive) => sum + (primitive.getAttribute('POSITION')?.getCount() ?? 0), 0),
    primitives: primitives.length,
    nodes: countTreeNodes(tree),
    materials: document.getRoot().listMaterials().length,
    textures: document.getRoot().listTextures().length,
  };
}
