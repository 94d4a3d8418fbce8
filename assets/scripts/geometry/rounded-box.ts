// Boxes with evenly rounded edges and corners, centred on the origin.
import type { Vec3 } from '../../../core/geometry.ts';
import type { MeshData } from './mesh-data.ts';
import { emptyMesh, pushVertex } from './mesh-data.ts';
import { translate } from './transform.ts';

function gridValues(half: number, radius: number, segments: number): number[] {
  const inner = half - radius;
  const values: number[] = [];
  for (let k = 0; k <= segments; k++) values.push(-inner - radius * Math.tan((Math.PI / 4) * ((segments - k) / segments)));
  for (let k = 0; k <= segments; k++) values.push(inner + radius * Math.tan((Math.PI / 4) * (k / segments)));
  return values;
}

/** A box of `size` (width, height, depth) whose edges are rounded with `radius`, in `segments` steps per 45°. */
export function roundedBox(size: Vec3, radius: number, segments = 3): MeshData {
  const half: Vec3 = [size[0] / 2, size[1] / 2, size[2] / 2];
  if (radius <= 0 || half.some((h) => radius >= h)) throw new Error(`roundedBox: radius ${radius} must be positive and below every half size`);
  const inner = half.map((h) => h - radius);
  const mesh = emptyMesh();
  for (let axis = 0; axis < 3; axis++) {
    const [u, v] = [(axis + 1) % 3, (axis + 2) % 3];
    const uValues = gridValues(half[u] ?? 0, radius, segments);
    const vValues = gridValues(half[v] ?? 0, radius, segments);
    for (const sign of [1, -1]) {
      const base = mesh.positions.length / 3;
      for (const uValue of uValues) {
        for (const vValue of vValues) {
          const point: Vec3 = [0, 0, 0];
          point[axis] = sign * (half[axis] ?? 0);
          point[u] = uValue;
          point[v] = vValue;
          const core = point.map((value, i) => Math.max(-(inner[i] ?? 0), Math.min(inner[i] ?? 0, value)));
          const offset = point.map((value, i) => value - (core[i] ?? 0));
          const len = Math.hypot(...offset);
          const normal: Vec3 = [(offset[0] ?? 0) / len, (offset[1] ?? 0) / len, (offset[2] ?? 0) / len];
          pushVertex(mesh, [(core[0] ?? 0) + normal[0] * radius, (core[1] ?? 0) + normal[1] * radius, (core[2] ?? 0) + normal[2] * radius], normal);
        }
      }
      const count = vValues.length;
      for (let i = 0; i + 1 < uValues.length; i++) {
        for (let j = 0; j + 1 < count; j++) {
          const a = base + i * count + j;
          const b = base + (i + 1) * count + j;
          const c = base + (i + 1) * count + j + 1;
          const d = base + i * count + j + 1;
          if (sign > 0) mesh.indices.push(a, b, c, a, c, d);
          else mesh.indices.push(a, c, b, a, d, c);
        }
      }
    }
  }
  return mesh;
}

/** A rounded box spanning the corners `min` and `max`. */
export function roundedBoxBetween(min: Vec3, max: Vec3, radius: number, segments = 3): MeshData {
  const size: Vec3 = [max[0] - min[0], max[1] - min[1], max[2] - min[2]];
  const centre: Vec3 = [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2];
  return translate(roundedBox(size, radius, segments), centre);
}
