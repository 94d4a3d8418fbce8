// Where to point an XR controller to select one part of a product: a line of sight to the part, found by raycasting its GLB.
import { Box3, Matrix4, Quaternion, Raycaster, Vector3, type Object3D } from 'three';
import { loadProductScene } from './twin-aim.ts';

export interface PartAim {
  /** The point on the part the ray hits, in the product's model frame. */
  point: Vector3;
  /** Unit vector from that point back towards the controller, in the model frame. */
  towardController: Vector3;
}

function partIdOf(object: Object3D | null): string | null {
  for (let node = object; node; node = node.parent) {
    const id = (node.userData as { partId?: unknown }).partId;
    if (typeof id === 'string') return id;
  }
  return null;
}

function direction(azimuthDeg: number, elevationDeg: number): Vector3 {
  const az = (azimuthDeg * Math.PI) / 180;
  const el = (elevationDeg * Math.PI) / 180;
  return new Vector3(Math.sin(az) * Math.cos(el), Math.sin(el), Math.cos(az) * Math.cos(el));
}

/**
 * Scans directions around the part's centre and keeps the one whose neighbours (±5°) also see the part first, so the
 * aim does not depend on a hair-thin gap between spokes or bolts. `glb` is a file's path or the model's bytes.
 */
export async function aimAtPart(glb: string | Buffer, partId: string, distance = 1): Promise<PartAim> {
  const scene = await loadProductScene(glb);
  scene.updateMatrixWorld(true);
  const part = scene.getObjectByName(partId);
  if (!part) throw new Error(`no node "${partId}" in the model`);
  const centre = new Box3().setFromObject(part).getCenter(new Vector3());
  const raycaster = new Raycaster();
  const firstHit = (toward: Vector3) => {
    raycaster.set(centre.clone().addScaledVector(toward, distance), toward.clone().negate());
    const hit = raycaster.intersectObject(scene, true)[0];
    return hit && partIdOf(hit.object) === partId ? hit.point : null;
  };
  let best: { aim: PartAim; score: number } | null = null;
  for (let azimuth = -180; azimuth < 180; azimuth += 10) {
    for (let elevation = -40; elevation <= 40; elevation += 10) {
      const toward = direction(azimuth, elevation);
      const point = firstHit(toward);
      if (!point) continue;
      const neighbours = [-5, 5].flatMap((d) => [direction(azimuth + d, elevation), direction(azimuth, elevation + d)]);
      const score = neighbours.filter((n) => firstHit(n)).length * 10 - Math.abs(elevation) / 10;
      if (!best || score > best.score) best = { aim: { point, towardController: toward }, score };
    }
  }
  if (!best) throw new Error(`no line of sight to "${partId}"`);
  return best.aim;
}

/** The controller pose, in world space, that puts `aim` on the ray of a controller `reach` metres away. */
export function controllerPoseFor(aim: PartAim, productMatrixWorld: number[], reach = 0.35): { position: [number, number, number]; quaternion: [number, number, number, number] } {
  const matrix = new Matrix4().fromArray(productMatrixWorld);
  const target = aim.point.clone().applyMatrix4(matrix);
  const back = aim.towardController.clone().transformDirection(matrix);
  const position = target.clone().addScaledVector(back, reach);
  const quaternion = new Quaternion().setFromUnitVectors(new Vector3(0, 0, -1), back.clone().negate());
  return { position: position.toArray() as [number, number, number], quaternion: quaternion.toArray() as [number, number, number, number] };
}
