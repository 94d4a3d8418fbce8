// Pure placement maths: which kind of surface a hit is on, and how the product faces on it.
import { Matrix4, Quaternion, Vector3 } from 'three';
import type { Placement } from '../../../core/catalog.ts';

const UP = new Vector3(0, 1, 0);

/** Floors face up, walls face sideways; anything else (ceilings, slopes) is not a place for a product. */
export function classifySurface(normal: Vector3): Placement | null {
  if (normal.y > 0.85) return 'floor';
  if (Math.abs(normal.y) < 0.3) return 'wall';
  return null;
}

/** The surface normal of a hit pose: the pose's +Y axis. */
export function normalFromHitMatrix(matrix: Matrix4, target = new Vector3()): Vector3 {
  return target.setFromMatrixColumn(matrix, 1).normalize();
}

/**
 * World orientation of a placed product. On a floor it stands upright with its front (+Z) turned toward the viewer;
 * on a wall its back lies on the wall, front along the wall's normal, upright.
 */
export function productOrientation(surface: Placement, hitPosition: Vector3, normal: Vector3, viewerPosition: Vector3): Quaternion {
  const z = new Vector3();
  if (surface === 'floor') {
    z.subVectors(viewerPosition, hitPosition).setY(0);
    if (z.lengthSq() < 1e-8) z.set(0, 0, 1);
  } else {
    z.copy(normal).setY(0);
  }
  z.normalize();
  const x = new Vector3().crossVectors(UP, z).normalize();
  const basis = new Matrix4().makeBasis(x, UP, z);
  return new Quaternion().setFromRotationMatrix(basis);
}
