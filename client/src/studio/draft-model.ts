// A draft's GLB fetched with the bearer token and parsed (meshopt), its materials made its own so a selection can glow.
import { useEffect, useState } from 'react';
import { Box3, Mesh, MeshStandardMaterial, Quaternion, Vector3, type Group, type Object3D } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';
import { orientationQuaternion, type StudioOrientation } from '../../../core/studio.ts';
import { studioApi } from '../api/studio-api.ts';

export type LoadedModel = { status: 'loading' } | { status: 'error'; error: unknown } | { status: 'ready'; scene: Group; bounds: Box3 };

export function useDraftModel(url: string): LoadedModel {
  const [model, setModel] = useState<LoadedModel>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setModel({ status: 'loading' });
    studioApi
      .modelBytes(url, controller.signal)
      .then((bytes) => {
        const loader = new GLTFLoader();
        loader.setMeshoptDecoder(MeshoptDecoder);
        return loader.parseAsync(bytes, '');
      })
      .then(
        (gltf) => {
          gltf.scene.traverse((object) => {
            if (object instanceof Mesh && object.material instanceof MeshStandardMaterial) object.material = object.material.clone();
          });
          gltf.scene.updateMatrixWorld(true);
          if (!controller.signal.aborted) setModel({ status: 'ready', scene: gltf.scene, bounds: new Box3().setFromObject(gltf.scene) });
        },
        (error: unknown) => {
          if (!controller.signal.aborted) setModel({ status: 'error', error });
        },
      );
    return () => controller.abort();
  }, [url]);
  return model;
}

/** The studio node id a picked mesh belongs to: the nearest ancestor carrying `extras.studioId`. */
export function studioIdOf(object: Object3D | null): string | null {
  for (let node = object; node; node = node.parent) {
    const id = (node.userData as { studioId?: unknown }).studioId;
    if (typeof id === 'string') return id;
  }
  return null;
}

export function findStudioNode(root: Object3D, nodeId: string): Object3D | undefined {
  let found: Object3D | undefined;
  root.traverse((object) => {
    if (!found && (object.userData as { studioId?: unknown }).studioId === nodeId) found = object;
  });
  return found;
}

/** How the model stands once turned and scaled: rotation, scale, and the offset that centres it on the floor. */
export function standingTransform(box: Box3, orientation: StudioOrientation, scale: number) {
  const [x, y, z, w] = orientationQuaternion(orientation);
  const quaternion = new Quaternion(x, y, z, w).normalize();
  const corners = [box.min, box.max].flatMap((a) => [box.min, box.max].flatMap((b) => [box.min, box.max].map((c) => new Vector3(a.x, b.y, c.z))));
  const turned = new Box3().setFromPoints(corners.map((corner) => corner.clone().multiplyScalar(scale).applyQuaternion(quaternion)));
  const centre = turned.getCenter(new Vector3());
  return { quaternion, scale, offset: new Vector3(-centre.x, -turned.min.y, -centre.z) };
}

const HIGHLIGHT = 0x2a6fdb;

/** Lights the meshes under the selected node (and only those). */
export function highlight(root: Object3D, nodeId: string | null): void {
  const selected = nodeId ? findStudioNode(root, nodeId) : undefined;
  const lit = new Set<Object3D>();
  selected?.traverse((object) => lit.add(object));
  root.traverse((object) => {
    if (object instanceof Mesh && object.material instanceof MeshStandardMaterial) {
      object.material.emissive.setHex(lit.has(object) ? HIGHLIGHT : 0x000000);
      object.material.emissiveIntensity = lit.has(object) ? 0.6 : 1;
    }
  });
}
