// Splits a node's merged mesh into child nodes, by material (one per primitive) or by connected pieces, so each can be a part.
import type { Accessor, Document, Node, Primitive } from '@gltf-transform/core';
import { ImportError } from './refusal.ts';

export type SplitMode = 'material' | 'connected';

/** More pieces than this is a sign of a mesh that is not made of parts (a scan, a tessellated surface). */
export const MAX_SPLIT_PIECES = 500;

function triangleIndices(primitive: Primitive): Uint32Array {
  const indices = primitive.getIndices();
  if (indices) return Uint32Array.from(indices.getArray() ?? []);
  return Uint32Array.from({ length: primitive.getAttribute('POSITION')?.getCount() ?? 0 }, (_, index) => index);
}

/** Triangles (as lists of their corner indices) grouped by which piece they belong to; corners at one position join. */
export function connectedPieces(primitive: Primitive): number[][] {
  const position = primitive.getAttribute('POSITION');
  if (!position) return [];
  const parent = Uint32Array.from({ length: position.getCount() }, (_, index) => index);
  const find = (vertex: number): number => {
    let current = vertex;
    while (parent[current] !== current) {
      const up = parent[current] ?? current;
      parent[current] = parent[up] ?? up;
      current = up;
    }
    return current;
  };
  const union = (a: number, b: number) => {
    const rootA = find(a);
    const rootB = find(b);
    if (rootA !== rootB) parent[Math.max(rootA, rootB)] = Math.min(rootA, rootB);
  };
  const firstAt = new Map<string, number>();
  const element: number[] = [];
  for (let vertex = 0; vertex < position.getCount(); vertex += 1) {
    const key = position.getElement(vertex, element).join(',');
    const first = firstAt.get(key);
    if (first === undefined) firstAt.set(key, vertex);
    else union(first, vertex);
  }
  const indices = triangleIndices(primitive);
  for (let corner = 0; corner + 2 < indices.length; corner += 3) {
    union(indices[corner] ?? 0, indices[corner + 1] ?? 0);
    union(indices[corner] ?? 0, indices[corner + 2] ?? 0);
  }
  const pieces = new Map<number, number[]>();
  for (let corner = 0; corner + 2 < indices.length; corner += 3) {
    const root = find(indices[corner] ?? 0);
    const piece = pieces.get(root) ?? [];
    piece.push(indices[corner] ?? 0, indices[corner + 1] ?? 0, indices[corner + 2] ?? 0);
    pieces.set(root, piece);
  }
  return [...pieces.values()];
}

function subsetAccessor(document: Document, source: Accessor, vertices: number[]): Accessor {
  const ArrayType = (source.getArray() ?? new Float32Array()).constructor as new (length: number) => Float32Array;
  const size = source.getElementSize();
  const array = new ArrayType(vertices.length * size);
  const element: number[] = [];
  vertices.forEach((vertex, index) => array.set(source.getElement(vertex, element), index * size));
  return document.createAccessor().setType(source.getType()).setArray(array).setNormalized(source.getNormalized()).setBuffer(source.getBuffer());
}

/** A new primitive holding only the given triangles (corner indices into `source`), with its vertices compacted. */
function subsetPrimitive(document: Document, source: Primitive, corners: number[]): Primitive {
  const remap = new Map<number, number>();
  for (const corner of corners) if (!remap.has(corner)) remap.set(corner, remap.size);
  const vertices = [...remap.keys()];
  const primitive = document.createPrimitive().setMode(source.getMode()).setMaterial(source.getMaterial());
  for (const semantic of source.listSemantics()) {
    const attribute = source.getAttribute(semantic);
    if (attribute) primitive.setAttribute(semantic, subsetAccessor(document, attribute, vertices));
  }
  const indexArray = corners.map((corner) => remap.get(corner) ?? 0);
  const indices = remap.size < 65536 ? new Uint16Array(indexArray) : new Uint32Array(indexArray);
  return primitive.setIndices(document.createAccessor().setType('SCALAR').setArray(indices).setBuffer(source.getAttribute('POSITION')?.getBuffer() ?? null));
}

function refuse(node: Node, reason: string): never {
  throw new ImportError('nothing-to-split', `"${node.getName()}" ${reason}`, { node: node.getName() });
}

/** Replaces `node`'s mesh with one child node per material or per connected piece; returns the new children. */
export function splitNode(document: Document, node: Node, mode: SplitMode): Node[] {
  const mesh = node.getMesh();
  if (!mesh) refuse(node, 'has no geometry of its own to split; pick the part that holds the mesh.');
  const primitives = mesh.listPrimitives();
  if (primitives.some((primitive) => primitive.listTargets().length > 0)) refuse(node, 'is animated with morph targets and cannot be split.');
  const pieces: Array<{ name: string; primitive: Primitive }> = [];
  if (mode === 'material') {
    if (primitives.length < 2) refuse(node, 'uses one material only; try splitting it into connected pieces.');
    primitives.forEach((primitive, index) => pieces.push({ name: primitive.getMaterial()?.getName().trim() || `${node.getName()} ${index + 1}`, primitive }));
  } else {
    const split = primitives.map((primitive) => ({ primitive, parts: connectedPieces(primitive) }));
    const total = split.reduce((sum, { parts }) => sum + parts.length, 0);
    if (total < 2) refuse(node, 'is one connected piece; try splitting it by material.');
    if (total > MAX_SPLIT_PIECES) refuse(node, `falls into ${total} separate pieces, more than the ${MAX_SPLIT_PIECES} that make sense as parts; try splitting it by material.`);
    for (const { primitive, parts } of split) {
      for (const corners of parts) pieces.push({ name: `${node.getName()} piece ${pieces.length + 1}`, primitive: subsetPrimitive(document, primitive, corners) });
    }
  }
  node.setMesh(null);
  if (mesh.listParents().every((parent) => parent === document.getRoot())) mesh.dispose();
  return pieces.map(({ name, primitive }) => {
    const child = document.createNode(name).setMesh(document.createMesh(name).addPrimitive(primitive));
    node.addChild(child);
    return child;
  });
}
