// A product's GLB (meshopt-compressed) for a react-three-fiber view, suspending until loaded (once per page, shared with
// the product page's stage), and a clone of it for one view with its variant colour.
import { use, useMemo } from 'react';
import type { Object3D } from 'three';
import type { GLTF } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { loadProductGltf } from './product-gltf-cache.ts';
import { cloneWithOwnMaterials, paintVariant } from './variant-colour.ts';

export function useProductGltf(url: string, onProgress?: (fraction: number) => void): GLTF {
  return use(loadProductGltf(url, onProgress));
}

/** A deep copy of the product scene whose `body` material carries the variant colour; other views stay untouched. */
export function useProductInstance(scene: Object3D, color: string | null): Object3D {
  const instance = useMemo(() => cloneWithOwnMaterials(scene), [scene]);
  useMemo(() => paintVariant(instance, color), [instance, color]);
  return instance;
}

/** The node of a part: the scene node named after the part id. */
export function findPartNode(root: Object3D, partId: string): Object3D | undefined {
  return root.getObjectByName(partId);
}
