// Rigid alignment of a product's model landmarks onto tapped real points: least-squares rotation + translation (Horn).
import type { Quat, RigidTransform, Vec3 } from './geometry.ts';

/** Above this RMS error (metres) the UI asks the technician to redo the alignment. */
export const ALIGNMENT_MAX_RMS_METRES = 0.02;
/** Fewest landmark pairs that fix a rigid transform. */
export const ALIGNMENT_MIN_POINTS = 3;
/** Point sets whose RMS spread along their main axis is below this (metres) are "all in one place". */
export const ALIGNMENT_MIN_SPREAD_METRES = 0.001;
/**
 * Point sets whose RMS distance from their best-fit line is below this fraction of their spread along it (or below
 * {@link ALIGNMENT_MIN_SPREAD_METRES}) are "on one line": the rotation about that line would be guesswork.
 */
export const ALIGNMENT_MIN_OFF_LINE_RATIO = 0.05;

export type RigidAlignmentFailureReason = 'too_few_points' | 'length_mismatch' | 'degenerate';

export interface RigidAlignmentSuccess {
  readonly ok: true;
  /** Maps model-frame points to world points: `world ≈ applyRigidTransform(transform, model)`. */
  readonly transform: RigidTransform;
  /** Root mean square of {@link residuals}, in metres. */
  readonly rmsError: number;
  /** Distance in metres between each transformed model point and its world point, in input order. */
  readonly residuals: number[];
}

export interface RigidAlignmentFailure {
  readonly ok: false;
  readonly reason: RigidAlignmentFailureReason;
  /** A sentence a technician can act on. */
  readonly message: string;
}

export type RigidAlignmentResult = RigidAlignmentSuccess | RigidAlignmentFailure;

const IDENTITY_QUAT: Quat = [0, 0, 0, 1];

/**
 * Solves the rotation and translation (no scale) that best maps `modelPoints[i]` onto `worldPoints[i]` in the
 * least-squares sense. Refuses fewer than 3 pairs, unequal lengths, and model or world sets that are coincident or
 * nearly collinear. The rotation is always proper (never a reflection). Inputs must be finite.
 */
export function solveRigidAlignment(
  modelPoints: readonly Vec3[],
  worldPoints: readonly Vec3[],
): RigidAlignmentResult {
  if (modelPoints.length !== worldPoints.length) {
    const counts = `${modelPoints.length} model landmarks but ${worldPoints.length} tapped points`;
    return failure('length_mismatch', `Got ${counts}: each landmark needs exactly one tapped point.`);
  }
  if (modelPoints.length < ALIGNMENT_MIN_POINTS) {
    const missing = ALIGNMENT_MIN_POINTS - modelPoints.length;
    return failure(
      'too_few_points',
      `Alignment needs at least ${ALIGNMENT_MIN_POINTS} points, got ${modelPoints.length}: tap ${missing} more.`,
    );
  }
  const modelProblem = describeDegeneracy(modelPoints, 'model');
  if (modelProblem) return failure('degenerate', modelProblem);
  const worldProblem = describeDegeneracy(worldPoints, 'world');
  if (worldProblem) return failure('degenerate', worldProblem);

  const modelCentroid = centroid(modelPoints);
  const worldCentroid = centroid(worldPoints);
  const [sxx, sxy, sxz, syx, syy, syz, szx, szy, szz] = crossCovariance(modelPoints, worldPoints);
  const horn = [
    sxx + syy + szz, syz - szy,       szx - sxz,        sxy - syx,
    syz - szy,       sxx - syy - szz, sxy + syx,        szx + sxz,
    szx - sxz,       sxy + syx,       -sxx + syy - szz, syz + szy,
    sxy - syx,       szx + sxz,       syz + szy,        -sxx - syy + szz,
  ];
  const best = symmetricEigen(horn, 4)[0];
  const [qw, qx, qy, qz] = best ? best.vector : [1, 0, 0, 0];
  const quaternion = canonicalQuat(normalizeQuat([qx ?? 0, qy ?? 0, qz ?? 0, qw ?? 1]));
  const position = sub(worldCentroid, rotate(quaternion, modelCentroid));
  const transform: RigidTransform = { position, quaternion };

  const residuals = modelPoints.map((model, i) =>
    norm(sub(applyRigidTransform(transform, model), worldPoints[i] ?? worldCentroid)),
  );
  const rmsError = Math.sqrt(residuals.reduce((sum, r) => sum + r * r, 0) / residuals.length);
  return { ok: true, transform, rmsError, residuals };
}

