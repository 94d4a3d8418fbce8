// Places the chosen annotation on a part without the mouse: frames the part, casts a ray at it from where it is seen,
// and pins the annotation where the ray meets the part (keyboard and screen-reader path to annotating).
import { useEffect, type RefObject } from 'react';
import { useThree } from '@react-three/fiber';
import { Box3, Matrix4, Raycaster, Vector3, type Group } from 'three';
import { partIdOf } from '../three/part-picking.ts';
import { findPartNode } from '../three/product-gltf.ts';
import { useStore } from '../state/use-store.ts';
import type { TwinUi } from './twin-ui-store.ts';
import type { AnnotationDraftInput } from './use-annotate.ts';

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

export function TwinPartAnnotator({ ui, productRef, annotate }: { ui: TwinUi; productRef: RefObject<Group | null>; annotate: (draft: AnnotationDraftInput) => void }) {
  const camera = useThree((state) => state.camera);
  const request = useStore(ui, (state) => state.annotateRequest);

  useEffect(() => {
    const root = productRef.current;
    const { tool, pinText } = ui.getState();
    if (!request || !root || tool === 'look' || tool === 'ink') return;
    const part = findPartNode(root, request.partId);
    if (!part) return;
    root.updateWorldMatrix(true, true);
    const target = new Box3().setFromObject(part).getCenter(new Vector3());
    const raycaster = new Raycaster(camera.position.clone(), target.clone().sub(camera.position).normalize());
    const hit = raycaster.intersectObject(root, true).find((candidate) => partIdOf(candidate.object) === request.partId);
    if (!hit) {
      ui.setState({ error: 'not-visible' });
      return;
    }
    const toPart = new Matrix4().copy(part.matrixWorld).invert();
    const point = hit.point.clone().applyMatrix4(toPart);
    const normal = (hit.face?.normal.clone() ?? new Vector3(0, 1, 0)).transformDirection(hit.object.matrixWorld);
    if (normal.dot(raycaster.ray.direction) > 0) normal.negate();
    normal.transformDirection(toPart).normalize();
    const text = pinText.trim();
    annotate({
      partId: request.partId,
      localPoint: [round(point.x, 5), round(point.y, 5), round(point.z, 5)],
      localNormal: [round(normal.x, 4), round(normal.y, 4), round(normal.z, 4)],
      kind: tool,
      ...(tool === 'pin' && text ? { text } : {}),
    });
    // Only a new request places an annotation; a re-render must not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [request]);
  return null;
}
