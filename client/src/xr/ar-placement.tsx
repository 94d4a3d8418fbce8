// Places the product in the room: hit-test reticle, select to place at 1:1, drag to move, anchored to the world.
import { useRef, type ReactNode } from 'react';
import { useFrame } from '@react-three/fiber';
import { requestXRAnchor, useXRHitTestSource, useXRInputSourceEvent, useXRStore, XRSpace } from '@react-three/xr';
import { Matrix4, Quaternion, Vector3, type Mesh } from 'three';
import type { Placement } from '../../../core/catalog.ts';
import { classifySurface, normalFromHitMatrix, productOrientation } from './placement-math.ts';
import type { PlacementStore } from './placement-store.ts';
import { useStore } from '../state/use-store.ts';

export interface ArPlacementProps {
  surface: Placement;
  placement: PlacementStore;
  /** How far from the product a select may start a drag, metres. */
  grabRadius: number;
  children: ReactNode;
}

/**
 * A press held this long on the product drags it; a shorter one is a tap (e.g. to pick a part). It must also span a few
 * frames: a headset draws ~30 frames in that time, but when one frame stalls past it, a tap would be read as a drag.
 */
const HOLD_TO_DRAG_MS = 400;
const HOLD_TO_DRAG_FRAMES = 3;
const hitMatrix = new Matrix4();
const hitPosition = new Vector3();
const hitQuaternion = new Quaternion();
const hitScale = new Vector3();
const normal = new Vector3();
const viewer = new Vector3();

export function ArPlacement({ surface, placement, grabRadius, children }: ArPlacementProps) {
  const store = useXRStore();
  const hitTest = useXRHitTestSource('viewer');
  const reticle = useRef<Mesh>(null);
  const wantsPlace = useRef(false);
  const dragging = useRef(false);
  const pressedAt = useRef<number | null>(null);
  const pressedFrames = useRef(0);
  const { phase, anchor, position, quaternion, yaw } = useStore(placement, (state) => state);

  useXRInputSourceEvent(
    'all',
    'selectstart',
    () => {
      const state = placement.getState();
      if (state.phase !== 'placed' || !state.position || state.paused || state.uiHover) return;
      const [x, y, z] = state.position;
      if (hitPosition.distanceTo(new Vector3(x, y, z)) > grabRadius) return;
      pressedAt.current = performance.now();
      pressedFrames.current = 0;
    },
    [placement, grabRadius],
  );
  useXRInputSourceEvent(
    'all',
    'select',
    () => {
      const { phase: phaseNow, paused, uiHover } = placement.getState();
      if ((phaseNow === 'ready' || phaseNow === 'moving') && !paused && !uiHover) wantsPlace.current = true;
    },
    [placement],
  );
  useXRInputSourceEvent(
    'all',
    'selectend',
    () => {
      pressedAt.current = null;
      if (dragging.current) {
        dragging.current = false;
        wantsPlace.current = true;
      }
    },
    [],
  );

  useFrame((state, _delta, frame: XRFrame | undefined) => {
    if (pressedAt.current !== null) pressedFrames.current += 1;
    if (pressedAt.current !== null && !dragging.current && pressedFrames.current > HOLD_TO_DRAG_FRAMES && performance.now() - pressedAt.current > HOLD_TO_DRAG_MS) {
      dragging.current = true;
      placement.startMoving();
    }
    const current = placement.getState();
    let validHit: XRHitTestResult | null = null;
    if (frame && hitTest) {
      const results = frame.getHitTestResults(hitTest.source);
      for (const result of results) {
        if (!hitTest.getWorldMatrix(hitMatrix, result)) continue;
        if (classifySurface(normalFromHitMatrix(hitMatrix, normal)) === surface) {
          validHit = result;
          break;
        }
      }
    }
    if (validHit) {
      hitMatrix.decompose(hitPosition, hitQuaternion, hitScale);
      state.camera.getWorldPosition(viewer);
      const orientation = productOrientation(surface, hitPosition, normal, viewer);
      if (current.phase === 'searching') placement.setState({ phase: 'ready', surface });
      if (current.phase === 'moving') {
        placement.setState({ position: hitPosition.toArray(), quaternion: orientation.toArray() as [number, number, number, number] });
      }
      if (wantsPlace.current) {
        wantsPlace.current = false;
        const pose = { position: hitPosition.toArray(), quaternion: orientation.toArray() as [number, number, number, number] };
        placement.setState({ phase: 'placed', surface, ...pose, anchor: null });
        requestXRAnchor(store, { relativeTo: 'world', worldPosition: hitPosition.clone(), worldQuaternion: orientation, ...(frame ? { frame } : {}) })
          .then((created) => {
            if (created && placement.getState().phase === 'placed') placement.setState({ anchor: created });
            else created?.delete();
          })
          .catch(() => placement.setState({ error: 'anchor' }));
      }
    }
    if (current.anchorWanted && current.phase === 'placed' && current.position && current.quaternion && frame) {
      placement.setState({ anchorWanted: false });
      const [px, py, pz] = current.position;
      const [qx, qy, qz, qw] = current.quaternion;
      requestXRAnchor(store, { relativeTo: 'world', worldPosition: new Vector3(px, py, pz), worldQuaternion: new Quaternion(qx, qy, qz, qw), frame })
        .then((created) => {
          if (created && placement.getState().phase === 'placed' && !placement.getState().anchor) placement.setState({ anchor: created });
          else created?.delete();
        })
        .catch(() => placement.setState({ error: 'anchor' }));
    }
    if (reticle.current) {
      reticle.current.visible = validHit !== null && current.phase !== 'placed' && current.phase !== 'moving';
      if (validHit) reticle.current.matrix.copy(hitMatrix);
    }
  });

  const placed = phase === 'placed' || phase === 'moving';
  const content = (
    <group name="placed-product" rotation={[0, yaw, 0]}>
      {children}
    </group>
  );

  return (
    <>
      <mesh ref={reticle} matrixAutoUpdate={false} visible={false} name="reticle">
        <ringGeometry args={[0.08, 0.1, 40]} onUpdate={(geometry) => geometry.rotateX(-Math.PI / 2)} />
        <meshBasicMaterial color="#38bdf8" transparent opacity={0.9} depthTest={false} />
      </mesh>
      {placed && anchor && phase === 'placed' && <XRSpace space={anchor.anchorSpace}>{content}</XRSpace>}
      {placed && (!anchor || phase === 'moving') && position && quaternion && (
        <group position={position} quaternion={quaternion}>
          {content}
        </group>
      )}
    </>
  );
}
