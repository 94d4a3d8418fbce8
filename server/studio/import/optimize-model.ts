// Shrinks an imported model for delivery with glTF-Transform while keeping every keyed node, its name and its extras.
import type { Document } from '@gltf-transform/core';
import { dedup, join, meshopt, prune, textureCompress, weld } from '@gltf-transform/functions';
import { MeshoptEncoder } from 'meshoptimizer';

/**
 * Joins primitives only within one mesh (same material), so parts keep their nodes; then welds, and quantizes and
 * meshopt-compresses (`EXT_meshopt_compression` + `KHR_mesh_quantization`: three's GLTFLoader needs `setMeshoptDecoder`).
 * Textures, when there are any, are resized to `maxTextureSize` and re-encoded in their own format with sharp (JPEG, PNG and
 * WebP; others, such as KTX2, are left as they are).
 */
export async function optimizeModel(document: Document, maxTextureSize: number): Promise<Document> {
  await MeshoptEncoder.ready;
  await document.transform(dedup(), join({ keepMeshes: true }), weld(), prune({ keepLeaves: true, keepExtras: true }));
  if (document.getRoot().listTextures().length > 0) {
    const { default: sharp } = await import('sharp');
    await document.transform(textureCompress({ encoder: sharp, resize: [maxTextureSize, maxTextureSize] }));
  }
  await document.transform(meshopt({ encoder: MeshoptEncoder, level: 'high' }));
  return document;
}
