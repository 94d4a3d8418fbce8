// The requester in the twin: the head as a view frustum and the hands or controllers as small shapes, following the
// pose stream smoothly; hidden when the stream goes quiet.
import { useMemo, type RefObject } from 'react';
import { useFrame } from '@react-three/fiber';
import { BufferGeometry, Float32BufferAttribute, Quaternion, Vector3, type Group } from 'three';
import type { RigidTransform } from '../../../core/geometry.ts';
import type { PoseBuffer } from './pose-buffer.ts';
import { noRaycast } from '../annotations/annotation-mark.tsx';

const STALE_MS = 3000;
const SHARPNESS = 25;
const target = new Vector3();
const targetQuaternion = new Quaternion();

function frustumGeometry(): BufferGeometry {
  const [w, h, d] = [0.16, 0.1, 0.22];
  const corners = [
    [-w, h, -d],
    [w, h, -d],
    [w, -h, -d],
    [-w, -h, -d],
  ] as const;
  const points: number[] = [];
  corners.forEach((corner, index) => {
    const next = corners[(index + 1) % 4] as readonly number[];
    points.push(0, 0, 0, ...corner, ...corner, ...next);
  });
  return new BufferGeometry().setAttribute('position', new Float32BufferAttribute(points, 3));
}

function follow(object: Group | null, pose: RigidTransform | undefined, alpha: number, visible: boolean) {
  if (!object) return;
  object.visible = visible && pose !== undefined;
  if (!pose) return;
  target.fromArray(pose.position);
  targetQuaternion.fromArray(pose.quaternion).normalize();
  if (object.userData.placed !== true) {
    object.position.copy(target);
    object.quaternion.copy(targetQuaternion);
    object.userData.placed = true;
    return;
  }
  object.position.lerp(target, alpha);
  object.quaternion.slerp(targetQuaternion, alpha);
}

export interface AvatarRefs {
  head: RefObject<Group | null>;
  left: RefObject<Group | null>;
  right: RefObject<Group | null>;
}

export function TwinAvatar({ poses, refs }: { poses: PoseBuffer; refs: AvatarRefs }) {
  const geometry = useMemo(frustumGeometry, []);

  useFrame((_state, delta) => {
    const sample = poses.latest;
    const fresh = sample !== null && performance.now() - poses.receivedAt < STALE_MS;
    const alpha = 1 - Math.exp(-delta * SHARPNESS);
    follow(refs.head.current, sample?.head, alpha, fresh);
    follow(refs.left.current, sample?.left, alpha, fresh);
    follow(refs.right.current, sample?.right, alpha, fresh);
  });

  return (
    <>
      <group ref={refs.head} visible={false} name="requester-head">
        <lineSegments geometry={geometry} raycast={noRaycast}>
          <lineBasicMaterial color="#38bdf8" />
        </lineSegments>
        <mesh raycast={noRaycast} position={[0, 0, 0.05]}>
          <sphereGeometry args={[0.06, 16, 12]} />
          <meshStandardMaterial color="#38bdf8" transparent opacity={0.5} />
        </mesh>
      </group>
      <group ref={refs.left} visible={false} name="requester-left">
        <mesh raycast={noRaycast}>
          <boxGeometry args={[0.04, 0.04, 0.09]} />
          <meshStandardMaterial color="#4ade80" />
        </mesh>
      </group>
      <group ref={refs.right} visible={false} name="requester-right">
        <mesh raycast={noRaycast}>
          <boxGeometry args={[0.04, 0.04, 0.09]} />
          <meshStandardMaterial color="#fbbf24" />
        </mesh>
      </group>
    </>
  );
}