/**
 * True when the alignment succeeded with an RMS error at or below {@link ALIGNMENT_MAX_RMS_METRES}. With exactly 3
 * points the RMS only sees changes in the distances between them, so a tap that is off along the triangle's normal
 * tilts the fit without raising it: a 4th landmark out of that plane is what makes this check meaningful.
 */
export function isGoodFit(result: RigidAlignmentResult): boolean {
  return result.ok && result.rmsError <= ALIGNMENT_MAX_RMS_METRES;
}

/** Applies `t` to point `p`: rotate by `t.quaternion` (unit), then translate by `t.position`. */
export function applyRigidTransform(t: RigidTransform, p: Vec3): Vec3 {
  return add(rotate(t.quaternion, p), t.position);
}

/**
 * Composes like matrix products: the result applies `inner` first, then `outer`,
 * e.g. `worldFromProduct = composeRigidTransforms(worldFromAnchor, anchorFromProduct)`.
 */
export function composeRigidTransforms(outer: RigidTransform, inner: RigidTransform): RigidTransform {
  return {
    position: applyRigidTransform(outer, inner.position),
    quaternion: normalizeQuat(multiplyQuat(outer.quaternion, inner.quaternion)),
  };
}

/** The transform that undoes `t`. */
export function invertRigidTransform(t: RigidTransform): RigidTransform {
  const inverse = conjugateQuat(normalizeQuat(t.quaternion));
  return { position: scale(rotate(inverse, t.position), -1), quaternion: inverse };
}

/** Angle in radians, in [0, π], of the rotation taking `a` to `b` (q and -q count as the same rotation). */
export function quaternionAngleBetween(a: Quat, b: Quat): number {
  const [x, y, z, w] = multiplyQuat(conjugateQuat(a), b);
  return 2 * Math.atan2(Math.hypot(x, y, z), Math.abs(w));
}

function failure(reason: RigidAlignmentFailureReason, message: string): RigidAlignmentFailure {
  return { ok: false, reason, message };
}

function describeDegeneracy(points: readonly Vec3[], set: 'model' | 'world'): string | undefined {
  const covariance = crossCovariance(points, points);
  const [first, second] = symmetricEigen(covariance, 3);
  const alongLine = Math.sqrt(Math.max(first?.value ?? 0, 0) / points.length);
  const offLine = Math.sqrt(Math.max(second?.value ?? 0, 0) / points.length);
  const subject = set === 'model' ? 'The model landmarks are' : 'The points you tapped are';
  const advice =
    set === 'model'
      ? 'this product needs landmarks that are further apart'
      : 'tap landmarks that are further apart';
  if (!(alongLine >= ALIGNMENT_MIN_SPREAD_METRES)) return `${subject} almost in the same place: ${advice}.`;
  if (!(offLine >= Math.max(ALIGNMENT_MIN_SPREAD_METRES, ALIGNMENT_MIN_OFF_LINE_RATIO * alongLine))) {
    return `${subject} almost on one line: ${advice} and not in a row.`;
  }
  return undefined;
}

interface EigenPair {
  readonly value: number;
  readonly vector: number[];
}

