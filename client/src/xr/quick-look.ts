// iOS fallback: converts the product's GLB to USDZ in the browser (three's USDZExporter) and opens AR Quick Look.
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';
import { USDZExporter } from 'three/examples/jsm/exporters/USDZExporter.js';
import { Color, Mesh, MeshStandardMaterial } from 'three';

export async function exportUsdz(modelUrl: string, color: string | null): Promise<Blob> {
  const loader = new GLTFLoader().setMeshoptDecoder(MeshoptDecoder);
  const gltf = await loader.loadAsync(modelUrl);
  gltf.scene.traverse((object) => {
    if (color && object instanceof Mesh && object.material instanceof MeshStandardMaterial && object.material.name === 'body') {
      object.material.color = new Color(color);
    }
  });
  const data = await new USDZExporter().parseAsync(gltf.scene);
  return new Blob([data], { type: 'model/vnd.usdz+zip' });
}

/** Quick Look opens from a click on an `<a rel="ar">` that wraps an image. */
export async function openQuickLook(modelUrl: string, color: string | null, title: string): Promise<void> {
  const url = URL.createObjectURL(await exportUsdz(modelUrl, color));
  const anchor = document.createElement('a');
  anchor.rel = 'ar';
  anchor.href = `${url}#allowsContentScaling=0`;
  anchor.setAttribute('download', `${title}.usdz`);
  anchor.appendChild(document.createElement('img'));
  anchor.click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
