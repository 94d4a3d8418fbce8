// Reads world poses out of a canvas's three.js scene. Vectors are cloned from the objects read, so the test window
// imports no three.js of its own (it would otherwise be downloaded before the app needs it).
import type { Mesh, Object3D } from 'three';
import type { PoseTestState, Vec3 } from './test-state-shape.ts';

export function findObject(root: Object3D, matches: (object: Object3D) => boolean): Object3D | null {
  if (matches(root)) return root;
  for (const child of root.children) {
    const found = findObject(child, matches);
    if (found) return found;
  }
  return null;
}

export function findObjects(root: Object3D, matches: (object: Object3D) => boolean): Object3D[] {
  const found: Object3D[] = [];
  root.traverse((object) => {
    if (matches(object)) found.push(object);
  });
  return found;
}

/** True once every ancestor is visible: an XR space group stays hidden until its pose is known. */
export function shownInWorld(object: Object3D): boolean {
  for (let node: Object3D | null = object; node; node = node.parent) if (!node.visible) return false;
  return true;
}

export function matrixWorld(object: Object3D): number[] {
  object.updateWorldMatrix(true, false);
  return [...object.matrixWorld.elements];
}

export function worldPose(object: Object3D): PoseTestState & { scale: Vec3 } {
  const position = object.position.clone();
  const quaternion = object.quaternion.clone();
  const scale = object.scale.clone();
  object.updateWorldMatrix(true, false);
  object.matrixWorld.decompose(position, quaternion, scale);
  return { position: position.toArray(), quaternion: quaternion.toArray() as PoseTestState['quaternion'], scale: scale.toArray() };
}

/** A point given in the object's own frame, in world coordinates. */
export function worldPoint(object: Object3D, local: Vec3): Vec3 {
  return object.localToWorld(object.position.clone().set(...local)).toArray();
}

/** The direction the object's +Z axis points in the world. */
export function worldFacing(object: Object3D): Vec3 {
  return object.getWorldDirection(object.position.clone()).toArray();
}

/** Width, height and depth, in world metres, of the box around the object's shown meshes along the object's own axes. */
export function worldSize(object: Object3D): Vec3 | null {
  object.updateWorldMatrix(true, true);
  const toObject = object.matrixWorld.clone().invert();
  const scale = worldPose(object).scale;
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  const corner = object.position.clone();
  object.traverse((node) => {
    const mesh = node as Mesh;
    if (!mesh.isMesh || !shownInWorld(mesh)) return;
    if (!mesh.geometry.boundingBox) mesh.geometry.computeBoundingBox();
    const box = mesh.geometry.boundingBox;
    if (!box) return;
    const meshToObject = toObject.clone().multiply(mesh.matrixWorld);
    for (const x of [box.min.x, box.max.x])
      for (const y of [box.min.y, box.max.y])
        for (const z of [box.min.z, box.max.z]) {
          const at = corner.set(x, y, z).applyMatrix4(meshToObject).toArray();
          for (const axis of [0, 1, 2] as const) {
            min[axis] = Math.min(min[axis], at[axis]);
            max[axis] = Math.max(max[axis], at[axis]);
          }
        }
  });
  return min[0] === Infinity ? null : [(max[0] - min[0]) * scale[0], (max[1] - min[1]) * scale[1], (max[2] - min[2]) * scale[2]];
}
