// The rigid alignment solver recovers known transforms from noisy landmarks and refuses sets it cannot solve.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ALIGNMENT_MAX_RMS_METRES, applyRigidTransform, composeRigidTransforms, invertRigidTransform, isGoodFit, quaternionAngleBetween, solveRigidAlignment, type RigidAlignmentResult, type RigidAlignmentSuccess } from '../../core/alignment.ts';
import type { Quat, RigidTransform, Vec3 } from '../../core/geometry.ts';

const RUNS = { numRuns: 300 };
const MM = 0.001;
const DEG = Math.PI / 180;

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const signedUnit = fc.double({ min: -1, max: 1, noNaN: true });

/** Uniformly distributed unit quaternion (Shoemake). */
const quatArb: fc.Arbitrary<Quat> = fc.tuple(unit, unit, unit).map(([u1, u2, u3]) => {
  const a = Math.sqrt(1 - u1);
  const b = Math.sqrt(u1);
  const [t2, t3] = [2 * Math.PI * u2, 2 * Math.PI * u3];
  return [a * Math.sin(t2), a * Math.cos(t2), b * Math.sin(t3), b * Math.cos(t3)];
});

const vecArb = (range: number): fc.Arbitrary<Vec3> =>
  fc.tuple(signedUnit, signedUnit, signedUnit).map(([x, y, z]) => [x * range, y * range, z * range]);

const axisArb: fc.Arbitrary<Vec3> = vecArb(1).filter((v) => Math.hypot(...v) > 0.1);

const transformArb: fc.Arbitrary<RigidTransform> = fc.record({ position: vecArb(5), quaternion: quatArb });

/** Bell-shaped noise with |noise| ≤ maxNorm: each coordinate is a mean of three uniforms, scaled by maxNorm/√3. */
const noiseArb = (maxNorm: number): fc.Arbitrary<Vec3> =>
  fc
    .tuple(...Array.from({ length: 9 }, () => signedUnit))
    .map((u) => {
      const k = maxNorm / Math.sqrt(3) / 3;
      const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0, g = 0, h = 0, i = 0] = u;
      return [(a + b + c) * k, (d + e + f) * k, (g + h + i) * k];
    });

const noiseForEach = (points: readonly unknown[], maxNorm: number): fc.Arbitrary<Vec3[]> =>
  fc.array(noiseArb(maxNorm), { minLength: points.length, maxLength: points.length });

/** A well-shaped triangle in the z = 0 plane on a circle of diameter 0.3–1 m, vertices at least 60° apart. */
const triangleArb: fc.Arbitrary<{ size: number; triangle: Vec3[] }> = fc
  .record({
    size: fc.double({ min: 0.3, max: 1, noNaN: true }),
    angles: fc.tuple(fc.double({ min: 90, max: 150, noNaN: true }), fc.double({ min: 210, max: 270, noNaN: true })),
  })
  .map(({ size, angles }) => ({
    size,
    triangle: [0, angles[0] * DEG, angles[1] * DEG].map((angle): Vec3 => [
      (size / 2) * Math.cos(angle),
      (size / 2) * Math.sin(angle),
      0,
    ]),
  }));

/** 3–8 landmarks spread over 0.3–1 m: a triangle given some depth, extra points in its cube, turned and offset. */
const landmarksArb: fc.Arbitrary<Vec3[]> = fc
  .record({
    base: triangleArb,
    depth: fc.tuple(signedUnit, signedUnit, signedUnit),
    extra: fc.array(vecArb(0.5), { minLength: 0, maxLength: 5 }),
    turn: quatArb,
    offset: vecArb(0.2),
  })
  .map(({ base: { size, triangle }, depth, extra, turn, offset }) => {
    const lifted = triangle.map(([x, y], i): Vec3 => [x, y, (depth[i] ?? 0) * 0.1 * size]);
    const points = [...lifted, ...extra.map((p): Vec3 => [p[0] * size, p[1] * size, p[2] * size])];
    return points.map((p) => applyRigidTransform({ position: offset, quaternion: turn }, p));
  });

/** Points along a random line 0.3–1 m long, each off the line by at most `jitter`. */
const collinearArb = (jitter: number): fc.Arbitrary<Vec3[]> =>
  fc
    .record({
      length: fc.double({ min: 0.3, max: 1, noNaN: true }),
      direction: quatArb,
      start: vecArb(1),
      along: fc.array(unit, { minLength: 1, maxLength: 6 }),
      noise: fc.array(noiseArb(jitter), { minLength: 8, maxLength: 8 }),
    })
    .map(({ length, direction, start, along, noise }) =>
      [0, 1, ...along].map((t, i) =>
        add(applyRigidTransform({ position: start, quaternion: direction }, [t * length, 0, 0]), noise[i] ?? [0, 0, 0]),
      ),
    );

