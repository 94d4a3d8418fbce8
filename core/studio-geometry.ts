// Studio's pure rules on a draft's shape: orientation as a quaternion, size correction, plausibility, landmark spread.
import { solveRigidAlignment } from './alignment.ts';
import type { Quat, Vec3 } from './geometry.ts';

/** Quarter turns about X and Z (fixing a model exported Z up or lying on its side), then a free turn about the vertical. */
export interface StudioOrientation {
  /** Quarter turns about X, 0–3. */
  xTurns: number;
  /** Quarter turns about Z, 0–3. */
  zTurns: number;
  /** Degrees about Y (up), applied last: which way the front faces. */
  yawDegrees: number;
}

export interface BoxSize {
  width: number;
  height: number;
  depth: number;
}

/** Largest side (metres) outside [min, max] reads as a unit mistake: a 2 mm car wheel, a 3 km coffee machine. */
export const STUDIO_PLAUSIBLE_SIZE_M = { min: 0.01, max: 20 } as const;
/** A corrected size must keep the model's proportions within this fraction: a correction is a unit fix, not a stretch. */
export const STUDIO_CORRECTION_TOLERANCE = 0.02;

const multiply = (a: Quat, b: Quat): Quat => [
  a[3] * b[0] + a[0] * b[3] + a[1] * b[2] - a[2] * b[1],
  a[3] * b[1] - a[0] * b[2] + a[1] * b[3] + a[2] * b[0],
  a[3] * b[2] + a[0] * b[1] - a[1] * b[0] + a[2] * b[3],
  a[3] * b[3] - a[0] * b[0] - a[1] * b[1] - a[2] * b[2],
];

const about = (axis: 0 | 1 | 2, radians: number): Quat => {
  const q: Quat = [0, 0, 0, Math.cos(radians / 2)];
  q[axis] = Math.sin(radians / 2);
  return q;
};

/** The rotation (x, y, z, w) of an orientation: X turns first, then Z turns, then the yaw about Y. */
export function orientationQuaternion(orientation: StudioOrientation): Quat {
  const quarter = Math.PI / 2;
  const x = about(0, orientation.xTurns * quarter);
  const z = about(2, orientation.zTurns * quarter);
  const y = about(1, (orientation.yawDegrees * Math.PI) / 180);
  return multiply(y, multiply(z, x));
}

export function rotateVector(q: Quat, v: Vec3): Vec3 {
  const [x, y, z, w] = q;
  const tx = 2 * (y * v[2] - z * v[1]);
  const ty = 2 * (z * v[0] - x * v[2]);
  const tz = 2 * (x * v[1] - y * v[0]);
  return [v[0] + w * tx + (y * tz - z * ty), v[1] + w * ty + (z * tx - x * tz), v[2] + w * tz + (x * ty - y * tx)];
}

/** The box a `size` box fills once turned by `orientation` (exact for quarter turns; an upper bound under a free yaw). */
export function orientedSize(size: BoxSize, orientation: StudioOrientation): BoxSize {
  const q = orientationQuaternion(orientation);
  const half: Vec3 = [size.width / 2, size.height / 2, size.depth / 2];
  const extent: Vec3 = [0, 0, 0];
  for (const axis of [0, 1, 2] as const) {
    const unit: Vec3 = [0, 0, 0];
    unit[axis] = half[axis];
    const turned = rotateVector(q, unit);
    for (const i of [0, 1, 2] as const) extent[i] += Math.abs(turned[i]);
  }
  const round = (value: number) => Math.round(value * 1e6) / 1e6;
  return { width: round(2 * extent[0]), height: round(2 * extent[1]), depth: round(2 * extent[2]) };
}

/** Whether a size reads as a unit mistake, and which way. */
export function sizeWarning(size: BoxSize): 'too-small' | 'too-large' | null {
  const largest = Math.max(size.width, size.height, size.depth);
  if (largest < STUDIO_PLAUSIBLE_SIZE_M.min) return 'too-small';
  if (largest > STUDIO_PLAUSIBLE_SIZE_M.max) return 'too-large';
  return null;
}

/**
 * The uniform scale that turns `measured` into `corrected`, or null when the corrected sides do not keep the
 * measured proportions (within {@link STUDIO_CORRECTION_TOLERANCE}). Sides measured as 0 (a flat model) are ignored.
 */
export function correctionScale(measured: BoxSize, corrected: BoxSize): number | null {
  const sides = (['width', 'height', 'depth'] as const).filter((side) => measured[side] > 0);
  const ratios = sides.map((side) => corrected[side] / measured[side]);
  const largest = sides.reduce((best, side) => (measured[side] > measured[best] ? side : best), sides[0] ?? 'width');
  const scale = corrected[largest] / measured[largest];
  if (!(scale > 0) || !Number.isFinite(scale)) return null;
  return ratios.every((ratio) => Math.abs(ratio / scale - 1) <= STUDIO_CORRECTION_TOLERANCE) ? scale : null;
}

/**
 * Why landmarks at these positions would not align a product, in words, or null when they would: the alignment
 * solver's own test (3 or more points, not all in one place, not nearly on one line).
 */
export function landmarkSpreadProblem(positions: readonly Vec3[]): string | null {
  const result = solveRigidAlignment(positions, positions);
  return result.ok ? null : result.message;
}
