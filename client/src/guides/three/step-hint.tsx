// The step's animated hint on its first target part, in that part's own frame: an arrow that nudges along a direction,
// a part that slides out and back, or a curved arrow turning the way a bolt should be turned.
import { useMemo, useRef } from 'react';
import { createPortal, useFrame } from '@react-three/fiber';
import { DoubleSide, Quaternion, Vector3, type Group, type Object3D } from 'three';
import type { StepHint as StepHintData } from '../../../../core/guide.ts';
import { localBounds } from '../../three/product-parts.ts';

const HINT_COLOR = '#f59e0b';
const Y = new Vector3(0, 1, 0);
const Z = new Vector3(0, 0, 1);

export interface StepHintProps {
  part: Object3D;
  hint: StepHintData;
}

function Arrow({ length, radius = 0.006 }: { length: number; radius?: number }) {
  const head = Math.min(0.035, length * 0.45);
  return (
    <group>
      <mesh position={[0, (length - head) / 2, 0]} renderOrder={3}>
        <cylinderGeometry args={[radius, radius, Math.max(length - head, 0.001), 12]} />
        <meshBasicMaterial color={HINT_COLOR} depthTest={false} transparent />
      </mesh>
      <mesh position={[0, length - head / 2, 0]} renderOrder={3}>
        <coneGeometry args={[radius * 2.6, head, 16]} />
        <meshBasicMaterial color={HINT_COLOR} depthTest={false} transparent />
      </mesh>
    </group>
  );
}

export function StepHint({ part, hint }: StepHintProps) {
  const bounds = useMemo(() => localBounds(part), [part]);
  const centre = useMemo(() => bounds.getCenter(new Vector3()), [bounds]);
  const radius = useMemo(() => Math.max(bounds.getSize(new Vector3()).length() / 2, 0.02), [bounds]);
  const mover = useRef<Group>(null);
  const spinner = useRef<Group>(null);

  const direction = useMemo(() => new Vector3(...(hint.kind === 'rotate' ? hint.axis : hint.direction)).normalize(), [hint]);
  const along = useMemo(() => new Quaternion().setFromUnitVectors(Y, direction), [direction]);
  const facing = useMemo(() => new Quaternion().setFromUnitVectors(Z, direction), [direction]);
  const travel = hint.kind === 'translate' ? Math.min(Math.max(hint.distance, 0.03), 0.3) : 0.04;
  const start = useMemo(() => centre.clone().addScaledVector(direction, radius * 0.9), [centre, direction, radius]);

  useFrame(({ clock }) => {
    const t = clock.elapsedTime;
    if (mover.current) {
      const phase = (t % 1.6) / 1.6;
      mover.current.position.copy(start).addScaledVector(direction, travel * Math.sin(phase * Math.PI));
    }
    if (spinner.current && hint.kind === 'rotate') {
      const period = 1.2 + hint.turns * 0.8;
      const phase = Math.min((t % (period + 0.6)) / period, 1);
      spinner.current.rotation.z = (hint.clockwise ? -1 : 1) * phase * Math.min(hint.turns, 2) * Math.PI * 2;
    }
  });

  const content =
    hint.kind === 'rotate' ? (
      <group position={centre.clone().addScaledVector(direction, radius * 0.6)} quaternion={facing}>
        <group ref={spinner}>
          <mesh renderOrder={3}>
            <torusGeometry args={[radius * 1.05, 0.005, 8, 48, Math.PI * 1.5]} />
            <meshBasicMaterial color={HINT_COLOR} depthTest={false} transparent side={DoubleSide} />
          </mesh>
          <group position={hint.clockwise ? [radius * 1.05, 0, 0] : [0, -radius * 1.05, 0]} rotation={[0, 0, hint.clockwise ? Math.PI : -Math.PI / 2]}>
            <mesh renderOrder={3}>
              <coneGeometry args={[0.014, 0.03, 16]} />
              <meshBasicMaterial color={HINT_COLOR} depthTest={false} transparent />
            </mesh>
          </group>
        </group>
      </group>
    ) : (
      <group ref={mover} position={start} quaternion={along}>
        <Arrow length={hint.kind === 'translate' ? Math.max(travel, 0.06) : 0.08} />
      </group>
    );

  return createPortal(<group userData={{ guideOverlay: true }}>{content}</group>, part);
}
