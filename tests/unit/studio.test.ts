// Studio's contract: orientation, size correction and plausibility, landmark spread, publish checklist, edit validation.
import { describe, expect, it } from 'vitest';
import { solveRigidAlignment } from '../../core/alignment.ts';
import type { Vec3 } from '../../core/geometry.ts';
import {
  DraftEditSchema,
  draftDimensions,
  editWarnings,
  landmarkSpreadProblem,
  orientationQuaternion,
  orientedSize,
  publishProblems,
  rotateVector,
  scaleFor,
  sizeWarning,
  StudioTreeNodeSchema,
  unsoldPartSku,
} from '../../core/studio.ts';

const box = { width: 0.6, height: 0.3, depth: 0.1 };
const upright = { xTurns: 0, zTurns: 0, yawDegrees: 0 };
const close = (actual: Vec3, expected: Vec3) => actual.forEach((value, index) => expect(value).toBeCloseTo(expected[index] ?? NaN, 9));
const spread: Vec3[] = [[0, 0, 0], [0.4, 0, 0], [0, 0.3, 0], [0, 0, 0.2]];
const name = { en: 'Lid', es: 'Tapa' };

describe('orientation', () => {
  it('turns a Z-up model upright with one quarter turn about X', () => {
    const q = orientationQuaternion({ xTurns: 3, zTurns: 0, yawDegrees: 0 });
    close(rotateVector(q, [0, 0, 1]), [0, 1, 0]);
    expect(orientedSize(box, { xTurns: 1, zTurns: 0, yawDegrees: 0 })).toEqual({ width: 0.6, height: 0.1, depth: 0.3 });
  });

  it('applies the yaw last, about the vertical', () => {
    const q = orientationQuaternion({ xTurns: 1, zTurns: 0, yawDegrees: 90 });
    close(rotateVector(q, [0, 1, 0]), [1, 0, 0]);
    expect(orientedSize(box, { xTurns: 0, zTurns: 0, yawDegrees: 90 })).toEqual({ width: 0.1, height: 0.3, depth: 0.6 });
  });

  it('lays a model on its side with quarter turns about Z', () => {
    expect(orientedSize(box, { xTurns: 0, zTurns: 1, yawDegrees: 0 })).toEqual({ width: 0.3, height: 0.6, depth: 0.1 });
  });
});

describe('size', () => {
  it('warns about a 3 km coffee machine and a 2 mm car wheel, not a 60 cm product', () => {
    expect(sizeWarning({ width: 3000, height: 2000, depth: 1000 })).toBe('too-large');
    expect(sizeWarning({ width: 0.002, height: 0.002, depth: 0.001 })).toBe('too-small');
    expect(sizeWarning(box)).toBeNull();
    expect(editWarnings({ dimensions: { width: 600, height: 300, depth: 100 }, landmarks: [] }).map((w) => w.code)).toEqual(['implausible-size']);
  });

  it('turns a corrected size into one uniform scale, and refuses a stretch', () => {
    const measured = { width: 600, height: 300, depth: 100 };
    expect(scaleFor(measured, upright, { width: 0.6, height: 0.3, depth: 0.1 })).toBeCloseTo(0.001, 12);
    expect(scaleFor(measured, upright, { width: 0.6, height: 0.6, depth: 0.1 })).toBeNull();
    expect(scaleFor(measured, { xTurns: 1, zTurns: 0, yawDegrees: 0 }, { width: 0.6, height: 0.1, depth: 0.3 })).toBeCloseTo(0.001, 12);
    expect(draftDimensions(measured, { xTurns: 1, zTurns: 0, yawDegrees: 0 }, 0.001)).toEqual({ width: 0.6, height: 0.1, depth: 0.3 });
  });

  it('ignores a flat side when scaling', () => {
    expect(scaleFor({ width: 10, height: 0, depth: 5 }, upright, { width: 1, height: 0, depth: 0.5 })).toBeCloseTo(0.1, 12);
  });
});

describe('landmarks', () => {
  it('warns exactly when the alignment solver would refuse them', () => {
    const inARow: Vec3[] = [[0, 0, 0], [0.1, 0, 0], [0.2, 0.001, 0], [0.3, 0, 0]];
    expect(landmarkSpreadProblem(spread)).toBeNull();
    expect(landmarkSpreadProblem(inARow)).toMatch(/one line/);
    const solver = solveRigidAlignment(inARow, inARow);
    expect(solver.ok ? null : solver.message).toBe(landmarkSpreadProblem(inARow));
    const landmarks = inARow.map((position, index) => ({ id: `l${index}`, name, partId: 'lid', position }));
    expect(editWarnings({ dimensions: box, landmarks }).map((w) => w.code)).toEqual(['landmarks-collinear']);
  });
});

describe('publish checklist', () => {
  const parts = [{ nodeId: 'n1', partId: 'lid', name }];
  const landmarks = spread.map((position, index) => ({ id: `p${index}`, name, partId: 'lid', position }));

  it('is empty for a complete draft', () => {
    expect(publishProblems({ dimensions: box, parts, landmarks, thumbnailUrl: '/t.png' })).toEqual([]);
  });

  it('names each missing piece', () => {
    const problems = publishProblems({ dimensions: { width: 30, height: 1, depth: 1 }, parts: [], landmarks: landmarks.slice(0, 2), thumbnailUrl: null });
    expect(problems.map((problem) => problem.path)).toEqual(['dimensions', 'parts', 'landmarks', 'landmarks.0.partId', 'landmarks.1.partId', 'thumbnail']);
  });
});

describe('edits', () => {
  it('refuses a part id, node or SKU used twice, and unknown fields', () => {
    const twice = DraftEditSchema.safeParse({
      parts: [
        { nodeId: 'n1', partId: 'lid', name, sku: 'LID-1' },
        { nodeId: 'n1', partId: 'lid', name, sku: 'LID-1' },
      ],
    });
    expect(twice.success ? [] : twice.error.issues.map((issue) => issue.message)).toEqual(['part id "lid" is used twice', 'node "n1" is used twice', 'SKU "LID-1" is used twice']);
    expect(DraftEditSchema.safeParse({ colour: 'red' }).success).toBe(false);
    expect(DraftEditSchema.safeParse({ landmarks: Array.from({ length: 7 }, (_, i) => ({ id: `l${i}`, name, partId: 'lid', position: [i, 0, 0] })) }).success).toBe(false);
    expect(DraftEditSchema.safeParse({ dimensions: null, orientation: { xTurns: 1, zTurns: 0, yawDegrees: 45 } }).success).toBe(true);
  });

  it('reads a nested parts tree', () => {
    const leaf = { id: 'n1', name: 'Bolt', slug: 'bolt', meshCount: 1, triangleCount: 12, bounds: { min: [0, 0, 0], max: [1, 1, 1] }, children: [] };
    expect(StudioTreeNodeSchema.parse({ ...leaf, id: 'n0', children: [leaf] }).children[0]?.name).toBe('Bolt');
  });

  it('lists a part without SKU under a product-derived one', () => {
    expect(unsoldPartSku('ACME-PUMP', 'impeller-cover')).toBe('ACME-PUMP-IMPELLER-COVER');
  });
});
