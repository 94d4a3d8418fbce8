// The generated demo products: manifests validate, GLBs pass the Khronos validator, and geometry matches each manifest.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Document, Node } from '@gltf-transform/core';
import { getBounds } from '@gltf-transform/functions';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProductManifest } from '../../core/catalog.ts';
import { ProductManifestSchema } from '../../core/catalog.ts';
import type { Vec3 } from '../../core/geometry.ts';
import { issuesFromZod } from '../../core/errors.ts';
import { createGltfIO } from '../../assets/scripts/gltf-io.ts';
import { hexToLinear } from '../../assets/scripts/materials.ts';
import type { DemoProductId } from '../support/asset-paths.ts';
import { BUILD_REPORT_PATH, DEMO_PRODUCT_IDS, INPUT_PROFILES_DIR, ensureAssetsBuilt, manifestPath, modelPath, rawModelPath } from '../support/asset-paths.ts';

interface ValidatorReport {
  issues: { numErrors: number; numWarnings: number; numInfos: number; messages: Array<{ code: string; message: string; severity: number; pointer?: string }> };
}
const validator = createRequire(import.meta.url)('gltf-validator') as {
  validateBytes(data: Uint8Array, options?: { maxIssues?: number }): Promise<ValidatorReport>;
};

const PART_IDS: Record<DemoProductId, string[]> = {
  'wheel-corner': ['wheel', 'wheel-bolts', 'hub', 'brake-disc', 'caliper', 'brake-pads', 'caliper-bolt-upper', 'caliper-bolt-lower'],
  'espresso-machine': ['body', 'water-tank', 'water-filter', 'drip-tray', 'portafilter', 'group-head', 'descaling-valve', 'steam-wand'],
  'water-heater': ['casing', 'filter', 'pressure-gauge', 'inlet-valve', 'outlet-valve', 'relief-valve'],
};
const VARIANT_COLOURED_PART: Record<DemoProductId, string> = { 'wheel-corner': 'wheel', 'espresso-machine': 'body', 'water-heater': 'casing' };
const DRAW_CALL_BUDGET = 50;

async function readManifestJson(id: string): Promise<unknown> {
  return JSON.parse(await readFile(manifestPath(id), 'utf8'));
}

function transformPoint(matrix: readonly number[], point: Vec3): Vec3 {
  const [x, y, z] = point;
  const m = (i: number): number => matrix[i] ?? 0;
  return [m(0) * x + m(4) * y + m(8) * z + m(12), m(1) * x + m(5) * y + m(9) * z + m(13), m(2) * x + m(6) * y + m(10) * z + m(14)];
}

function worldTriangles(partNode: Node): Vec3[][] {
  const triangles: Vec3[][] = [];
  partNode.traverse((node) => {
    const mesh = node.getMesh();
    if (!mesh) return;
    const matrix = node.getWorldMatrix();
    for (const primitive of mesh.listPrimitives()) {
      const position = primitive.getAttribute('POSITION');
      const indices = primitive.getIndices()?.getArray();
      if (!position || !indices) continue;
      const vertices = Array.from({ length: position.getCount() }, (_, i) => transformPoint(matrix, position.getElement(i, [0, 0, 0]) as Vec3));
      for (let i = 0; i + 2 < indices.length; i += 3) {
        triangles.push([0, 1, 2].map((corner) => vertices[indices[i + corner] ?? 0] ?? [0, 0, 0]));
      }
    }
  });
  return triangles;
}

const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const along = (a: Vec3, d: Vec3, t: number): Vec3 => [a[0] + d[0] * t, a[1] + d[1] * t, a[2] + d[2] * t];

/** Distance from p to triangle abc via its closest point (Ericson, Real-Time Collision Detection 5.1.5). */
function distanceToTriangle(p: Vec3, [a, b, c]: Vec3[]): number {
  if (!a || !b || !c) return Infinity;
  const ab = sub(b, a);
  const ac = sub(c, a);
  const ap = sub(p, a);
  const d1 = dot(ab, ap);
  const d2 = dot(ac, ap);
  const closest = ((): Vec3 => {
    if (d1 <= 0 && d2 <= 0) return a;
    const bp = sub(p, b);
    const d3 = dot(ab, bp);
    const d4 = dot(ac, bp);
    if (d3 >= 0 && d4 <= d3) return b;
    const vc = d1 * d4 - d3 * d2;
    if (vc <= 0 && d1 >= 0 && d3 <= 0) return along(a, ab, d1 / (d1 - d3));
    const cp = sub(p, c);
    const d5 = dot(ab, cp);
    const d6 = dot(ac, cp);
    if (d6 >= 0 && d5 <= d6) return c;
    const vb = d5 * d2 - d1 * d6;
    if (vb <= 0 && d2 >= 0 && d6 <= 0) return along(a, ac, d2 / (d2 - d6));
    const va = d3 * d6 - d5 * d4;
    if (va <= 0 && d4 - d3 >= 0 && d5 - d6 >= 0) return along(b, sub(c, b), (d4 - d3) / (d4 - d3 + (d5 - d6)));
    const denominator = 1 / (va + vb + vc);
    return along(along(a, ab, vb * denominator), ac, vc * denominator);
  })();
  const offset = sub(p, closest);
  const distance = Math.sqrt(dot(offset, offset));
  return Number.isNaN(distance) ? Infinity : distance;
}

