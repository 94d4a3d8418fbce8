// Shrinks a model for delivery: shared data deduplicated, vertices welded, then quantized and meshopt-compressed.
import type { Document } from '@gltf-transform/core';
import { dedup, meshopt, prune, weld } from '@gltf-transform/functions';
import { MeshoptEncoder } from 'meshoptimizer';

/**
 * Output needs `EXT_meshopt_compression` and `KHR_mesh_quantization` to load: three's GLTFLoader with `setMeshoptDecoder`.
 * Part nodes keep their names, extras and transforms; only the `<part>-mesh` children gain dequantization transforms.
 */
export async function optimizeDocument(document: Document): Promise<Document> {
  await MeshoptEncoder.ready;
  await document.transform(
    dedup(),
    weld(),
    prune({ keepLeaves: true, keepExtras: true }),
    meshopt({ encoder: MeshoptEncoder, level: 'high' }),
  );
  return document;
}
