// Surfaces of revolution: a profile of (radius, height) points revolved about the Y axis, with creased or smooth normals.
import type { Vec3 } from '../../../core/geometry.ts';
import type { MeshData } from './mesh-data.ts';
import { addConvexPolygon, emptyMesh, pushVertex } from './mesh-data.ts';

export type ProfilePoint = readonly [radius: number, height: number];

export interface LatheOptions {
  /** Segments around the axis. @default 48 */
  segments?: number;
  /** Where the sweep starts, radians; angle 0 points along +Z, π/2 along +X. @default 0 */
  startAngle?: number;
  /** Swept angle in radians; a closed profile swept less than a full turn gets flat end caps (profile must be convex). @default 2π */
  sweep?: number;
  /** Profile corners sharper than this many degrees keep a hard edge. @default 40 */
  creaseAngle?: number;
  /** Flat faces around the axis instead of smooth shading, e.g. 6 segments for a hex head. @default false */
  facetted?: boolean;
}

const FULL_TURN = Math.PI * 2;

/** A point on the surface of revolution; the same mapping `lathe` uses, so callers can place landmarks exactly. */
export function lathePoint(radius: number, height: number, angle: number): Vec3 {
  return [radius * Math.sin(angle), height, radius * Math.cos(angle)];
}

function samePoint(a: ProfilePoint, b: ProfilePoint): boolean {
  return Math.abs(a[0] - b[0]) < 1e-12 && Math.abs(a[1] - b[1]) < 1e-12;
}

function counterClockwise(profile: readonly ProfilePoint[]): readonly ProfilePoint[] {
  let area = 0;
  for (let i = 0; i + 1 < profile.length; i++) {
    const [a, b] = [profile[i], profile[i + 1]];
    if (a && b) area += a[0] * b[1] - b[0] * a[1];
  }
  return area >= 0 ? profile : [...profile].reverse();
}

interface Band {
  from: ProfilePoint;
  to: ProfilePoint;
  normal: [number, number];
  startNormal: [number, number];
  endNormal: [number, number];
}

function blend(a: [number, number], b: [number, number], cosCrease: number): [number, number] {
  if (a[0] * b[0] + a[1] * b[1] < cosCrease) return a;
  const sum: [number, number] = [a[0] + b[0], a[1] + b[1]];
  const len = Math.hypot(sum[0], sum[1]);
  return [sum[0] / len, sum[1] / len];
}

function buildBands(profile: readonly ProfilePoint[], closed: boolean, creaseAngle: number): Band[] {
  const bands: Band[] = [];
  for (let i = 0; i + 1 < profile.length; i++) {
    const [from, to] = [profile[i], profile[i + 1]];
    if (!from || !to || samePoint(from, to)) continue;
    const [dr, dy] = [to[0] - from[0], to[1] - from[1]];
    const len = Math.hypot(dr, dy);
    const normal: [number, number] = [dy / len, -dr / len];
    bands.push({ from, to, normal, startNormal: normal, endNormal: normal });
  }
  const cosCrease = Math.cos((creaseAngle * Math.PI) / 180);
  bands.forEach((band, index) => {
    const previous = bands[index - 1] ?? (closed ? bands[bands.length - 1] : undefined);
    const next = bands[index + 1] ?? (closed ? bands[0] : undefined);
    if (previous) band.startNormal = blend(band.normal, previous.normal, cosCrease);
    if (next) band.endNormal = blend(band.normal, next.normal, cosCrease);
  });
  return bands;
}

function surfaceNormal(normal: readonly [number, number], angle: number): Vec3 {
  return [normal[0] * Math.sin(angle), normal[1], normal[0] * Math.cos(angle)];
}

/**
 * Revolves `profile` about +Y. Open profiles are taken as given: walk them so that the outside lies to the right of the
 * direction of travel in the (radius, height) plane. Closed profiles (last point equals the first) are oriented automatically.
 */
export function lathe(profileIn: readonly ProfilePoint[], options: LatheOptions = {}): MeshData {
  const { segments = 48, startAngle = 0, sweep = FULL_TURN, creaseAngle = 40, facetted = false } = options;
  const first = profileIn[0];
  const last = profileIn[profileIn.length - 1];
  const closed = profileIn.length > 3 && first !== undefined && last !== undefined && samePoint(first, last);
  const profile = closed ? counterClockwise(profileIn) : profileIn;
  const fullTurn = sweep >= FULL_TURN - 1e-9;
  const angleAt = (k: number): number => (fullTurn && k === segments ? startAngle : startAngle + (sweep * k) / segments);
  const mesh = emptyMesh();

  for (const band of buildBands(profile, closed, creaseAngle)) {
    const fromOnAxis = band.from[0] < 1e-9;
    const toOnAxis = band.to[0] < 1e-9;
    const addQuad = (a: number, b: number, c: number, d: number): void => {
      if (!fromOnAxis) mesh.indices.push(a, b, c);
      if (!toOnAxis) mesh.indices.push(a, c, d);
    };
    if (facetted) {
      for (let k = 0; k < segments; k++) {
        const [a0, a1] = [angleAt(k), angleAt(k + 1)];
        const mid = startAngle + (sweep * (k + 0.5)) / segments;
        const normal = surfaceNormal(band.normal, mid);
        const a = pushVertex(mesh, lathePoint(band.from[0], band.from[1], a0), normal);
        const b = pushVertex(mesh, lathePoint(band.from[0], band.from[1], a1), normal);
        const c = pushVertex(mesh, lathePoint(band.to[0], band.to[1], a1), normal);
        const d = pushVertex(mesh, lathePoint(band.to[0], band.to[1], a0), normal);
        addQuad(a, b, c, d);
      }
      continue;
    }
    const base = mesh.positions.length / 3;
    for (let k = 0; k <= segments; k++) {
      const angle = angleAt(k);
      pushVertex(mesh, lathePoint(band.from[0], band.from[1], angle), surfaceNormal(band.startNormal, angle));
      pushVertex(mesh, lathePoint(band.to[0], band.to[1], angle), surfaceNormal(band.endNormal, angle));
    }
    for (let k = 0; k < segments; k++) {
      const [a, d, b, c] = [base + 2 * k, base + 2 * k + 1, base + 2 * k + 2, base + 2 * k + 3];
      addQuad(a, b, c, d);
    }
  }

  if (closed && !fullTurn) {
    const endAngle = startAngle + sweep;
    const ring = profile.slice(0, -1);
    addConvexPolygon(
      mesh,
      ring.map(([r, y]) => lathePoint(r, y, startAngle)),
      [-Math.cos(startAngle), 0, Math.sin(startAngle)],
    );
    addConvexPolygon(
      mesh,
      ring.map(([r, y]) => lathePoint(r, y, endAngle)),
      [Math.cos(endAngle), 0, -Math.sin(endAngle)],
    );
  }
  return mesh;
}