function distanceToBox(p: Vec3, box: { min: Vec3; max: Vec3 }): number {
  const gap = [0, 1, 2].map((axis) => Math.max((box.min[axis] ?? 0) - (p[axis] ?? 0), 0, (p[axis] ?? 0) - (box.max[axis] ?? 0)));
  return Math.hypot(...gap);
}

beforeAll(async () => {
  await ensureAssetsBuilt();
}, 120_000);

describe.each(DEMO_PRODUCT_IDS)('product asset %s', (id) => {
  let manifest: ProductManifest;
  let document: Document;
  let rawBytes: Uint8Array;
  let optimizedBytes: Uint8Array;
  const partNode = (partId: string): Node | undefined => document.getRoot().listNodes().find((node) => node.getName() === partId);

  beforeAll(async () => {
    manifest = ProductManifestSchema.parse(await readManifestJson(id));
    rawBytes = new Uint8Array(await readFile(rawModelPath(id)));
    optimizedBytes = new Uint8Array(await readFile(modelPath(id)));
    document = await (await createGltfIO()).readBinary(optimizedBytes);
  });

  it('has a manifest that validates, with the agreed part ids and its own model file', async () => {
    const result = ProductManifestSchema.safeParse(await readManifestJson(id));
    expect(result.success ? [] : issuesFromZod(result.error)).toEqual([]);
    expect(manifest.id).toBe(id);
    expect(manifest.model).toBe(`${id}.glb`);
    expect(manifest.parts.map((part) => part.id).sort()).toEqual([...PART_IDS[id]].sort());
    expect(manifest.landmarks.length).toBeGreaterThanOrEqual(3);
  });

  it.each(['raw', 'optimized'] as const)('passes the Khronos glTF validator with zero errors (%s)', async (kind) => {
    const report = await validator.validateBytes(kind === 'raw' ? rawBytes : optimizedBytes, { maxIssues: 100 });
    const errors = report.issues.messages.filter((message) => message.severity === 0);
    console.info(`${id} ${kind}: ${report.issues.numErrors} errors, ${report.issues.numWarnings} warnings, ${report.issues.numInfos} infos`);
    expect(errors).toEqual([]);
    expect(report.issues.numErrors).toBe(0);
  });

  it('ships an optimized file smaller than the raw one', () => {
    expect(optimizedBytes.byteLength).toBeLessThan(rawBytes.byteLength);
  });

  it('names a node after every part, with extras.partId and its meshes beneath it', () => {
    for (const { id: partId } of manifest.parts) {
      const node = partNode(partId);
      expect(node, `node "${partId}"`).toBeDefined();
      expect(node?.getExtras()).toMatchObject({ partId });
      const meshes: unknown[] = [];
      node?.traverse((child) => {
        const mesh = child.getMesh();
        if (mesh) meshes.push(mesh);
      });
      expect(meshes.length, `meshes under "${partId}"`).toBeGreaterThan(0);
    }
  });

  it(`stays within ${DRAW_CALL_BUDGET} draw calls`, () => {
    const drawCalls = document
      .getRoot()
      .listNodes()
      .reduce((count, node) => count + (node.getMesh()?.listPrimitives().length ?? 0), 0);
    expect(drawCalls).toBeLessThanOrEqual(DRAW_CALL_BUDGET);
  });

  it('colours the variant part with a material named "body" in the first variant colour', () => {
    const body = document.getRoot().listMaterials().find((material) => material.getName() === 'body');
    expect(body).toBeDefined();
    const expected = hexToLinear(manifest.variants[0]?.color ?? '');
    body?.getBaseColorFactor().slice(0, 3).forEach((channel, i) => expect(channel).toBeCloseTo(expected[i] ?? -1, 4));
    const usedBy: string[] = [];
    partNode(VARIANT_COLOURED_PART[id])?.traverse((node) => {
      for (const primitive of node.getMesh()?.listPrimitives() ?? []) usedBy.push(primitive.getMaterial()?.getName() ?? '');
    });
    expect(usedBy).toContain('body');
  });

  it('has manifest dimensions equal to the model bounds (1 cm) and follows the origin convention', () => {
    const scene = document.getRoot().getDefaultScene();
    if (!scene) throw new Error('no default scene');
    const { min, max } = getBounds(scene);
    const size = [0, 1, 2].map((axis) => (max[axis] ?? 0) - (min[axis] ?? 0));
    expect(Math.abs((size[0] ?? 0) - manifest.dimensions.width)).toBeLessThanOrEqual(0.01);
    expect(Math.abs((size[1] ?? 0) - manifest.dimensions.height)).toBeLessThanOrEqual(0.01);
    expect(Math.abs((size[2] ?? 0) - manifest.dimensions.depth)).toBeLessThanOrEqual(0.01);
    const centre = (axis: number): number => ((min[axis] ?? 0) + (max[axis] ?? 0)) / 2;
    expect(Math.abs(centre(0))).toBeLessThan(0.001);
    if (manifest.placement === 'floor') {
      expect(Math.abs(min[1] ?? 1)).toBeLessThan(0.001);
      expect(Math.abs(centre(2))).toBeLessThan(0.001);
    } else {
      expect(Math.abs(min[2] ?? 1)).toBeLessThan(0.001);
      expect(Math.abs(centre(1))).toBeLessThan(0.001);
    }
  });

  it('puts every landmark on its part: within 5 mm of its bounds and 1 mm of its surface', () => {
    for (const landmark of manifest.landmarks) {
      const node = partNode(landmark.partId);
      if (!node) throw new Error(`landmark ${landmark.id}: no node "${landmark.partId}"`);
      expect(distanceToBox(landmark.position, getBounds(node)), `${landmark.id} to ${landmark.partId} bounds`).toBeLessThanOrEqual(0.005);
      const nearest = Math.min(...worldTriangles(node).map((triangle) => distanceToTriangle(landmark.position, triangle)));
      expect(nearest, `${landmark.id} to ${landmark.partId} surface`).toBeLessThanOrEqual(0.001);
    }
  });

  it('spreads its landmarks: no three of them close to collinear', () => {
    const points = manifest.landmarks.map((landmark) => landmark.position);
    let largestArea = 0;
    for (let i = 0; i < points.length; i++) {
      for (let j = i + 1; j < points.length; j++) {
        for (let k = j + 1; k < points.length; k++) {
          const [a, b, c] = [points[i], points[j], points[k]];
          if (!a || !b || !c) continue;
          const [u, v] = [sub(b, a), sub(c, a)];
          const area = Math.hypot(u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]) / 2;
          largestArea = Math.max(largestArea, area);
        }
      }
    }
    const { width, height, depth } = manifest.dimensions;
    const faceArea = Math.max(width * height, width * depth, height * depth);
    expect(largestArea).toBeGreaterThan(faceArea * 0.1);
  });

  it("loads in three's GLTFLoader with the meshopt decoder", async () => {
    const buffer = optimizedBytes.buffer.slice(optimizedBytes.byteOffset, optimizedBytes.byteOffset + optimizedBytes.byteLength);
    const gltf = await new GLTFLoader().setMeshoptDecoder(MeshoptDecoder).parseAsync(buffer as ArrayBuffer, '');
    for (const { id: partId } of manifest.parts) expect(gltf.scene.getObjectByName(partId), partId).toBeDefined();
  });
});

