// Tubes swept along a path with parallel-transported frames: round or oval sections, optional taper and end caps.
import type { Vec3 } from '../../../core/geometry.ts';
import type { MeshData } from './mesh-data.ts';
import { addConvexPolygon, emptyMesh, pushVertex } from './mesh-data.ts';
import { add, cross, dot, length, normalize, scale, sub } from './vec3.ts';

export interface TubeOptions {
  radius: number;
  /** Second semi-axis over the first, for oval sections. @default 1 */
  aspect?: number;
  /** Radius multiplier along the path, `t` running from 0 to 1. */
  taper?: (t: number) => number;
  /** @default 16 */
  radialSegments?: number;
  /** Close both ends with flat discs. @default true */
  caps?: boolean;
  /** Direction of the section's first semi-axis at the start of the path. */
  sectionAxis?: Vec3;
}

function perpendicular(tangent: Vec3, hint: Vec3 | undefined): Vec3 {
  const candidates: Vec3[] = hint ? [hint, [0, 1, 0], [1, 0, 0]] : [[0, 1, 0], [1, 0, 0]];
  for (const candidate of candidates) {
    const projected = sub(candidate, scale(tangent, dot(candidate, tangent)));
    if (length(projected) > 1e-6) return normalize(projected);
  }
  return [0, 0, 1];
}

export function tube(path: readonly Vec3[], options: TubeOptions): MeshData {
  const { radius, aspect = 1, taper = () => 1, radialSegments = 16, caps = true, sectionAxis } = options;
  if (path.length < 2) throw new Error('tube: a path needs at least two points');
  const tangents = path.map((point, i) => normalize(sub(path[Math.min(i + 1, path.length - 1)] ?? point, path[Math.max(i - 1, 0)] ?? point)));
  const distances = [0];
  for (let i = 1; i < path.length; i++) distances.push((distances[i - 1] ?? 0) + length(sub(path[i] ?? [0, 0, 0], path[i - 1] ?? [0, 0, 0])));
  const total = distances[distances.length - 1] ?? 1;

  const mesh = emptyMesh();
  const rings: Vec3[][] = [];
  let axisN = perpendicular(tangents[0] ?? [0, 0, 1], sectionAxis);
  path.forEach((centre, i) => {
    const tangent = tangents[i] ?? [0, 0, 1];
    axisN = perpendicular(tangent, axisN);
    const axisB = cross(tangent, axisN);
    const a = radius * taper((distances[i] ?? 0) / total);
    const b = a * aspect;
    const ring: Vec3[] = [];
    for (let j = 0; j <= radialSegments; j++) {
      const angle = ((j % radialSegments) / radialSegments) * Math.PI * 2;
      const [c, s] = [Math.cos(angle), Math.sin(angle)];
      const position = add(centre, add(scale(axisN, a * c), scale(axisB, b * s)));
      const normal = normalize(add(scale(axisN, b * c), scale(axisB, a * s)));
      pushVertex(mesh, position, normal);
      if (j < radialSegments) ring.push(position);
    }
    rings.push(ring);
  });
  const stride = radialSegments + 1;
  for (let i = 0; i + 1 < path.length; i++) {
    for (let j = 0; j < radialSegments; j++) {
      const a = i * stride + j;
      const b = a + 1;
      const c = a + stride + 1;
      const d = a + stride;
      mesh.indices.push(a, b, c, a, c, d);
    }
  }
  if (caps) {
    addConvexPolygon(mesh, rings[0] ?? [], scale(tangents[0] ?? [0, 0, 1], -1));
    addConvexPolygon(mesh, rings[rings.length - 1] ?? [], tangents[tangents.length - 1] ?? [0, 0, 1]);
  }
  return mesh;
}
