// The twin's camera: orbit freely around the product, snap to the requester's eyes, or frame one part with a clear view.
import { useEffect, useRef, type RefObject } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Box3, PerspectiveCamera, Raycaster, Vector3, type Group, type Object3D } from 'three';
import { partIdOf } from '../three/part-picking.ts';
import { findPartNode } from '../three/product-gltf.ts';
import { useStore } from '../state/use-store.ts';
import type { TwinUi } from './twin-ui-store.ts';

interface OrbitLike {
  target: Vector3;
  enabled: boolean;
  update(): void;
}

const ORBIT_FOV = 45;
const SNAP_FOV = 80;
const FOCUS_DISTANCE = 0.3;

/** Directions around a part, the outward one first, then the rest of a coarse sphere. */
function candidateDirections(outward: Vector3): Vector3[] {
  const list = [outward.clone().normalize()];
  for (let elevation = -60; elevation <= 60; elevation += 30) {
    for (let azimuth = 0; azimuth < 360; azimuth += 30) {
      const el = (elevation * Math.PI) / 180;
      const az = (azimuth * Math.PI) / 180;
      list.push(new Vector3(Math.sin(az) * Math.cos(el), Math.sin(el), Math.cos(az) * Math.cos(el)));
    }
  }
  return list;
}

/** A camera position that sees the part first along its line of sight, or null. */
function clearViewOf(part: Object3D, root: Object3D, partId: string): { position: Vector3; target: Vector3 } | null {
  const centre = new Box3().setFromObject(part).getCenter(new Vector3());
  const productCentre = new Box3().setFromObject(root).getCenter(new Vector3());
  const raycaster = new Raycaster();
  for (const direction of candidateDirections(centre.clone().sub(productCentre))) {
    const position = centre.clone().addScaledVector(direction, FOCUS_DISTANCE);
    raycaster.set(position, direction.clone().negate());
    const first = raycaster.intersectObject(root, true).find((hit) => hit.object.visible);
    if (first && partIdOf(first.object) === partId) return { position, target: centre };
  }
  return null;
}

/** Behind and above the requester's head, looking at the product: both the product and their viewpoint are in view. */
function overTheShoulder(eyes: Object3D, centre: Vector3, size: number): Vector3 {
  const headPosition = eyes.getWorldPosition(new Vector3());
  const away = headPosition.clone().sub(centre).setY(0);
  if (away.lengthSq() < 1e-6) away.set(0, 0, 1);
  away.normalize();
  return headPosition.addScaledVector(away, Math.max(0.6, size)).add(new Vector3(0, 0.4, 0));
}

export interface TwinCameraProps {
  ui: TwinUi;
  head: RefObject<Group | null>;
  productRef: RefObject<Group | null>;
}

/** The orbit frames the product again when it was put this far from where it was framed (metres). */
const REFRAME_DISTANCE = 0.5;

export function TwinCamera({ ui, head, productRef }: TwinCameraProps) {
  const camera = useThree((state) => state.camera);
  const controls = useThree((state) => state.controls) as unknown as OrbitLike | null;
  const snapped = useStore(ui, (state) => state.snapped);
  const focus = useStore(ui, (state) => state.focus);
  const framedAt = useRef<Vector3 | null>(null);
  const framedWithHead = useRef(false);

  useEffect(() => {
    if (!(camera instanceof PerspectiveCamera)) return;
    camera.fov = snapped ? SNAP_FOV : ORBIT_FOV;
    camera.updateProjectionMatrix();
  }, [snapped, camera]);

  useEffect(() => {
    const root = productRef.current;
    if (!focus || !root || !controls) return;
    const part = findPartNode(root, focus.partId);
    if (!part) return;
    root.updateWorldMatrix(true, true);
    const view = clearViewOf(part, root, focus.partId);
    if (!view) return;
    camera.position.copy(view.position);
    controls.target.copy(view.target);
    controls.update();
    framedWithHead.current = true;
  }, [focus, camera, controls, productRef]);

  useFrame(() => {
    const root = productRef.current;
    const eyes = head.current;
    const headShown = eyes?.visible === true;
    const moved = framedAt.current !== null && framedAt.current.distanceTo(root?.position ?? framedAt.current) > REFRAME_DISTANCE;
    if (root && controls && (!framedAt.current || moved || (headShown && !framedWithHead.current))) {
      const box = new Box3().setFromObject(root);
      if (!box.isEmpty()) {
        framedAt.current = root.position.clone();
        framedWithHead.current = headShown;
        const centre = box.getCenter(new Vector3());
        const size = box.getSize(new Vector3()).length();
        controls.target.copy(centre);
        camera.position.copy(headShown && eyes ? overTheShoulder(eyes, centre, size) : centre.clone().add(new Vector3(0.6, 0.45, 1).normalize().multiplyScalar(size * 1.6)));
        controls.update();
      }
    }
    if (snapped && headShown && eyes) {
      eyes.updateWorldMatrix(true, false);
      eyes.matrixWorld.decompose(camera.position, camera.quaternion, new Vector3());
    }
  });
  return null;
}
