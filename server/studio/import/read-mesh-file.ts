// Reads OBJ (with its .mtl colours) and STL uploads through three's loaders into a glTF document, scaled to metres.
import { Document, Logger, type Material } from '@gltf-transform/core';
import { posix } from 'node:path';
import type { BufferGeometry, Material as ThreeMaterial, Mesh, Object3D } from 'three';
import { MTLLoader } from 'three/addons/loaders/MTLLoader.js';
import { OBJLoader } from 'three/addons/loaders/OBJLoader.js';
import { STLLoader } from 'three/addons/loaders/STLLoader.js';
import type { ImportWarning } from './import-types.ts';
import { ImportError } from './refusal.ts';
import type { ArchiveEntry } from './unzip.ts';

export interface ReadMeshFile {
  document: Document;
  warnings: ImportWarning[];
  used: Set<ArchiveEntry>;
}

interface Piece {
  name: string;
  geometry: BufferGeometry;
  /** Draw ranges with their material name; one range over everything when the geometry has no groups. */
  ranges: Array<{ start: number; count: number; material: string }>;
}

const toLinear = (channel: number): number => (channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4);

function buildDocument(pieces: Piece[], metresPerUnit: number, colors: Map<string, [number, number, number]>): Document {
  const document = new Document().setLogger(new Logger(Logger.Verbosity.ERROR));
  const buffer = document.createBuffer();
  const scene = document.createScene('model');
  document.getRoot().setDefaultScene(scene);
  const materials = new Map<string, Material>();
  const materialFor = (name: string): Material => {
    const existing = materials.get(name);
    if (existing) return existing;
    const [r, g, b] = colors.get(name) ?? [0.75, 0.75, 0.75];
    const created = document.createMaterial(name || 'default').setBaseColorFactor([toLinear(r), toLinear(g), toLinear(b), 1]).setMetallicFactor(0).setRoughnessFactor(0.6);
    materials.set(name, created);
    return created;
  };
  for (const piece of pieces) {
    const positions = piece.geometry.getAttribute('position').array;
    const normals = piece.geometry.getAttribute('normal')?.array;
    const mesh = document.createMesh(piece.name);
    for (const range of piece.ranges) {
      const slice = (array: ArrayLike<number>, scale: number) => Float32Array.from({ length: range.count * 3 }, (_, index) => (array[range.start * 3 + index] ?? 0) * scale);
      const primitive = document
        .createPrimitive()
        .setAttribute('POSITION', document.createAccessor().setType('VEC3').setArray(slice(positions, metresPerUnit)).setBuffer(buffer))
        .setMaterial(materialFor(range.material));
      if (normals) primitive.setAttribute('NORMAL', document.createAccessor().setType('VEC3').setArray(slice(normals, 1)).setBuffer(buffer));
      mesh.addPrimitive(primitive);
    }
    scene.addChild(document.createNode(piece.name).setMesh(mesh));
  }
  return document;
}

function rangesOf(geometry: BufferGeometry, materialName: (index: number) => string): Piece['ranges'] {
  const count = geometry.getAttribute('position').count;
  if (geometry.groups.length === 0) return [{ start: 0, count, material: materialName(0) }];
  return geometry.groups.map((group) => ({ start: group.start, count: Math.min(group.count, count - group.start), material: materialName(group.materialIndex ?? 0) }));
}

function mtlColors(text: string): Map<string, [number, number, number]> {
  const info = new MTLLoader().parse(text, '').materialsInfo as Record<string, { kd?: number[] }>;
  return new Map(Object.entries(info).flatMap(([name, material]) => (material.kd?.length === 3 ? [[name, [material.kd[0] ?? 0, material.kd[1] ?? 0, material.kd[2] ?? 0]] as const] : [])));
}

export function readObj(model: ArchiveEntry, resources: ArchiveEntry[], metresPerUnit: number): ReadMeshFile {
  const text = Buffer.from(model.bytes).toString('utf8');
  const group = new OBJLoader().parse(text);
  const pieces: Piece[] = [];
  group.traverse((object: Object3D) => {
    if (!(object as Mesh).isMesh) return;
    const mesh = object as Mesh;
    const materials: ThreeMaterial[] = Array.isArray(mesh.material) ? mesh.material : [mesh.material];
    pieces.push({ name: mesh.name || `part ${pieces.length + 1}`, geometry: mesh.geometry, ranges: rangesOf(mesh.geometry, (index) => materials[index]?.name ?? '') });
  });
  if (pieces.length === 0) throw new ImportError('no-geometry', `${model.name} is an OBJ file without any faces to show.`, { file: model.name });
  const libraries = [...text.matchAll(/^mtllib\s+(.+?)\s*$/gm)].map((match) => match[1] ?? '');
  const used = new Set<ArchiveEntry>();
  const missing: string[] = [];
  const colors = new Map<string, [number, number, number]>();
  for (const library of libraries) {
    const entry = resources.find((resource) => posix.basename(resource.name) === posix.basename(library.replace(/\\/g, '/')));
    if (!entry) missing.push(library);
    else {
      used.add(entry);
      for (const [name, color] of mtlColors(Buffer.from(entry.bytes).toString('utf8'))) colors.set(name, color);
    }
  }
  const warnings: ImportWarning[] = missing.length
    ? [{ code: 'missing-materials', message: `${model.name} refers to ${missing.join(', ')}, which was not uploaded; its parts are shown in grey.`, params: { file: model.name, missing: missing.join(', ') } }]
    : [];
  return { document: buildDocument(pieces, metresPerUnit, colors), warnings, used };
}

export function readStl(model: ArchiveEntry, metresPerUnit: number): ReadMeshFile {
  let geometry: BufferGeometry;
  try {
    geometry = new STLLoader().parse(model.bytes.buffer.slice(model.bytes.byteOffset, model.bytes.byteOffset + model.bytes.byteLength));
  } catch (error) {
    throw new ImportError('corrupt', `${model.name} could not be read as STL: ${error instanceof Error ? error.message : String(error)}.`, { file: model.name });
  }
  if (geometry.getAttribute('position').count === 0) throw new ImportError('no-geometry', `${model.name} is an STL file without any triangles.`, { file: model.name });
  const names = (geometry.userData as { groupNames?: string[] }).groupNames ?? [];
  const pieces: Piece[] =
    geometry.groups.length > 1
      ? geometry.groups.map((group, index) => ({ name: names[index] || `part ${index + 1}`, geometry, ranges: [{ start: group.start, count: group.count, material: '' }] }))
      : [{ name: names[0] || 'model', geometry, ranges: rangesOf(geometry, () => '') }];
  return { document: buildDocument(pieces, metresPerUnit, new Map()), warnings: [], used: new Set() };
}
