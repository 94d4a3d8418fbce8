// A box outline around one part, drawn in the part's frame: the agent's highlight or the requester's "this one".
import { useMemo } from 'react';
import { Box3, BoxGeometry, EdgesGeometry, Matrix4, Mesh, Vector3, type Object3D } from 'three';
import { noRaycast } from './annotation-mark.tsx';

/** The part's bounds in its own frame (meshes below it, whatever their scale). */
export function localBounds(part: Object3D): Box3 {
  part.updateWorldMatrix(true, true);
  const toPart = new Matrix4().copy(part.matrixWorld).invert();
  const box = new Box3();
  part.traverse((object) => {
    if (!(object instanceof Mesh) || object.raycast === noRaycast) return;
    object.geometry.computeBoundingBox();
    const bounds = object.geometry.boundingBox;
    if (bounds) box.union(bounds.clone().applyMatrix4(new Matrix4().multiplyMatrices(toPart, object.matrixWorld)));
  });
  return box;
}

export function PartOutline({ part, color, margin = 0.006 }: { part: Object3D; color: string; margin?: number }) {
  const { geometry, center } = useMemo(() => {
    const box = localBounds(part);
    const size = box.getSize(new Vector3()).addScalar(margin * 2);
    return { geometry: new EdgesGeometry(new BoxGeometry(size.x, size.y, size.z)), center: box.getCenter(new Vector3()) };
  }, [part, margin]);
  return (
    <lineSegments geometry={geometry} position={center} raycast={noRaycast} renderOrder={9}>
      <lineBasicMaterial color={color} depthTest={false} transparent />
    </lineSegments>
  );
}
