// Turns occt-import-js output into a glTF document: one node per assembly, one named node per solid, one primitive per colour.
import type { Document, Material, Node } from '@gltf-transform/core';
import type { OcctMesh, OcctNode, OcctResult } from './occt.ts';
import { ImportError } from './refusal.ts';

type Rgb = [number, number, number];

/** Colour of parts the file gives none (sRGB). */
const DEFAULT_COLOR: Rgb = [0.75, 0.75, 0.75];

const toLinear = (channel: number): number => (channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4);
const hex = (rgb: Rgb): string => `#${rgb.map((channel) => Math.round(Math.min(1, Math.max(0, channel)) * 255).toString(16).padStart(2, '0')).join('')}`;

interface TriangleGroup {
  color: Rgb;
  triangles: number[];
}

/** Triangles of a solid grouped by the colour of their B-rep face (else the solid's colour), one key per face. */
function groupByColor(mesh: OcctMesh): TriangleGroup[] {
  const groups = new Map<string, TriangleGroup>();
  const solidColor = mesh.color ?? DEFAULT_COLOR;
  const add = (color: Rgb, first: number, last: number) => {
    const key = hex(color);
    const group = groups.get(key) ?? { color, triangles: [] };
    for (let triangle = first; triangle <= last; triangle += 1) group.triangles.push(triangle);
    groups.set(key, group);
  };
  const triangleCount = mesh.index.array.length / 3;
  let covered = 0;
  for (const face of mesh.brep_faces) {
    add(face.color ?? solidColor, face.first, face.last);
    covered += Math.max(0, face.last - face.first + 1);
  }
  if (covered < triangleCount) {
    const inFace = new Uint8Array(triangleCount);
    for (const face of mesh.brep_faces) inFace.fill(1, face.first, face.last + 1);
    inFace.forEach((flag, triangle) => {
      if (!flag) add(solidColor, triangle, triangle);
    });
  }
  return [...groups.values()];
}

class StepDocumentBuilder {
  private readonly materials = new Map<string, Material>();

  constructor(
    private readonly document: Document,
    private readonly meshes: OcctMesh[],
  ) {}

  private material(color: Rgb): Material {
    const key = hex(color);
    const existing = this.materials.get(key);
    if (existing) return existing;
    const created = this.document
      .createMaterial(key)
      .setBaseColorFactor([toLinear(color[0]), toLinear(color[1]), toLinear(color[2]), 1])
      .setMetallicFactor(0)
      .setRoughnessFactor(0.5);
    this.materials.set(key, created);
    return created;
  }

  /** The group's vertices and indices; a solid of one colour (the usual case) is taken whole, without remapping. */
  private geometry(mesh: OcctMesh, group: TriangleGroup) {
    const source = mesh.attributes.position.array;
    const normals = mesh.attributes.normal?.array;
    const indices = mesh.index.array;
    if (group.triangles.length * 3 === indices.length) {
      return { positions: new Float32Array(source), normals: normals && new Float32Array(normals), indices, vertexCount: source.length / 3 };
    }
    const remap = new Map<number, number>();
    const positions: number[] = [];
    const normalOut: number[] = [];
    const indexOut: number[] = [];
    for (const triangle of group.triangles) {
      for (let corner = 0; corner < 3; corner += 1) {
        const vertex = indices[triangle * 3 + corner] ?? 0;
        let mapped = remap.get(vertex);
        if (mapped === undefined) {
          mapped = remap.size;
          remap.set(vertex, mapped);
          positions.push(source[vertex * 3] ?? 0, source[vertex * 3 + 1] ?? 0, source[vertex * 3 + 2] ?? 0);
          if (normals) normalOut.push(normals[vertex * 3] ?? 0, normals[vertex * 3 + 1] ?? 0, normals[vertex * 3 + 2] ?? 0);
        }
        indexOut.push(mapped);
      }
    }
    return { positions: new Float32Array(positions), normals: normals && new Float32Array(normalOut), indices: indexOut, vertexCount: remap.size };
  }

  private primitive(mesh: OcctMesh, group: TriangleGroup) {
    const { positions, normals, indices, vertexCount } = this.geometry(mesh, group);
    const buffer = this.document.getRoot().listBuffers()[0];
    const accessor = (type: 'VEC3' | 'SCALAR', array: Float32Array | Uint16Array | Uint32Array) => this.document.createAccessor().setType(type).setArray(array).setBuffer(buffer ?? null);
    const primitive = this.document
      .createPrimitive()
      .setAttribute('POSITION', accessor('VEC3', positions))
      .setIndices(accessor('SCALAR', vertexCount < 65536 ? new Uint16Array(indices) : new Uint32Array(indices)))
      .setMaterial(this.material(group.color));
    if (normals) primitive.setAttribute('NORMAL', accessor('VEC3', normals));
    return primitive;
  }

  private solidMesh(mesh: OcctMesh, name: string) {
    const gltfMesh = this.document.createMesh(name);
    for (const group of groupByColor(mesh)) gltfMesh.addPrimitive(this.primitive(mesh, group));
    return gltfMesh;
  }

  /** An assembly node with a child per solid, or, for a lone solid of the same name, the solid on the node itself. */
  node(source: OcctNode, fallbackName: string): Node {
    const name = source.name.trim() || fallbackName;
    const node = this.document.createNode(name);
    const solids = source.meshes.map((index) => this.meshes[index]).filter((mesh): mesh is OcctMesh => mesh !== undefined && mesh.index.array.length > 0);
    const [only] = solids;
    if (only && solids.length === 1 && source.children.length === 0 && (only.name.trim() === '' || only.name.trim() === name)) {
      return node.setMesh(this.solidMesh(only, name));
    }
    solids.forEach((mesh, index) => {
      const solidName = mesh.name.trim() || `${name} ${index + 1}`;
      node.addChild(this.document.createNode(solidName).setMesh(this.solidMesh(mesh, solidName)));
    });
    source.children.forEach((child, index) => node.addChild(this.node(child, `${name} ${index + 1}`)));
    return node;
  }
}

/** Adds the file's top-level shapes to the document's scene and returns them (coordinates as given: metres, Z up). */
export function addStepShapes(document: Document, result: OcctResult, fileName: string): Node[] {
  const root = result.root;
  const meshes = result.meshes ?? [];
  const triangles = meshes.reduce((sum, mesh) => sum + mesh.index.array.length / 3, 0);
  if (!root || triangles === 0) {
    throw new ImportError('no-geometry', `${fileName} was read, but it holds no solid or surface to show: it may contain only drawings, wires or product data.`, { file: fileName });
  }
  if (document.getRoot().listBuffers().length === 0) document.createBuffer();
  const builder = new StepDocumentBuilder(document, meshes);
  const scene = document.getRoot().getDefaultScene() ?? document.createScene('model');
  document.getRoot().setDefaultScene(scene);
  const tops = root.meshes.length > 0 ? [root] : root.children;
  const nodes = tops.map((top, index) => builder.node(top, tops.length === 1 ? 'model' : `shape ${index + 1}`));
  for (const node of nodes) scene.addChild(node);
  return nodes;
}
