// Inside Studio's canvas: captures the view as a PNG for the catalog, and lets tools find where on screen a node shows.
import { useEffect, type MutableRefObject } from 'react';
import { useThree } from '@react-three/fiber';
import { Box3, Raycaster, Vector2, Vector3 } from 'three';
import { expose } from '../observe/registry.ts';
import type { Mesh, Object3D } from 'three';
import { findStudioNode, studioIdOf } from './draft-model.ts';

const isWithin = (object: Object3D | null, ancestor: Object3D): boolean => (object ? object === ancestor || isWithin(object.parent, ancestor) : false);

export type CaptureRef = MutableRefObject<(() => Promise<Blob>) | null>;

export interface ObservedStudioView {
  ready: boolean;
  /** The nodes of the model that have meshes of their own. */
  nodeIds: () => string[];
  /** Up to four points in the page (CSS pixels) where a click lands on the node first; none when it is out of sight. */
  aimAt: (nodeId: string) => Array<{ x: number; y: number }>;
}

declare module '../observe/registry.ts' {
  interface Observables {
    studioView: ObservedStudioView;
  }
}

export function ViewProbe({ capture, ready }: { capture: CaptureRef; ready: boolean }) {
  const gl = useThree((state) => state.gl);
  const scene = useThree((state) => state.scene);
  const camera = useThree((state) => state.camera);

  useEffect(() => {
    capture.current = () =>
      new Promise<Blob>((resolve, reject) => {
        gl.render(scene, camera);
        gl.domElement.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('the view could not be captured'))), 'image/png');
      });
    return () => {
      capture.current = null;
    };
  }, [capture, gl, scene, camera]);

  useEffect(
    () =>
      expose('studioView', {
        ready,
        nodeIds() {
          const ids = new Set<string>();
          scene.traverse((object) => {
            const id = (object as Mesh).isMesh ? studioIdOf(object) : null;
            if (id) ids.add(id);
          });
          return [...ids];
        },
        aimAt(nodeId) {
          const node = findStudioNode(scene, nodeId);
          const points: Array<{ x: number; y: number }> = [];
          if (!node) return points;
          scene.updateMatrixWorld(true);
          const box = new Box3().setFromObject(node);
          const rect = gl.domElement.getBoundingClientRect();
          const raycaster = new Raycaster();
          for (let i = 0; i <= 64; i += 1) {
            const t = (n: number) => ((i * n) % 17) / 16;
            const target = new Vector3(box.min.x + (box.max.x - box.min.x) * t(5), box.min.y + (box.max.y - box.min.y) * t(7), box.min.z + (box.max.z - box.min.z) * t(11));
            if (i === 0) box.getCenter(target);
            const ndc = target.clone().project(camera);
            if (Math.abs(ndc.x) > 0.95 || Math.abs(ndc.y) > 0.95) continue;
            raycaster.setFromCamera(new Vector2(ndc.x, ndc.y), camera);
            const hit = raycaster.intersectObject(scene, true).find((candidate) => studioIdOf(candidate.object));
            if (hit && isWithin(hit.object, node)) points.push({ x: rect.left + ((ndc.x + 1) / 2) * rect.width, y: rect.top + ((1 - ndc.y) / 2) * rect.height });
            if (points.length === 4) break;
          }
          return points;
        },
      }),
    [ready, scene, camera, gl],
  );
  return null;
}
