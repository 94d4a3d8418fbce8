// Loads a product's GLB (meshopt-compressed) with progress, and clones it for one view with its variant colour.
import { useMemo } from 'react';
import { useLoader } from '@react-three/fiber';
import type { Object3D } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';
import { cloneWithOwnMaterials, paintVariant } from './variant-colour.ts';

export function useProductGltf(url: string, onProgress?: (fraction: number) => void) {
  return useLoader(
    GLTFLoader,
    url,
    (loader) => {
      loader.setMeshoptDecoder(MeshoptDecoder);
    },
    (event) => {
      if (onProgress && event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    },
  );
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
