// A product model's own copy of its materials, and the variant colour on its `body` material.
import { Color, Mesh, MeshStandardMaterial, type Object3D } from 'three';

/** A deep copy of `scene` whose standard materials are its own, so colouring it leaves other views untouched. */
export function cloneWithOwnMaterials(scene: Object3D): Object3D {
  const copy = scene.clone(true);
  copy.traverse((object) => {
    if (object instanceof Mesh && object.material instanceof MeshStandardMaterial) object.material = object.material.clone();
  });
  return copy;
}

/** Gives the `body` material the variant colour; null keeps the colour it has. */
export function paintVariant(model: Object3D, color: string | null): void {
  if (!color) return;
  model.traverse((object) => {
    if (object instanceof Mesh && object.material instanceof MeshStandardMaterial && object.material.name === 'body') object.material.color = new Color(color);
  });
}
