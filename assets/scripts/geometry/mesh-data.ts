// Indexed triangle geometry as plain arrays, plus merging, bounds and the winding check every builder relies on.
import type { Vec3 } from '../../../core/geometry.ts';
import { add, cross, dot, length, sub } from './vec3.ts';

export interface MeshData {
  positions: number[];
  normals: number[];
  indices: number[];
}

export interface Bounds {
  min: Vec3;
  max: Vec3;
}

export function emptyMesh(): MeshData {
  return { positions: [], normals: [], indices: [] };
}

/** Appends a vertex and returns its index. */
export function pushVertex(mesh: MeshData, position: Vec3, normal: Vec3): number {
  mesh.positions.push(position[0], position[1], position[2]);
  mesh.normals.push(normal[0], normal[1], normal[2]);
  return mesh.positions.length / 3 - 1;
}

export function mergeMeshes(...meshes: MeshData[]): MeshData {
  const merged = emptyMesh();
  for (const mesh of meshes) {
    const offset = merged.positions.length / 3;
    merged.positions.push(...mesh.positions);
    merged.normals.push(...mesh.normals);
    for (const index of mesh.indices) merged.indices.push(index + offset);
  }
  return merged;
}

export function vertexAt(values: readonly number[], index: number): Vec3 {
  return [values[index * 3] ?? NaN, values[index * 3 + 1] ?? NaN, values[index * 3 + 2] ?? NaN];
}

export function meshBounds(mesh: MeshData): Bounds {
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < mesh.positions.length; i += 3) {
    for (let axis = 0; axis < 3; axis++) {
      const value = mesh.positions[i + axis] ?? 0;
      if (value < (min[axis] ?? 0)) min[axis] = value;
      if (value > (max[axis] ?? 0)) max[axis] = value;
    }
  }
  return { min, max };
}

export function unionBounds(boxes: readonly Bounds[]): Bounds {
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (const box of boxes) {
    for (let axis = 0; axis < 3; axis++) {
      min[axis] = Math.min(min[axis] ?? 0, box.min[axis] ?? 0);
      max[axis] = Math.max(max[axis] ?? 0, box.max[axis] ?? 0);
    }
  }
  return { min, max };
}

/** Adds a convex polygon as a triangle fan, wound so that its front face looks along `normal`. */
export function addConvexPolygon(mesh: MeshData, points: readonly Vec3[], normal: Vec3): void {
  const first = points[0];
  const second = points[1];
  const third = points[2];
  if (!first || !second || !third) return;
  const facing = dot(cross(sub(second, first), sub(third, first)), normal);
  const ordered = facing >= 0 ? points : [...points].reverse();
  const base = ordered.map((point) => pushVertex(mesh, point, normal));
  for (let i = 1; i + 1 < base.length; i++) mesh.indices.push(base[0] ?? 0, base[i] ?? 0, base[i + 1] ?? 0);
}

/**
 * Counts triangles whose winding disagrees with their vertex normals (front face pointing inwards).
 * Builders keep this at zero so back-face culling and lighting agree.
 */
export function countInvertedTriangles(mesh: MeshData): number {
  let inverted = 0;
  for (let i = 0; i < mesh.indices.length; i += 3) {
    const [a, b, c] = [mesh.indices[i] ?? 0, mesh.indices[i + 1] ?? 0, mesh.indices[i + 2] ?? 0];
    const face = cross(sub(vertexAt(mesh.positions, b), vertexAt(mesh.positions, a)), sub(vertexAt(mesh.positions, c), vertexAt(mesh.positions, a)));
    if (length(face) < 1e-14) continue;
    const shading = add(add(vertexAt(mesh.normals, a), vertexAt(mesh.normals, b)), vertexAt(mesh.normals, c));
    if (dot(face, shading) < 0) inverted++;
  }
  return inverted;
}
