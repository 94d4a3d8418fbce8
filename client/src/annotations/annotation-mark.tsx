// One annotation drawn in its part's local frame: an arrow into the surface, a ring, a pin with its text, or an ink stroke.
import { useEffect, useMemo } from 'react';
import { CatmullRomCurve3, DoubleSide, Quaternion, Vector3 } from 'three';
import type { Annotation } from '../../../core/annotation.ts';
import { createTextTexture } from './text-sprite.ts';

export const ANNOTATION_COLOR = '#f97316';
const UP = new Vector3(0, 1, 0);
/** Marks are never picked: a click or an XR ray goes through them to the part. */
export const noRaycast = () => undefined;

function Arrow() {
  return (
    <>
      <mesh position={[0, 0.0125, 0]} rotation={[Math.PI, 0, 0]} raycast={noRaycast} renderOrder={10}>
        <coneGeometry args={[0.009, 0.025, 16]} />
        <meshBasicMaterial color={ANNOTATION_COLOR} depthTest={false} transparent />
      </mesh>
      <mesh position={[0, 0.05, 0]} raycast={noRaycast} renderOrder={10}>
        <cylinderGeometry args={[0.0032, 0.0032, 0.05, 10]} />
        <meshBasicMaterial color={ANNOTATION_COLOR} depthTest={false} transparent />
      </mesh>
    </>
  );
}

function Circle() {
  return (
    <mesh position={[0, 0.002, 0]} rotation={[-Math.PI / 2, 0, 0]} raycast={noRaycast} renderOrder={10}>
      <ringGeometry args={[0.016, 0.022, 40]} />
      <meshBasicMaterial color={ANNOTATION_COLOR} depthTest={false} transparent side={DoubleSide} />
    </mesh>
  );
}

function Pin({ text }: { text: string | undefined }) {
  const label = useMemo(() => (text ? createTextTexture(text) : null), [text]);
  useEffect(() => () => label?.texture.dispose(), [label]);
  const height = 0.022;
  return (
    <>
      <mesh position={[0, 0.025, 0]} raycast={noRaycast} renderOrder={10}>
        <cylinderGeometry args={[0.0015, 0.0015, 0.05, 8]} />
        <meshBasicMaterial color={ANNOTATION_COLOR} depthTest={false} transparent />
      </mesh>
      <mesh position={[0, 0.05, 0]} raycast={noRaycast} renderOrder={10}>
        <sphereGeometry args={[0.008, 16, 12]} />
        <meshBasicMaterial color={ANNOTATION_COLOR} depthTest={false} transparent />
      </mesh>
      {label && (
        <sprite position={[0, 0.078, 0]} scale={[height * label.aspect, height, 1]} raycast={noRaycast} renderOrder={11}>
          <spriteMaterial map={label.texture} depthTest={false} transparent />
        </sprite>
      )}
    </>
  );
}

function Ink({ points, origin }: { points: Annotation['inkPoints']; origin: Vector3 }) {
  const curve = useMemo(() => new CatmullRomCurve3((points ?? []).map((p) => new Vector3(...p).sub(origin))), [points, origin]);
  const segments = Math.min(256, Math.max(8, (points?.length ?? 2) * 3));
  return (
    <mesh raycast={noRaycast} renderOrder={10}>
      <tubeGeometry args={[curve, segments, 0.0022, 6, false]} />
      <meshBasicMaterial color={ANNOTATION_COLOR} depthTest={false} transparent />
    </mesh>
  );
}

/** The group of a mark is named `annotation:<id>` and carries its annotation (userData.annotation). */
export function AnnotationMark({ annotation }: { annotation: Annotation }) {
  const [px, py, pz] = annotation.localPoint;
  const [nx, ny, nz] = annotation.localNormal;
  const origin = useMemo(() => new Vector3(px, py, pz), [px, py, pz]);
  const quaternion = useMemo(() => new Quaternion().setFromUnitVectors(UP, new Vector3(nx, ny, nz).normalize()), [nx, ny, nz]);
  if (annotation.kind === 'ink') {
    return (
      <group position={origin} name={`annotation:${annotation.id}`} userData={{ annotation }}>
        <Ink points={annotation.inkPoints} origin={origin} />
      </group>
    );
  }
  return (
    <group position={origin} quaternion={quaternion} name={`annotation:${annotation.id}`} userData={{ annotation }}>
      {annotation.kind === 'arrow' && <Arrow />}
      {annotation.kind === 'circle' && <Circle />}
      {annotation.kind === 'pin' && <Pin text={annotation.text} />}
    </group>
  );
}
