// Paths for tubes: polylines whose corners are replaced by smooth bends, as a bent pipe would have.
import type { Vec3 } from '../../../core/geometry.ts';
import { add, dot, length, normalize, scale, sub } from './vec3.ts';

function bezier(a: Vec3, control: Vec3, b: Vec3, t: number): Vec3 {
  const u = 1 - t;
  return add(add(scale(a, u * u), scale(control, 2 * u * t)), scale(b, t * t));
}

/** Rounds every interior corner of `points` with a bend of about `bendRadius`, sampled in `steps` pieces. */
export function bentPath(points: readonly Vec3[], bendRadius: number, steps = 8): Vec3[] {
  const first = points[0];
  if (!first) return [];
  const result: Vec3[] = [first];
  for (let i = 1; i + 1 < points.length; i++) {
    const [previous, corner, next] = [points[i - 1] ?? first, points[i] ?? first, points[i + 1] ?? first];
    const incoming = normalize(sub(corner, previous));
    const outgoing = normalize(sub(next, corner));
    const turn = Math.acos(Math.max(-1, Math.min(1, dot(incoming, outgoing))));
    const trim = Math.min(bendRadius * Math.tan(turn / 2), length(sub(corner, previous)) / 2, length(sub(next, corner)) / 2);
    if (turn < 1e-3 || trim <= 0) {
      result.push(corner);
      continue;
    }
    const start = sub(corner, scale(incoming, trim));
    const end = add(corner, scale(outgoing, trim));
    for (let k = 0; k <= steps; k++) result.push(bezier(start, corner, end, k / steps));
  }
  result.push(points[points.length - 1] ?? first);
  return result;
}

/** Evenly spaced points on the straight segment from `a` to `b`, both ends included. */
export function segmentPath(a: Vec3, b: Vec3, pieces = 1): Vec3[] {
  const points: Vec3[] = [];
  for (let k = 0; k <= pieces; k++) points.push(add(a, scale(sub(b, a), k / pieces)));
  return points;
}
