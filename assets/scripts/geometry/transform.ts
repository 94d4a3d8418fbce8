// Rigid placement of geometry: rotations about the principal axes and translation (normals follow rotations).
import type { Vec3 } from '../../../core/geometry.ts';
import type { MeshData } from './mesh-data.ts';
import { vertexAt } from './mesh-data.ts';

type PointMap = (point: Vec3) => Vec3;

function mapMesh(mesh: MeshData, mapPosition: PointMap, mapNormal: PointMap): MeshData {
  const positions: number[] = [];
  const normals: number[] = [];
  for (let i = 0; i < mesh.positions.length / 3; i++) {
    positions.push(...mapPosition(vertexAt(mesh.positions, i)));
    normals.push(...mapNormal(vertexAt(mesh.normals, i)));
  }
  return { positions, normals, indices: [...mesh.indices] };
}

export function rotatePointX(point: Vec3, angle: number): Vec3 {
  const [c, s] = [Math.cos(angle), Math.sin(angle)];
  return [point[0], point[1] * c - point[2] * s, point[1] * s + point[2] * c];
}

export function rotatePointY(point: Vec3, angle: number): Vec3 {
  const [c, s] = [Math.cos(angle), Math.sin(angle)];
  return [point[0] * c + point[2] * s, point[1], -point[0] * s + point[2] * c];
}

export function rotatePointZ(point: Vec3, angle: number): Vec3 {
  const [c, s] = [Math.cos(angle), Math.sin(angle)];
  return [point[0] * c - point[1] * s, point[0] * s + point[1] * c, point[2]];
}

export function rotateX(mesh: MeshData, angle: number): MeshData {
  const map: PointMap = (point) => rotatePointX(point, angle);
  return mapMesh(mesh, map, map);
}

export function rotateY(mesh: MeshData, angle: number): MeshData {
  const map: PointMap = (point) => rotatePointY(point, angle);
  return mapMesh(mesh, map, map);
}

export function rotateZ(mesh: MeshData, angle: number): MeshData {
  const map: PointMap = (point) => rotatePointZ(point, angle);
  return mapMesh(mesh, map, map);
}

export function translate(mesh: MeshData, offset: Vec3): MeshData {
  return mapMesh(mesh, (point) => [point[0] + offset[0], point[1] + offset[1], point[2] + offset[2]], (normal) => normal);
}

/** Turns geometry built along +Y (a lathe) to point along +Z, then moves it to `at`. */
export function facingFront(mesh: MeshData, at: Vec3): MeshData {
  return translate(rotateX(mesh, Math.PI / 2), at);
}
