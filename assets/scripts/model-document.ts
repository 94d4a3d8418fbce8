// Turns a placed product model into a glTF document: a root node, one named node per part, one mesh per part.
import type { Material } from '@gltf-transform/core';
import { Document, Logger } from '@gltf-transform/core';
import type { MeshData } from './geometry/mesh-data.ts';
import { countInvertedTriangles } from './geometry/mesh-data.ts';
import type { MaterialName } from './materials.ts';
import { MATERIALS, hexToLinear } from './materials.ts';
import type { ProductModel } from './product-model.ts';

/** Upper bound on primitives (draw calls) per part; the whole product stays far below the client's budget. */
export const MAX_PRIMITIVES_PER_PART = 3;

function createMaterial(document: Document, name: MaterialName, bodyColor: string): Material {
  const spec = MATERIALS[name];
  const opacity = 'opacity' in spec ? spec.opacity : 1;
  const material = document
    .createMaterial(name)
    .setBaseColorFactor([...hexToLinear(name === 'body' ? bodyColor : spec.color), opacity])
    .setMetallicFactor(spec.metallic)
    .setRoughnessFactor(spec.roughness);
  if (opacity < 1) material.setAlphaMode('BLEND');
  if ('emissive' in spec) material.setEmissiveFactor(hexToLinear(spec.emissive));
  return material;
}

function createPrimitive(document: Document, mesh: MeshData, label: string) {
  const inverted = countInvertedTriangles(mesh);
  if (inverted > 0) throw new Error(`${label}: ${inverted} triangles face inwards`);
  const buffer = document.getRoot().listBuffers()[0] ?? document.createBuffer();
  const vertexCount = mesh.positions.length / 3;
  const position = document.createAccessor().setType('VEC3').setArray(new Float32Array(mesh.positions)).setBuffer(buffer);
  const normal = document.createAccessor().setType('VEC3').setArray(new Float32Array(mesh.normals)).setBuffer(buffer);
  const indexArray = vertexCount < 65536 ? new Uint16Array(mesh.indices) : new Uint32Array(mesh.indices);
  const indices = document.createAccessor().setType('SCALAR').setArray(indexArray).setBuffer(buffer);
  return document.createPrimitive().setAttribute('POSITION', position).setAttribute('NORMAL', normal).setIndices(indices);
}

/**
 * Node layout: scene → `<product id>` → `<part id>` (translation = part origin, extras.partId) → `<part id>-mesh`.
 * The mesh sits on its own child so that compression may give it a dequantization transform without touching the part frame.
 */
export function createModelDocument(model: ProductModel, bodyColor: string): Document {
  const document = new Document().setLogger(new Logger(Logger.Verbosity.WARN));
  document.createBuffer();
  const materials = new Map<MaterialName, Material>();
  const materialFor = (name: MaterialName): Material => {
    const existing = materials.get(name);
    if (existing) return existing;
    const created = createMaterial(document, name, bodyColor);
    materials.set(name, created);
    return created;
  };

  const root = document.createNode(model.id).setExtras({ productId: model.id });
  document.createScene(model.id).addChild(root);
  document.getRoot().setDefaultScene(document.getRoot().listScenes()[0] ?? null);

  for (const part of model.parts) {
    if (part.primitives.length > MAX_PRIMITIVES_PER_PART) throw new Error(`${part.id}: ${part.primitives.length} primitives, at most ${MAX_PRIMITIVES_PER_PART}`);
    const mesh = document.createMesh(part.id);
    part.primitives.forEach(({ material, mesh: data }, index) => {
      mesh.addPrimitive(createPrimitive(document, data, `${model.id}/${part.id}#${index}`).setMaterial(materialFor(material)));
    });
    const meshNode = document.createNode(`${part.id}-mesh`).setMesh(mesh);
    root.addChild(document.createNode(part.id).setTranslation(part.origin).setExtras({ partId: part.id }).addChild(meshNode));
  }
  return document;
}
