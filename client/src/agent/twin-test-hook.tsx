// Publishes what a test needs to read from the twin: camera, canvas box, placed product and the requester's shapes.
import { useRef, type RefObject } from 'react';
import { useFrame, useThree } from '@react-three/fiber';
import { Quaternion, Vector3, type Group } from 'three';
import { publishTestState } from '../test-hook.ts';
import type { PoseTestState } from '../help/assist-test-state.ts';
import type { AvatarRefs } from './twin-avatar.tsx';
import type { PoseBuffer } from './pose-buffer.ts';

const position = new Vector3();
const quaternion = new Quaternion();
const scale = new Vector3();

function poseOf(object: Group | null): PoseTestState | null {
  if (!object?.visible) return null;
  object.updateWorldMatrix(true, false);
  object.matrixWorld.decompose(position, quaternion, scale);
  return { position: position.toArray(), quaternion: quaternion.toArray() as PoseTestState['quaternion'] };
}

export function TwinTestHook({ sessionId, productRef, avatar, poses, snapped }: { sessionId: string; productRef: RefObject<Group | null>; avatar: AvatarRefs; poses: PoseBuffer; snapped: boolean }) {
  const gl = useThree((state) => state.gl);
  const camera = useThree((state) => state.camera);
  const frames = useRef(0);
  useFrame(() => {
    frames.current += 1;
    if (frames.current % 5 !== 0 || !productRef.current) return;
    const rect = gl.domElement.getBoundingClientRect();
    camera.updateMatrixWorld();
    productRef.current.updateWorldMatrix(true, false);
    publishTestState('assist', {
      twin: {
        sessionId,
        frames: frames.current,
        canvas: { left: rect.left, top: rect.top, width: rect.width, height: rect.height },
        cameraMatrixWorld: [...camera.matrixWorld.elements],
        projectionMatrix: [...camera.projectionMatrix.elements],
        productMatrixWorld: [...productRef.current.matrixWorld.elements],
        head: poseOf(avatar.head.current),
        left: poseOf(avatar.left.current),
        right: poseOf(avatar.right.current),
        poseFramesReceived: poses.received,
        snapped,
      },
    });
  });
  return null;
}
