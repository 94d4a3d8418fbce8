// Finds the parts of the product model a guide overlay sits in: part nodes by id, their meshes, local bounds.
import { Box3, Matrix4, Mesh, type Object3D } from 'three';

/** Marks objects a guide overlay added, so they are never mistaken for the product's own meshes. */
export const OVERLAY_FLAG = 'guideOverlay';

export const isOverlay = (object: Object3D): boolean => (object.userData as Record<string, unknown>)[OVERLAY_FLAG] === true;

/** Part nodes under the product root, by part id (the nearest node carrying `userData.partId`). */
export function partNodes(root: Object3D): Map<string, Object3D> {
  const found = new Map<string, Object3D>();
  root.traverse((node) => {
    const id = (node.userData as { partId?: unknown }).partId;
    if (typeof id === 'string' && !found.has(id) && !isOverlay(node)) found.set(id, node);
  });
  return found;
}

export function meshesOf(part: Object3D): Mesh[] {
  const meshes: Mesh[] = [];
  part.traverse((node) => {
    if (node instanceof Mesh && !isOverlay(node) && !ancestorIsOverlay(node, part)) meshes.push(node);
  });
  return meshes;
}

function ancestorIsOverlay(node: Object3D, stop: Object3D): boolean {
  for (let current = node.parent; current && current !== stop; current = current.parent) if (isOverlay(current)) return true;
  return false;
}

/** The part's bounding box in its own frame. */
export function localBounds(part: Object3D): Box3 {
  part.updateWorldMatrix(true, true);
  const toPart = new Matrix4().copy(part.matrixWorld).invert();
  const bounds = new Box3();
  for (const mesh of meshesOf(part)) {
    mesh.geometry.computeBoundingBox();
    const box = mesh.geometry.boundingBox;
    if (box) bounds.union(box.clone().applyMatrix4(new Matrix4().multiplyMatrices(toPart, mesh.matrixWorld)));
  }
  return bounds;
}
