// The twin's camera: fitted at start (and on "Fit") to the product and the requester, orbit freely, snap to the
// requester's eyes, or frame one part with a clear view.
import { useEffect, useRef, type RefObject } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Box3, PerspectiveCamera, Raycaster, Sphere, Vector3, type Group, type Object3D } from 'three';
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
const FIT_MARGIN = 1.1;
const ELEVATION = (30 * Math.PI) / 180;
const SIDE_ANGLE = (40 * Math.PI) / 180;

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

/** Up and round from the requester's side of the product, so their head does not hide it; a default corner without them. */
function viewDirection(centre: Vector3, headPosition: Vector3 | null): Vector3 {
  const away = headPosition ? headPosition.clone().sub(centre).setY(0) : new Vector3(0.6, 0, 1);
  if (away.lengthSq() < 1e-6) away.set(0, 0, 1);
  away.normalize().applyAxisAngle(new Vector3(0, 1, 0), headPosition ? SIDE_ANGLE : 0);
  return away.multiplyScalar(Math.cos(ELEVATION)).setY(Math.sin(ELEVATION)).normalize();
}

/** The orbit that shows the whole product and, when known, the requester's head: one bounding sphere fitted to the view. */
export function fitFraming(root: Object3D, headPosition: Vector3 | null, camera: PerspectiveCamera): { position: Vector3; target: Vector3 } | null {
  const box = new Box3().setFromObject(root);
  if (box.isEmpty()) return null;
  const productCentre = box.getCenter(new Vector3());
  if (headPosition) box.expandByPoint(headPosition);
  const sphere = box.getBoundingSphere(new Sphere());
  const vertical = (ORBIT_FOV * Math.PI) / 180;
  const horizontal = 2 * Math.atan(Math.tan(vertical / 2) * camera.aspect);
  const distance = (sphere.radius * FIT_MARGIN) / Math.sin(Math.min(vertical, horizontal) / 2);
  return { position: sphere.center.clone().addScaledVector(viewDirection(productCentre, headPosition), distance), target: sphere.center.clone() };
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
  const fit = useStore(ui, (state) => state.fit);
  const fittedFor = useRef(fit);

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
    const asked = fit !== fittedFor.current;
    if (root && controls && camera instanceof PerspectiveCamera && (!framedAt.current || moved || asked || (headShown && !framedWithHead.current))) {
      const framing = fitFraming(root, headShown && eyes ? eyes.getWorldPosition(new Vector3()) : null, camera);
      if (framing) {
        framedAt.current = root.position.clone();
        framedWithHead.current = headShown;
        fittedFor.current = fit;
        controls.target.copy(framing.target);
        camera.position.copy(framing.position);
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