/** Eigenpairs of a symmetric n×n row-major matrix by cyclic Jacobi rotations, largest eigenvalue first. */
function symmetricEigen(matrix: readonly number[], n: number): EigenPair[] {
  const a = Float64Array.from(matrix);
  const v = new Float64Array(n * n);
  for (let i = 0; i < n; i++) v[i * n + i] = 1;
  const at = (m: Float64Array, i: number): number => m[i] ?? Number.NaN;
  const frobenius = a.reduce((sum, x) => sum + x * x, 0);

  for (let sweep = 0; sweep < 64; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += at(a, p * n + q) ** 2;
    if (!(off > (Number.EPSILON * Number.EPSILON * frobenius) / 4)) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = at(a, p * n + q);
        if (apq === 0) continue;
        const theta = (at(a, q * n + q) - at(a, p * n + p)) / (2 * apq);
        const t = (theta >= 0 ? 1 : -1) / (Math.abs(theta) + Math.hypot(theta, 1));
        const c = 1 / Math.hypot(t, 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = at(a, k * n + p);
          const akq = at(a, k * n + q);
          a[k * n + p] = c * akp - s * akq;
          a[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = at(a, p * n + k);
          const aqk = at(a, q * n + k);
          a[p * n + k] = c * apk - s * aqk;
          a[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = at(v, k * n + p);
          const vkq = at(v, k * n + q);
          v[k * n + p] = c * vkp - s * vkq;
          v[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }

  const pairs: EigenPair[] = [];
  for (let j = 0; j < n; j++) {
    const vector: number[] = [];
    for (let k = 0; k < n; k++) vector.push(at(v, k * n + j));
    pairs.push({ value: at(a, j * n + j), vector });
  }
  return pairs.sort((x, y) => y.value - x.value);
}

type Mat3 = [number, number, number, number, number, number, number, number, number];

/** Row-major 3×3 sum over pairs of (a − mean a)(b − mean b)ᵀ; `a` and `b` have equal lengths. */
function crossCovariance(a: readonly Vec3[], b: readonly Vec3[]): Mat3 {
  const ca = centroid(a);
  const cb = centroid(b);
  const s: Mat3 = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  a.forEach((pa, i) => {
    const [ax, ay, az] = sub(pa, ca);
    const [bx, by, bz] = sub(b[i] ?? cb, cb);
    s[0] += ax * bx; s[1] += ax * by; s[2] += ax * bz;
    s[3] += ay * bx; s[4] += ay * by; s[5] += ay * bz;
    s[6] += az * bx; s[7] += az * by; s[8] += az * bz;
  });
  return s;
}

function centroid(points: readonly Vec3[]): Vec3 {
  const sum = points.reduce<Vec3>((acc, p) => add(acc, p), [0, 0, 0]);
  return scale(sum, 1 / points.length);
}

function add(a: Vec3, b: Vec3): Vec3 {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
}

function sub(a: Vec3, b: Vec3): Vec3 {
  return [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
}

function scale(a: Vec3, k: number): Vec3 {
  return [a[0] * k, a[1] * k, a[2] * k];
}

function cross(a: Vec3, b: Vec3): Vec3 {
  return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
}

function norm(a: Vec3): number {
  return Math.hypot(a[0], a[1], a[2]);
}

function rotate(q: Quat, v: Vec3): Vec3 {
  const u: Vec3 = [q[0], q[1], q[2]];
  const uv = cross(u, v);
  const uuv = cross(u, uv);
  return add(v, add(scale(uv, 2 * q[3]), scale(uuv, 2)));
}

function multiplyQuat(a: Quat, b: Quat): Quat {
  const [ax, ay, az, aw] = a;
  const [bx, by, bz, bw] = b;
  return [
    aw * bx + ax * bw + ay * bz - az * by,
    aw * by - ax * bz + ay * bw + az * bx,
    aw * bz + ax * by - ay * bx + az * bw,
    aw * bw - ax * bx - ay * by - az * bz,
  ];
}

function conjugateQuat(q: Quat): Quat {
  return [-q[0], -q[1], -q[2], q[3]];
}

function normalizeQuat(q: Quat): Quat {
  const length = Math.hypot(q[0], q[1], q[2], q[3]);
  return length > 0 ? [q[0] / length, q[1] / length, q[2] / length, q[3] / length] : IDENTITY_QUAT;
}

function canonicalQuat(q: Quat): Quat {
  return q[3] < 0 ? [-q[0], -q[1], -q[2], -q[3]] : q;
}
