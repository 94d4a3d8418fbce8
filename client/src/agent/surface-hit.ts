// Turns a pointer hit on the product into a part-local point and normal: what an annotation is pinned to.
import { Matrix4, Vector3, type Object3D } from 'three';
import type { ThreeEvent } from '@react-three/fiber';
import { partIdOf } from '../three/part-picking.ts';
import { findPartNode } from '../three/product-gltf.ts';
import type { LocalPoint } from '../sessions/local-point.ts';

export interface PartHit {
  partId: string;
  part: Object3D;
  localPoint: LocalPoint;
  localNormal: LocalPoint;
}

const round = (value: number, digits = 5) => Math.round(value * 10 ** digits) / 10 ** digits;
const toTuple = (vector: Vector3, digits?: number): LocalPoint => [round(vector.x, digits), round(vector.y, digits), round(vector.z, digits)];

/** The part under the pointer and the hit in that part's frame; the normal faces the viewer. */
export function partHit(event: ThreeEvent<PointerEvent | MouseEvent>, productRoot: Object3D): PartHit | null {
  const partId = partIdOf(event.object);
  const part = partId ? findPartNode(productRoot, partId) : undefined;
  if (!partId || !part) return null;
  part.updateWorldMatrix(true, false);
  const toPart = new Matrix4().copy(part.matrixWorld).invert();
  const normal = (event.face?.normal.clone() ?? new Vector3(0, 1, 0)).transformDirection(event.object.matrixWorld);
  if (normal.dot(event.ray.direction) > 0) normal.negate();
  return {
    partId,
    part,
    localPoint: toTuple(event.point.clone().applyMatrix4(toPart)),
    localNormal: toTuple(normal.transformDirection(toPart).normalize(), 4),
  };
}

/** A world point in a given part's frame (ink strokes keep the frame of the part they started on). */
export function toPartFrame(part: Object3D, world: Vector3): LocalPoint {
  part.updateWorldMatrix(true, false);
  return toTuple(world.clone().applyMatrix4(new Matrix4().copy(part.matrixWorld).invert()));
}
