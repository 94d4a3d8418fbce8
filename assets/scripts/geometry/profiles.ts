// Ready-made `lathe` profiles in the (radius, height) plane: rounded rectangles, rounded discs, spheres.
import type { ProfilePoint } from './lathe.ts';

/** A closed rectangle from (r0, y0) to (r1, y1) whose corners are rounded with `radius` in `steps` pieces each. */
export function roundedRectProfile(r0: number, r1: number, y0: number, y1: number, radius: number, steps = 3): ProfilePoint[] {
  const corners: Array<[number, number, number]> = [
    [r1 - radius, y0 + radius, -Math.PI / 2],
    [r1 - radius, y1 - radius, 0],
    [r0 + radius, y1 - radius, Math.PI / 2],
    [r0 + radius, y0 + radius, Math.PI],
  ];
  const points: ProfilePoint[] = [];
  for (const [cr, cy, start] of corners) {
    for (let k = 0; k <= steps; k++) {
      const angle = start + (Math.PI / 2) * (k / steps);
      points.push([cr + radius * Math.cos(angle), cy + radius * Math.sin(angle)]);
    }
  }
  const first = points[0];
  if (first) points.push(first);
  return points;
}

/** A closed profile for a solid disc of `radius` from y0 to y1 whose outer edges are rounded with `corner`. */
export function roundedDiscProfile(radius: number, y0: number, y1: number, corner: number, steps = 3): ProfilePoint[] {
  const points: ProfilePoint[] = [[0, y0]];
  for (let k = 0; k <= steps; k++) {
    const angle = -Math.PI / 2 + (Math.PI / 2) * (k / steps);
    points.push([radius - corner + corner * Math.cos(angle), y0 + corner + corner * Math.sin(angle)]);
  }
  for (let k = 0; k <= steps; k++) {
    const angle = (Math.PI / 2) * (k / steps);
    points.push([radius - corner + corner * Math.cos(angle), y1 - corner + corner * Math.sin(angle)]);
  }
  points.push([0, y1], [0, y0]);
  return points;
}

/** An open half-circle profile from the bottom pole to the top pole: `lathe` turns it into a sphere. */
export function sphereProfile(radius: number, steps = 12): ProfilePoint[] {
  const points: ProfilePoint[] = [];
  for (let k = 0; k <= steps; k++) {
    const angle = -Math.PI / 2 + Math.PI * (k / steps);
    points.push([k === 0 || k === steps ? 0 : radius * Math.cos(angle), radius * Math.sin(angle)]);
  }
  return points;
}
