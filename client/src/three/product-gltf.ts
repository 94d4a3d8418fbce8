// Loads a product's GLB (meshopt-compressed) with progress, and clones it for one view with its variant colour.
import { useMemo } from 'react';
import { useLoader } from '@react-three/fiber';
import { Color, Mesh, MeshStandardMaterial, type Object3D } from 'three';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';

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
  const instance = useMemo(() => {
    const copy = scene.clone(true);
    copy.traverse((object) => {
      if (object instanceof Mesh && object.material instanceof MeshStandardMaterial) {
        object.material = object.material.clone();
      }
    });
    return copy;
  }, [scene]);
  useMemo(() => {
    instance.traverse((object) => {
      if (object instanceof Mesh && object.material instanceof MeshStandardMaterial && object.material.name === 'body' && color) {
        object.material.color = new Color(color);
      }
    });
  }, [instance, color]);
  return instance;
}

/** The node of a part: the scene node named after the part id. */
export function findPartNode(root: Object3D, partId: string): Object3D | undefined {
  return root.getObjectByName(partId);
}
