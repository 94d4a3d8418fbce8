// One download and parse of each product model per page: the product page's plain three.js stage and the
// react-three-fiber views (AR, assist, help) share it, so entering AR shows the model the page already drew.
import { GLTFLoader, type GLTF } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';

interface Loading {
  promise: Promise<GLTF>;
  listeners: Set<(fraction: number) => void>;
}

const models = new Map<string, Loading>();

/** The model at `url`, loaded once; `onProgress` hears the download's fraction while it is still under way. */
export function loadProductGltf(url: string, onProgress?: (fraction: number) => void): Promise<GLTF> {
  let loading = models.get(url);
  if (!loading) {
    const listeners = new Set<(fraction: number) => void>();
    const promise = new Promise<GLTF>((resolve, reject) => {
      new GLTFLoader().setMeshoptDecoder(MeshoptDecoder).load(
        url,
        resolve,
        (event) => {
          if (!event.lengthComputable || event.total <= 0) return;
          for (const listener of listeners) listener(event.loaded / event.total);
        },
        reject,
      );
    });
    promise.then(
      () => listeners.clear(),
      () => models.delete(url),
    );
    loading = { promise, listeners };
    models.set(url, loading);
  }
  if (onProgress) loading.listeners.add(onProgress);
  return loading.promise;
}
