// Finds which product part a picked mesh belongs to: the nearest ancestor node that carries a part id.
import type { Object3D } from 'three';

export function partIdOf(object: Object3D | null): string | null {
  for (let node = object; node; node = node.parent) {
    const id = (node.userData as { partId?: unknown }).partId;
    if (typeof id === 'string') return id;
  }
  return null;
}