const coincidentArb: fc.Arbitrary<Vec3[]> = fc
  .record({ at: vecArb(2), noise: fc.array(noiseArb(0.01 * MM), { minLength: 3, maxLength: 8 }) })
  .map(({ at, noise }) => noise.map((n) => add(at, n)));

function add(a: Vec3, b: Vec3): Vec3 {
  return [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
}

function distance(a: Vec3, b: Vec3): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

function expectSolved(result: RigidAlignmentResult): RigidAlignmentSuccess {
  if (!result.ok) throw new Error(`expected a solution, got ${result.reason}: ${result.message}`);
  return result;
}

/** Determinant of the rotation matrix of q (+1 for a rotation, −1 for a reflection). */
function rotationDeterminant(q: Quat): number {
  const t: RigidTransform = { position: [0, 0, 0], quaternion: q };
  const ex = applyRigidTransform(t, [1, 0, 0]);
  const ey = applyRigidTransform(t, [0, 1, 0]);
  const ez = applyRigidTransform(t, [0, 0, 1]);
  return (
    ex[0] * (ey[1] * ez[2] - ey[2] * ez[1]) -
    ey[0] * (ex[1] * ez[2] - ex[2] * ez[1]) +
    ez[0] * (ex[1] * ey[2] - ex[2] * ey[1])
  );
}

function axisAngle(axis: Vec3, angle: number): Quat {
  const n = Math.hypot(...axis);
  const s = Math.sin(angle / 2) / n;
  return [axis[0] * s, axis[1] * s, axis[2] * s, Math.cos(angle / 2)];
}

describe('solveRigidAlignment', () => {
  it('recovers a random rigid transform from noisy landmarks within 1 mm and 0.1°', () => {
    fc.assert(
      fc.property(
        transformArb,
        landmarksArb.chain((model) => fc.tuple(fc.constant(model), noiseForEach(model, 0.2 * MM))),
        (truth, [model, noise]) => {
          const world = model.map((p, i) => add(applyRigidTransform(truth, p), noise[i] ?? [0, 0, 0]));
          const result = expectSolved(solveRigidAlignment(model, world));
          expect(distance(result.transform.position, truth.position)).toBeLessThan(1 * MM);
          expect(quaternionAngleBetween(result.transform.quaternion, truth.quaternion)).toBeLessThan(0.1 * DEG);
          expect(rotationDeterminant(result.transform.quaternion)).toBeCloseTo(1, 12);
          expect(Math.hypot(...result.transform.quaternion)).toBeCloseTo(1, 12);
          expect(result.residuals).toHaveLength(model.length);
          expect(result.rmsError).toBeLessThan(0.2 * MM);
          expect(isGoodFit(result)).toBe(true);
        },
      ),
      RUNS,
    );
  });

  it('fits exact landmarks with zero residual', () => {
    fc.assert(
      fc.property(transformArb, landmarksArb, (truth, model) => {
        const world = model.map((p) => applyRigidTransform(truth, p));
        const result = expectSolved(solveRigidAlignment(model, world));
        expect(result.rmsError).toBeLessThan(1e-9);
        for (const r of result.residuals) expect(r).toBeLessThan(1e-9);
        expect(distance(result.transform.position, truth.position)).toBeLessThan(1e-9);
        expect(quaternionAngleBetween(result.transform.quaternion, truth.quaternion)).toBeLessThan(1e-7);
      }),
      RUNS,
    );
  });

  it('refuses collinear model or tapped points as degenerate', () => {
    fc.assert(
      fc.property(transformArb, collinearArb(0.01 * MM), landmarksArb, (truth, line, good) => {
        const lineInWorld = line.map((p) => applyRigidTransform(truth, p));
        const modelOnLine = solveRigidAlignment(line, lineInWorld);
        expect(modelOnLine).toMatchObject({ ok: false, reason: 'degenerate' });
        expect(!modelOnLine.ok && modelOnLine.message).toMatch(/model landmarks are almost on one line/);

        const model = good.slice(0, line.length);
        while (model.length < line.length) model.push(add(model[model.length - 1] ?? [0, 0, 0], [0.1, 0.2, 0.3]));
        const tappedOnLine = solveRigidAlignment(model, lineInWorld);
        expect(tappedOnLine).toMatchObject({ ok: false, reason: 'degenerate' });
        expect(!tappedOnLine.ok && tappedOnLine.message).toMatch(/points you tapped are almost on one line/);
      }),
      RUNS,
    );
  });

  it('refuses coincident points as degenerate', () => {
    fc.assert(
      fc.property(coincidentArb, landmarksArb, (blob, good) => {
        const model = good.slice(0, blob.length);
        while (model.length < blob.length) model.push(add(model[model.length - 1] ?? [0, 0, 0], [0.1, 0.2, 0.3]));
        const tapped = solveRigidAlignment(model, blob);
        expect(tapped).toMatchObject({ ok: false, reason: 'degenerate' });
        expect(!tapped.ok && tapped.message).toMatch(/almost in the same place/);
        expect(solveRigidAlignment(blob, model)).toMatchObject({ ok: false, reason: 'degenerate' });
      }),
      RUNS,
    );
  });

  it('refuses fewer than 3 pairs and unequal lengths', () => {
    const a: Vec3 = [0, 0, 0];
    const b: Vec3 = [1, 0, 0];
    const c: Vec3 = [0, 1, 0];
    expect(solveRigidAlignment([a, b], [a, b])).toMatchObject({ ok: false, reason: 'too_few_points' });
    expect(solveRigidAlignment([], [])).toMatchObject({ ok: false, reason: 'too_few_points' });
    expect(solveRigidAlignment([a, b, c], [a, b])).toMatchObject({ ok: false, reason: 'length_mismatch' });
    const twoPoints = solveRigidAlignment([a, b], [a, b]);
    expect(!twoPoints.ok && twoPoints.message).toMatch(/at least 3 points.*tap 1 more/);
  });

  it('returns the identity when the points already match', () => {
    const model: Vec3[] = [[0.1, 0.2, 0.3], [0.6, 0.1, 0.2], [0.2, 0.7, 0.1], [0.3, 0.3, 0.8]];
    const result = expectSolved(solveRigidAlignment(model, model));
    expect(quaternionAngleBetween(result.transform.quaternion, [0, 0, 0, 1])).toBeLessThan(1e-12);
    expect(Math.hypot(...result.transform.position)).toBeLessThan(1e-12);
    expect(result.rmsError).toBeLessThan(1e-12);
  });

  it('recovers 180° rotations', () => {
    const model: Vec3[] = [[0.4, 0, 0], [-0.2, 0.35, 0], [-0.2, -0.35, 0.05], [0, 0, 0.3]];
    const axes: Vec3[] = [[0, 1, 0], [1, 0, 0], [0, 0, 1], [1, 1, 1], [-0.3, 0.8, 0.2]];
    for (const axis of axes) {
      const truth: RigidTransform = { position: [1, -2, 0.5], quaternion: axisAngle(axis, Math.PI) };
      const world = model.map((p) => applyRigidTransform(truth, p));
      const result = expectSolved(solveRigidAlignment(model, world));
      expect(quaternionAngleBetween(result.transform.quaternion, truth.quaternion)).toBeLessThan(1e-9);
      expect(distance(result.transform.position, truth.position)).toBeLessThan(1e-12);
    }
    fc.assert(
      fc.property(axisArb, landmarksArb, (axis, pts) => {
        const truth: RigidTransform = { position: [0, 0, 0], quaternion: axisAngle(axis, Math.PI) };
        const result = expectSolved(solveRigidAlignment(pts, pts.map((p) => applyRigidTransform(truth, p))));
        expect(quaternionAngleBetween(result.transform.quaternion, truth.quaternion)).toBeLessThan(1e-7);
      }),
      RUNS,
    );
  });

  it('never returns a reflection, even for mirrored landmarks', () => {
    const planar: Vec3[] = [[0.3, 0, 0], [-0.1, 0.4, 0], [-0.2, -0.3, 0]];
    const mirrored = planar.map(([x, y, z]): Vec3 => [-x, y, z]);
    const flat = expectSolved(solveRigidAlignment(planar, mirrored));
    expect(rotationDeterminant(flat.transform.quaternion)).toBeCloseTo(1, 12);
    expect(flat.rmsError).toBeLessThan(1e-12);

    const solid: Vec3[] = [...planar, [0, 0, 0.4]];
    const mirror = solveRigidAlignment(solid, solid.map(([x, y, z]): Vec3 => [-x, y, z]));
    const fit = expectSolved(mirror);
    expect(rotationDeterminant(fit.transform.quaternion)).toBeCloseTo(1, 12);
    expect(fit.rmsError).toBeGreaterThan(ALIGNMENT_MAX_RMS_METRES);
    expect(isGoodFit(mirror)).toBe(false);

    fc.assert(
      fc.property(transformArb, triangleArb, noiseForEach([0, 1, 2], 0.2 * MM), (truth, { triangle }, noise) => {
        const mirroredInWorld = triangle.map(([x, y, z]) => applyRigidTransform(truth, [-x, y, z]));
        const world = mirroredInWorld.map((p, i) => add(p, noise[i] ?? [0, 0, 0]));
        const result = expectSolved(solveRigidAlignment(triangle, world));
        expect(rotationDeterminant(result.transform.quaternion)).toBeCloseTo(1, 12);
        expect(result.rmsError).toBeLessThan(0.2 * MM);
      }),
      RUNS,
    );
  });

  it('reports a point moved by 10 cm as a bad fit', () => {
    const model: Vec3[] = [[0.4, 0, 0], [-0.2, 0.35, 0], [-0.2, -0.35, 0], [0, 0, 0.4]];
    const truth: RigidTransform = { position: [0.5, 1.2, -2], quaternion: axisAngle([1, 2, 3], 0.7) };
    const world = model.map((p) => applyRigidTransform(truth, p));
    expect(isGoodFit(solveRigidAlignment(model, world))).toBe(true);

    const [first, ...rest] = world;
    const moved: Vec3[] = [add(first ?? [0, 0, 0], [0.1, 0, 0]), ...rest];
    const bad = expectSolved(solveRigidAlignment(model, moved));
    expect(bad.rmsError).toBeGreaterThan(ALIGNMENT_MAX_RMS_METRES);
    expect(isGoodFit(bad)).toBe(false);
    expect(Math.max(...bad.residuals)).toBe(bad.residuals[0]);
  });

  it('cannot see a 3-point tap error along the triangle normal (why a 4th landmark helps)', () => {
    const triangle: Vec3[] = [[0.4, 0, 0], [-0.2, 0.35, 0], [-0.2, -0.35, 0]];
    const lifted: Vec3[] = [[0.4, 0, 0.1], [-0.2, 0.35, 0], [-0.2, -0.35, 0]];
    const tilted = expectSolved(solveRigidAlignment(triangle, lifted));
    expect(isGoodFit(tilted)).toBe(true);
    expect(quaternionAngleBetween(tilted.transform.quaternion, [0, 0, 0, 1])).toBeGreaterThan(5 * DEG);
  });
});

describe('rigid transform helpers', () => {
  const pointArb = vecArb(3);

  it('composes inner first, then outer', () => {
    fc.assert(
      fc.property(transformArb, transformArb, pointArb, (outer, inner, p) => {
        const direct = applyRigidTransform(outer, applyRigidTransform(inner, p));
        expect(distance(applyRigidTransform(composeRigidTransforms(outer, inner), p), direct)).toBeLessThan(1e-12);
      }),
      RUNS,
    );
  });

  it('inverts a transform', () => {
    fc.assert(
      fc.property(transformArb, pointArb, (t, p) => {
        const back = applyRigidTransform(invertRigidTransform(t), applyRigidTransform(t, p));
        expect(distance(back, p)).toBeLessThan(1e-12);
        const identity = composeRigidTransforms(t, invertRigidTransform(t));
        expect(quaternionAngleBetween(identity.quaternion, [0, 0, 0, 1])).toBeLessThan(1e-7);
        expect(Math.hypot(...identity.position)).toBeLessThan(1e-12);
      }),
      RUNS,
    );
  });

  it('measures the angle between quaternions, treating q and -q alike', () => {
    fc.assert(
      fc.property(quatArb, axisArb, fc.double({ min: 0, max: Math.PI, noNaN: true }), (q, axis, angle) => {
        const turned = composeRigidTransforms(
          { position: [0, 0, 0], quaternion: axisAngle(axis, angle) },
          { position: [0, 0, 0], quaternion: q },
        ).quaternion;
        expect(quaternionAngleBetween(q, turned)).toBeCloseTo(angle, 9);
        expect(quaternionAngleBetween(q, [-q[0], -q[1], -q[2], -q[3]])).toBeLessThan(1e-7);
      }),
      RUNS,
    );
  });
});