describe('generated build output', () => {
  it('reports raw and optimized sizes for every product', async () => {
    const report = JSON.parse(await readFile(BUILD_REPORT_PATH, 'utf8')) as Array<{ id: string; rawBytes: number; optimizedBytes: number }>;
    expect(report.map((entry) => entry.id).sort()).toEqual([...DEMO_PRODUCT_IDS].sort());
    for (const entry of report) expect(entry.optimizedBytes).toBeLessThan(entry.rawBytes);
  });

  it('carries the WebXR input profiles the client loads offline', async () => {
    const list = JSON.parse(await readFile(path.join(INPUT_PROFILES_DIR, 'profilesList.json'), 'utf8')) as Record<string, unknown>;
    expect(Object.keys(list)).toContain('meta-quest-touch-plus');
    for (const profile of ['meta-quest-touch-plus', 'generic-trigger', 'generic-hand', 'generic-trigger-squeeze-thumbstick']) {
      await expect(readFile(path.join(INPUT_PROFILES_DIR, profile, 'profile.json'), 'utf8')).resolves.toContain(profile);
    }
  });
});

describe('product manifest validation', () => {
  async function wheelManifest(): Promise<Record<string, unknown> & { landmarks: Array<Record<string, unknown>>; parts: Array<Record<string, unknown>> }> {
    return structuredClone((await readManifestJson('wheel-corner')) as never);
  }

  it('rejects a landmark that names an unknown part, naming the field', async () => {
    const manifest = await wheelManifest();
    manifest.landmarks[1] = { ...manifest.landmarks[1], partId: 'spare-tyre' };
    const result = ProductManifestSchema.safeParse(manifest);
    expect(result.success).toBe(false);
    if (result.success) return;
    expect(issuesFromZod(result.error)).toContainEqual({ path: 'landmarks.1.partId', message: 'unknown part id "spare-tyre"' });
  });

  it('rejects a malformed SKU on a part and on the product, naming the fields', async () => {
    const manifest = await wheelManifest();
    const padsIndex = manifest.parts.findIndex((part) => part.id === 'brake-pads');
    manifest.parts[padsIndex] = { ...manifest.parts[padsIndex], sku: 'wc pad 01' };
    manifest['sku'] = 'WC_FRONT_01';
    const result = ProductManifestSchema.safeParse(manifest);
    expect(result.success).toBe(false);
    if (result.success) return;
    const paths = issuesFromZod(result.error).map((issue) => issue.path);
    expect(paths).toContain(`parts.${padsIndex}.sku`);
    expect(paths).toContain('sku');
  });
});
